import type { Category } from '../../src/schemas/category.ts';
import { IntakeError } from '../domain/intake-error.ts';
import { checkAttributes } from '../domain/open311-attributes.ts';
import { CONTACT_CONSENT_ATTRIBUTE, serviceAttributes } from '../domain/open311-services.ts';
import { publicRequest, type Open311Request, type PublicContext, type PublicLeadRow } from '../domain/open311-request.ts';
import type { FieldError } from '../domain/report-input.ts';
import type { ReceivedPhoto } from '../domain/photos.ts';
import type { IntakeDeps } from './intake-deps.ts';
import { checkSubmission, submitReport } from './submit-report.ts';
import type { NewChannel, RequestQuery } from './ports.ts';

// The Open311 use cases. Filing one goes through submitReport, the web
// form's own use case: the same checks, routing, storage, outbox and record.

export interface Open311Deps {
  intake: IntakeDeps;
  /** The leads as the public calls read them. */
  requests(query: RequestQuery): Promise<PublicLeadRow[]>;
  context: PublicContext;
}

/** Which Open311 parameter each report field comes from, to name it in an error. */
const PARAMETER_OF: Record<string, string> = {
  category: 'service_code',
  lat: 'lat',
  lng: 'long',
  address: 'address_string',
  name: 'first_name',
  startedOn: 'attribute[started_on]',
  contactConsent: `attribute[${CONTACT_CONSENT_ATTRIBUTE.code}]`,
};

function asParameters(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: PARAMETER_OF[e.field] ?? e.field }));
}

/** An in-scope service, or the 404 (an out-of-scope matter is told where to go instead). */
export function serviceFor(categories: readonly Category[], code: string): Category {
  const category = categories.find((c) => c.code === code);
  if (!category) throw new IntakeError('not-found', [{ field: 'service_code', code: 'unknown_service', message: `没有这项服务（service_code “${code.slice(0, 64)}”）；可用的服务见 services.xml` }]);
  if (!category.inScope) throw new IntakeError('not-found', [{ field: 'service_code', code: 'out_of_scope', message: category.redirect ?? '本渠道不受理此类事项' }]);
  return category;
}

/** What an Open311 client posted, as read from the body. */
export interface Open311Post {
  /** Every value of each field (attribute[code][] repeats). */
  all: Readonly<Record<string, readonly string[]>>;
  photos: readonly ReceivedPhoto[];
  apiKeyId: number;
  idempotencyKey: string | undefined;
}

function mediaUrlOf(value: string | undefined): { url: string | null; error?: FieldError } {
  const text = value?.trim() ?? '';
  if (text === '') return { url: null };
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || text.length > 2000) {
    return { url: null, error: { field: 'media_url', code: 'invalid_url', message: 'media_url 应为 http:// 或 https:// 开头的网址（不超过 2000 个字符）' } };
  }
  return { url: url.href };
}

/**
 * POST requests: maps GeoReport v2 parameters onto the report's fields and
 * files it as the web form does. Every fault (the service's attributes, the
 * media URL, the report's own fields) is listed at once.
 */
export async function fileRequest(deps: Open311Deps, post: Open311Post): Promise<{ serviceRequestId: string | undefined; notice: string | null }> {
  const first = (name: string) => post.all[name]?.[0] ?? '';
  const code = first('service_code').trim();
  // An out-of-scope matter (权属纠纷, 对工作人员的投诉…) becomes no lead, as on the form: the
  // answer's service_notice says where to go instead, and no id is given (the spec's "blackbox").
  const outOfScope = deps.intake.categories.find((c) => c.code === code && !c.inScope);
  if (outOfScope) return { serviceRequestId: undefined, notice: outOfScope.redirect ?? '本渠道不受理此类事项' };
  if (code === '') throw new IntakeError('invalid', [{ field: 'service_code', code: 'required', message: '请提供 service_code（可用的服务见 services.xml）' }]);
  const category = serviceFor(deps.intake.categories, code);
  const given: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(post.all)) {
    const code = /^attribute\[([^\]]*)\](\[\])?$/.exec(name)?.[1];
    if (code !== undefined) (given[code] ??= []).push(...values);
  }
  const attributes = checkAttributes(serviceAttributes(category), given);
  const media = mediaUrlOf(first('media_url'));
  const consent = attributes.answers[CONTACT_CONSENT_ATTRIBUTE.code];
  delete attributes.answers[CONTACT_CONSENT_ATTRIBUTE.code];
  const errors: FieldError[] = [...attributes.errors, ...(media.error ? [media.error] : [])];
  if (first('address_id').trim() && !first('lat').trim() && !first('address_string').trim()) {
    errors.push({ field: 'address_id', code: 'unsupported', message: '本平台没有地址编号库，请提供经纬度（lat、long）或地址（address_string）' });
  }
  // Chinese names are written family name first.
  const name = [first('last_name').trim(), first('first_name').trim()].filter(Boolean).join('');
  const fields: Record<string, string> = {
    category: category.code,
    description: first('description'),
    lat: first('lat'),
    lng: first('long'),
    address: first('address_string'),
    startedOn: attributes.startedOn ?? '',
    name,
    phone: first('phone'),
    email: first('email'),
    contactConsent: consent === 'yes' ? 'yes' : '',
  };
  try {
    const result = await submitReportChecked(deps, fields, post, errors, { apiKeyId: post.apiKeyId, mediaUrl: media.url, attributes: attributes.answers });
    const officeCode = result.receipt.office?.code ?? null;
    return { serviceRequestId: String(result.leadId), notice: deps.context.serviceNotice(officeCode) };
  } catch (error) {
    if (error instanceof IntakeError) throw new IntakeError(error.kind, asParameters(error.errors), error.retryAfter);
    throw error;
  }
}

/**
 * submitReport, once the Open311-only faults are known: with some, the
 * report's own checks run too (storing nothing) so that every fault is listed
 * in one answer.
 */
async function submitReportChecked(deps: Open311Deps, fields: Record<string, string>, post: Open311Post, errors: FieldError[], channel: NewChannel) {
  if (errors.length > 0) {
    let kind: IntakeError['kind'] = 'invalid';
    const all = [...errors];
    try {
      await checkSubmission(deps.intake, { fields, photos: post.photos, idempotencyKey: undefined });
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      kind = error.kind;
      all.push(...error.errors);
    }
    throw new IntakeError(kind, all);
  }
  const result = await submitReport(deps.intake, { fields, photos: post.photos, idempotencyKey: post.idempotencyKey, channel });
  if (result.leadId === undefined) throw new Error('Expected the Open311 request to be stored.');
  return result;
}

export async function listRequests(deps: Open311Deps, query: RequestQuery): Promise<Open311Request[]> {
  return (await deps.requests(query)).map((row) => publicRequest(row, deps.context));
}

export async function getRequest(deps: Open311Deps, id: string): Promise<Open311Request> {
  const rows = /^[1-9]\d{0,15}$/.test(id) ? await deps.requests({ ids: [Number(id)], limit: 1 }) : [];
  const row = rows[0];
  if (!row) throw new IntakeError('not-found', [{ field: 'service_request_id', code: 'unknown_request', message: `没有这条服务请求（service_request_id “${id.slice(0, 32)}”）` }]);
  return publicRequest(row, deps.context);
}

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { cleanText, fieldErrors, reportInputSchema, type FieldError, type ReportInput } from '../domain/report-input.ts';
import { IntakeError, type IntakeErrorKind } from '../domain/intake-error.ts';
import { routeReport, type Routing } from '../domain/route-report.ts';
import { REPORT_STATUSES, statusOf, type TimelineEventType } from '../domain/report-status.ts';
import { formatSecret, formatTrackingCode, normalizeSecret } from '../domain/tracking-code.ts';
import { hasContact, sealContact } from '../infra/contact-cipher.ts';
import type { InspectedPhoto, ReceivedPhoto } from '../infra/photo-store.ts';
import { storageError } from '../infra/storage-error.ts';
import { DuplicateIdempotencyKey, DuplicateTrackingCode, type ReportRow } from '../infra/report-store.ts';
import type { IntakeDeps, Receipt } from './intake-deps.ts';

/** A parsed request: text fields, photos already streamed to temp files, and the client's retry key. */
export interface Submission {
  fields: Readonly<Record<string, string>>;
  photos: readonly ReceivedPhoto[];
  idempotencyKey: string | undefined;
  /**
   * A plain HTML form cannot send a key, and reloading its answer page posts it
   * again: take the same content (text fields and photo bytes) as a retry.
   */
  retryByContent?: boolean;
}

/** The result, and whether anything was stored (a filled honeypot stores nothing). */
export interface SubmitResult {
  receipt: Receipt;
  stored: boolean;
}

/** SHA-256 of the secret as typed back (normalised); the only form in which it is kept. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(normalizeSecret(secret)).digest();
}

function drawSymbols(format: (bytes: Uint8Array) => string | undefined, seed?: Buffer): string {
  // Rejection sampling may need more bytes than one draw; a seeded draw is extended by counter.
  for (let round = 0; ; round += 1) {
    const bytes = seed ? createHmac('sha512', seed).update(String(round)).digest() : randomBytes(64);
    const symbols = format(bytes);
    if (symbols) return symbols;
  }
}

/**
 * The secret for a submission. With an Idempotency-Key it is derived (HMAC
 * under a server key) from that key, so a retry gets the same secret back while
 * only its hash is stored; without one it is drawn at random.
 */
function secretFor(deps: IntakeDeps, idempotencyKey: string | undefined): string {
  const seed = idempotencyKey === undefined ? undefined : createHmac('sha256', deps.keys.secretKey).update(`secret\0${idempotencyKey}`).digest();
  return drawSymbols(formatSecret, seed);
}

function fingerprintOf(deps: IntakeDeps, input: ReportInput): string {
  return createHmac('sha256', deps.keys.secretKey).update(JSON.stringify(input)).digest('hex');
}

function officeOf(deps: IntakeDeps, code: string | null): { code: string; name: string } | null {
  const office = code === null ? undefined : deps.offices.find((o) => o.code === code);
  return office ? { code: office.code, name: office.name } : null;
}

function receiptOf(deps: IntakeDeps, row: Pick<ReportRow, 'tracking_code' | 'status' | 'office_code' | 'received_at'>, secret: string, photoHashes: string[]): Receipt {
  return {
    trackingCode: row.tracking_code,
    secret,
    status: row.status,
    statusLabel: REPORT_STATUSES[row.status],
    office: officeOf(deps, row.office_code),
    receivedAt: row.received_at,
    photos: photoHashes.map((sha256) => ({ sha256 })),
  };
}

/** The status a set of errors answers with: a wrong photo type first, then size, then the rest. */
function kindOf(kinds: ReadonlySet<IntakeErrorKind>): IntakeErrorKind {
  for (const kind of ['unsupported-type', 'too-large', 'malformed'] as const) if (kinds.has(kind)) return kind;
  return 'invalid';
}

/** Checks every field and every photo's header; throws one error listing all faults. */
async function validate(deps: IntakeDeps, submission: Submission): Promise<{ input: ReportInput; routing: Routing; photos: InspectedPhoto[] }> {
  const errors: FieldError[] = [];
  const kinds = new Set<IntakeErrorKind>();
  const parsed = reportInputSchema.safeParse(submission.fields);
  if (!parsed.success) {
    errors.push(...fieldErrors(parsed.error));
    kinds.add('invalid');
  }
  const faulty = new Set(errors.map((e) => e.field));

  const code = cleanText(submission.fields.category ?? '');
  const category = deps.categories.find((c) => c.code === code);
  if (code && !faulty.has('category')) {
    if (!category) errors.push({ field: 'category', code: 'unknown_category', message: '没有这个违法类型，请从列表中选择' });
    else if (!category.inScope) errors.push({ field: 'category', code: 'out_of_scope', message: category.redirect ?? '本渠道不受理此类事项' });
    if (!category || !category.inScope) kinds.add('invalid');
  }

  let routing: Routing = { kind: 'unrouted', desk: undefined, reason: 'no-point' };
  const lat = Number(submission.fields.lat);
  const lng = Number(submission.fields.lng);
  const hasPoint = (submission.fields.lat ?? '').trim() !== '' && (submission.fields.lng ?? '').trim() !== '';
  if (!faulty.has('lat') && !faulty.has('lng')) {
    routing = routeReport(hasPoint ? { lat, lng } : undefined, deps.offices);
    if (routing.kind === 'outside') {
      errors.push({
        field: 'lat',
        code: 'outside_area',
        message: `这个位置不在${deps.regionName}的管辖范围内，本平台无法受理。请拨打 ${deps.hotline} 自然资源违法举报电话，或向当地自然资源部门举报。`,
      });
      kinds.add('invalid');
    }
  }

  const photos: InspectedPhoto[] = [];
  for (const [i, photo] of submission.photos.entries()) {
    try {
      photos.push(await deps.photos.inspect(photo, 'photos'));
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      kinds.add(error.kind);
      errors.push(...error.errors.map((e) => ({ ...e, message: `第 ${i + 1} 张照片：${e.message}` })));
    }
  }

  if (errors.length > 0 || !parsed.success) throw new IntakeError(kindOf(kinds), errors);
  return { input: parsed.data, routing, photos };
}

function idempotencyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

async function replay(deps: IntakeDeps, row: ReportRow, fingerprint: string, key: string): Promise<SubmitResult> {
  if (row.fingerprint !== fingerprint) {
    throw new IntakeError('invalid', [
      { field: 'idempotencyKey', code: 'idempotency_key_reused', message: '这个 Idempotency-Key 已用于另一份内容不同的举报；新的举报请使用新的 Key' },
    ]);
  }
  const photos = await deps.store.photos(row.id);
  return { receipt: receiptOf(deps, row, secretFor(deps, key), photos.map((p) => p.original_sha256)), stored: true };
}

/** A convincing answer for a bot that filled the honeypot; nothing is stored. */
function decoyReceipt(deps: IntakeDeps): SubmitResult {
  return {
    receipt: {
      trackingCode: drawSymbols(formatTrackingCode),
      secret: secretFor(deps, undefined),
      status: 'unrouted',
      statusLabel: REPORT_STATUSES.unrouted,
      office: null,
      receivedAt: deps.now().toISOString(),
      photos: [],
    },
    stored: false,
  };
}

function eventsFor(routing: Routing, category: string): { type: TimelineEventType; data: Record<string, unknown> }[] {
  const received = { type: 'received' as const, data: { category } };
  if (routing.kind === 'routed') return [received, { type: 'routed', data: { officeCode: routing.office.code, officeName: routing.office.name } }];
  const desk = routing.kind === 'unrouted' ? routing.desk : undefined;
  const reason = routing.kind === 'unrouted' ? routing.reason : 'no-county';
  return [received, { type: 'unrouted', data: { officeCode: desk?.code ?? null, officeName: desk?.name ?? null, reason } }];
}

/**
 * Takes a report: check everything, answer a retry with the first result,
 * move the original photos (fsynced) into the store, then commit the report,
 * its photo records, contact, first timeline events and outbox row at once;
 * the photos' copies are made after the answer. Temp files are the caller's
 * to discard.
 */
export async function submitReport(deps: IntakeDeps, submission: Submission): Promise<SubmitResult> {
  if (cleanText(submission.fields.website ?? '') !== '') return decoyReceipt(deps);

  const { input, routing, photos } = await validate(deps, submission);
  const fingerprint = fingerprintOf(deps, input);
  const idempotencyKey =
    submission.idempotencyKey ?? (submission.retryByContent ? `form:${fingerprint}:${photos.map((p) => p.sha256).join(',')}` : undefined);
  const keyHash = idempotencyKey === undefined ? null : idempotencyHash(idempotencyKey);
  if (keyHash && idempotencyKey) {
    const earlier = await deps.store.byIdempotencyKeyHash(keyHash);
    if (earlier) return replay(deps, earlier, fingerprint, idempotencyKey);
  }

  // The originals reach the disk (fsynced, content-addressed) before the commit; their copies are made after it.
  await deps.photos.keepOriginals(photos);

  const secret = secretFor(deps, idempotencyKey);
  const status = statusOf(routing);
  const officeCode = routing.kind === 'routed' ? routing.office.code : null;
  const receivedAt = deps.now().toISOString();
  const contact = {
    name: input.name,
    phone: input.phone,
    email: input.email,
    contactConsent: input.contactConsent,
    journalist: input.journalist,
    outlet: input.outlet,
  };
  for (let attempt = 0; ; attempt += 1) {
    const trackingCode = drawSymbols(formatTrackingCode);
    const report = {
      tracking_code: trackingCode,
      secret_hash: hashSecret(secret),
      idempotency_key_hash: keyHash,
      fingerprint,
      category: input.category,
      description: input.description,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address ?? null,
      started_on: input.startedOn ?? null,
      status,
      office_code: officeCode,
      routing: routing.kind === 'routed' ? ('county' as const) : routing.kind === 'unrouted' ? routing.reason : ('no-county' as const),
      photo_count: photos.length,
      received_at: receivedAt,
    };
    try {
      await deps.store.insert({
        report,
        photos,
        contact: hasContact(contact) ? sealContact(contact, deps.keys.contactKey, deps.keys.keyId, trackingCode) : undefined,
        events: eventsFor(routing, input.category),
        outboxOfficeCode: officeCode ?? (routing.kind === 'unrouted' ? (routing.desk?.code ?? null) : null),
      });
      if (photos.length > 0) deps.deriver.kick();
      return { receipt: receiptOf(deps, report, secret, photos.map((p) => p.sha256)), stored: true };
    } catch (error) {
      if (error instanceof DuplicateTrackingCode && attempt < 5) continue;
      if (error instanceof DuplicateIdempotencyKey && idempotencyKey && keyHash) {
        const earlier = await deps.store.byIdempotencyKeyHash(keyHash);
        if (earlier) return replay(deps, earlier, fingerprint, idempotencyKey);
      }
      throw storageError(error);
    }
  }
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeError } from '../domain/intake-error.ts';
import { openContact } from '../domain/contact-seal.ts';
import type { KeyRing } from '../domain/keys.ts';
import type { OfficeClaim } from '../domain/office-token.ts';
import { registerInputSchema } from '../domain/office-input.ts';
import { fieldErrors, type FieldError } from '../domain/report-input.ts';
import { workingDaysLate } from '../domain/deadlines.ts';
import type { ReportRow } from '../domain/records.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { acknowledgeLead, addNote, assignLead, leadFor, recordResult, superviseLead, type Actor, type OfficeDeps } from '../app/office-actions.ts';
import type { SubmitResult, Submission } from '../app/submit-report.ts';
import type { LeadChannel, LeadPolicy, LeadStore, Outbox, PhotoStore } from '../app/ports.ts';
import type { TokenVerdict } from '../domain/office-token.ts';
import { sendHtml } from './answer.ts';
import { isForeignBrowserPost } from './origin-policy.ts';
import { inboxPage, leadPage, refusalPage, registerPage, type LateInfo, type OfficeDirectory } from './office-pages.ts';
import type { PageRenderer } from './page-renderer.ts';
import { parseSubmission, type PhotoReceiver } from './parse-submission.ts';
import { SESSION_COOKIE, clearedCookie, csrfFor, csrfMatches, readCookie, refusalText, sessionCookie } from './office-session.ts';

export interface OfficeRouteDeps {
  office: OfficeDeps;
  leads: LeadStore;
  outbox: Pick<Outbox, 'dead'>;
  photos: Pick<PhotoStore, 'copyPath' | 'openExif' | 'discard'>;
  receiver: PhotoReceiver;
  links: { verify(token: string, now: Date): Promise<TokenVerdict> };
  keys: KeyRing;
  policy: LeadPolicy;
  dir: OfficeDirectory;
  categories: readonly { code: string; name: string; inScope: boolean }[];
  page: PageRenderer;
  origins: () => readonly string[];
  secureCookies: boolean;
  /** The Open311 channel that filed a lead, if one did. */
  channelOf(reportId: number, category: string): Promise<LeadChannel | undefined>;
  register(submission: Submission): Promise<SubmitResult & { officeCode: string | null; leadId: number | undefined }>;
  uploadIdleTimeoutMs: number;
}

interface Session {
  token: string;
  claim: OfficeClaim;
  actor: Actor;
}

const NOTICES: Record<string, string> = {
  acknowledge: '已签收。',
  result: '核查结果已记录，举报人可以在查询页面看到公开说明。',
  note: '备注已保存（仅各承办单位可见）。',
  assign: '已分派，线索邮件将发送给承办单位。',
  supervise: '已挂牌督办，已通知承办单位。',
  registered: '线索已登记。',
};

async function show(res: ServerResponse, deps: OfficeRouteDeps, status: number, title: string, main: Parameters<PageRenderer>[1], headers: Record<string, string> = {}) {
  sendHtml(res, status, await deps.page(title, main), headers);
}

function csrfKey(deps: OfficeRouteDeps): Buffer {
  return deps.keys.current.key('office');
}

function lateOf(report: ReportRow, deps: OfficeRouteDeps, now: Date): LateInfo | undefined {
  const today = todayInChina(now);
  if (report.status === 'concluded' || !report.office_code) return undefined;
  if (!report.acknowledged_at && report.acknowledge_by && report.acknowledge_by < today) return { stage: '签收', days: workingDaysLate(deps.policy.calendar, report.acknowledge_by, now) };
  if (report.conclude_by && report.conclude_by < today) return { stage: '办结', days: workingDaysLate(deps.policy.calendar, report.conclude_by, now) };
  return undefined;
}

/**
 * The session of this request: from a link just opened (`?t=`: checked, kept
 * in a cookie, and the address cleaned by a redirect), or from the cookie.
 * Answers the refusal page itself when there is none; undefined then.
 */
async function sessionOf(req: IncomingMessage, res: ServerResponse, deps: OfficeRouteDeps, url: URL): Promise<Session | undefined> {
  const now = deps.office.clock.now();
  const fromLink = url.searchParams.get('t');
  const refuse = async (text: string, clear: boolean) => {
    await show(res, deps, 403, '无法打开', refusalPage(text), clear ? { 'set-cookie': clearedCookie(deps.secureCookies) } : {});
    return undefined;
  };
  if (fromLink) {
    const verdict = await deps.links.verify(fromLink, now);
    if (!verdict.ok) return refuse(refusalText(verdict.reason), false);
    // An inbox session already open for this office covers a lead link of it: keep it.
    const current = readCookie(req, SESSION_COOKIE);
    const kept = current ? await deps.links.verify(current, now) : undefined;
    const keep = kept?.ok && kept.claim.officeCode === verdict.claim.officeCode && kept.claim.scope.kind === 'inbox';
    url.searchParams.delete('t');
    res.writeHead(303, {
      location: `${url.pathname}${url.search}`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      ...(keep ? {} : { 'set-cookie': sessionCookie(fromLink, verdict.claim, deps.secureCookies, now) }),
    });
    res.end();
    return undefined;
  }
  const token = readCookie(req, SESSION_COOKIE);
  if (!token) return refuse(refusalText('missing'), false);
  const verdict = await deps.links.verify(token, now);
  if (!verdict.ok) return refuse(refusalText(verdict.reason), true);
  const office = deps.office.offices.find((o) => o.code === verdict.claim.officeCode);
  if (!office) return refuse(refusalText('forged'), true);
  return { token, claim: verdict.claim, actor: { officeCode: office.code, role: office.role } };
}

function mayOpenLead(session: Session, leadId: number): boolean {
  return session.claim.scope.kind === 'inbox' || session.claim.scope.leadId === leadId;
}

async function renderLead(res: ServerResponse, deps: OfficeRouteDeps, session: Session, leadId: number, status: number, extra: { errors?: FieldError[]; values?: Record<string, string | string[]>; notice?: string } = {}) {
  const lead = await leadFor(deps.office, session.actor, leadId);
  const sealed = lead.contact;
  const key = sealed ? deps.keys.byId(sealed.keyId)?.key('contact') : undefined;
  const contact = sealed && key ? openContact(sealed, key, lead.report.tracking_code) : undefined;
  const exif = lead.photos.map((p) => (p.exif_sealed ? deps.photos.openExif(p.exif_sealed, p.original_sha256) : undefined));
  const main = leadPage(
    {
      lead,
      contact,
      exif,
      csrf: csrfFor(csrfKey(deps), session.token),
      isDesk: session.actor.role === 'desk',
      late: lateOf(lead.report, deps, deps.office.clock.now()),
      errors: extra.errors ?? [],
      values: extra.values ?? {},
      notice: extra.notice,
      inboxLink: session.claim.scope.kind === 'inbox',
      channel: await deps.channelOf(lead.report.id, lead.report.category),
    },
    deps.dir,
  );
  await show(res, deps, status, `${lead.report.tracking_code} · 线索`, main);
}

async function inbox(res: ServerResponse, deps: OfficeRouteDeps, session: Session, url: URL) {
  if (session.claim.scope.kind !== 'inbox') return show(res, deps, 403, '无法打开', refusalPage(refusalText('other-lead')));
  const now = deps.office.clock.now();
  const today = todayInChina(now);
  const show_ = url.searchParams.get('show');
  const filter = show_ === 'overdue' || show_ === 'concluded' ? show_ : 'open';
  const isDesk = session.actor.role === 'desk';
  const leads = await deps.leads.list({ ...(isDesk ? {} : { officeCode: session.actor.officeCode }), status: filter, today });
  const unrouted = isDesk ? await deps.leads.list({ officeCode: null, status: 'open', today }) : [];
  const dead = isDesk
    ? await Promise.all(
        (await deps.outbox.dead(50)).map(async (row) => ({ ...row, tracking_code: row.report_id ? ((await deps.leads.lead(row.report_id))?.report.tracking_code ?? null) : null })),
      )
    : [];
  const notice = NOTICES[url.searchParams.get('done') ?? ''];
  return show(
    res,
    deps,
    200,
    '本单位线索',
    inboxPage({ officeName: deps.dir.officeName(session.actor.officeCode), isDesk, filter, leads: leads.map((report) => ({ report, late: lateOf(report, deps, now) })), unrouted, dead, notice }, deps.dir),
  );
}

async function photo(res: ServerResponse, deps: OfficeRouteDeps, session: Session, leadId: number, position: number) {
  const lead = await leadFor(deps.office, session.actor, leadId);
  const found = lead.photos.find((p) => p.position === position);
  if (!found?.display_sha256) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('404');
  }
  const path = deps.photos.copyPath(found.display_sha256);
  const size = (await stat(path)).size;
  res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': size, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
  createReadStream(path).pipe(res);
}

const ACTIONS = {
  acknowledge: (deps: OfficeDeps, actor: Actor, id: number) => acknowledgeLead(deps, actor, id),
  result: recordResult,
  note: addNote,
  assign: assignLead,
  supervise: (deps: OfficeDeps, actor: Actor, id: number) => superviseLead(deps, actor, id),
} as const;

/** A form post from an office page: same origin, a matching CSRF token, a session that covers the lead. */
async function formPost(req: IncomingMessage, deps: OfficeRouteDeps, session: Session, limits?: { photos: boolean }) {
  if (isForeignBrowserPost(req.headers, deps.origins())) throw new IntakeError('forbidden', [{ field: '', code: 'cross_site', message: '不接受来自其他网站页面的提交。' }]);
  const body = await parseSubmission(
    req,
    deps.receiver,
    limits?.photos ? undefined : { fields: 40, fieldBytes: 8 * 1024, photos: 0, photoBytes: 0, bodyBytes: 64 * 1024 },
    undefined,
    deps.uploadIdleTimeoutMs,
  );
  if (!csrfMatches(csrfKey(deps), session.token, body.fields.csrf)) {
    await deps.photos.discard(body.photos.map((p) => p.tempPath));
    throw new IntakeError('forbidden', [{ field: '', code: 'csrf', message: '页面已过期，请刷新后重新提交。' }]);
  }
  return body;
}

/** Repeated form fields (checkboxes) as arrays: busboy keeps the first value only, so they are read from the raw list. */
function withDepartments(fields: Record<string, string>, all: Record<string, string[]>): Record<string, unknown> {
  return { ...fields, departments: all.departments ?? [] };
}

/** Everything under /office/. */
export async function handleOffice(req: IncomingMessage, res: ServerResponse, deps: OfficeRouteDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://office.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const session = await sessionOf(req, res, deps, url);
  if (!session) return;
  try {
    if (path === '/office/' && method === 'GET') return await inbox(res, deps, session, url);
    if (path === '/office/leads/new/' && method === 'GET') {
      return await show(res, deps, 200, '登记线索', registerPage({ csrf: csrfFor(csrfKey(deps), session.token), errors: [], values: {}, categories: deps.categories.filter((c) => c.inScope) }));
    }
    if ((path === '/office/leads/' || path === '/office/leads') && method === 'POST') return await register(req, res, deps, session);
    const leadMatch = /^\/office\/leads\/(\d{1,12})\/(?:(acknowledge|result|note|assign|supervise)|photos\/(\d{1,3})\.jpg)?$/.exec(path);
    if (leadMatch) {
      const leadId = Number(leadMatch[1]);
      if (!mayOpenLead(session, leadId)) return await show(res, deps, 403, '无法打开', refusalPage(refusalText('other-lead')));
      const action = leadMatch[2] as keyof typeof ACTIONS | undefined;
      if (leadMatch[3] !== undefined && method === 'GET') return await photo(res, deps, session, leadId, Number(leadMatch[3]));
      if (!action && method === 'GET') return await renderLead(res, deps, session, leadId, 200, { notice: NOTICES[url.searchParams.get('done') ?? ''] ?? '' });
      if (action && method === 'POST') {
        const body = await formPost(req, deps, session);
        try {
          await ACTIONS[action](deps.office, session.actor, leadId, withDepartments(body.fields, body.all));
        } catch (error) {
          if (error instanceof IntakeError && error.kind === 'invalid') return await renderLead(res, deps, session, leadId, 422, { errors: error.errors, values: { ...body.fields, departments: body.all.departments ?? [] } });
          throw error;
        }
        res.writeHead(303, { location: `/office/leads/${leadId}/?done=${action}`, 'cache-control': 'no-store' });
        return void res.end();
      }
    }
    await show(res, deps, 404, '没有这个页面', refusalPage('没有这个页面。请从线索邮件中的链接打开。'));
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    const status = error.kind === 'not-found' ? 404 : error.kind === 'forbidden' ? 403 : error.kind === 'too-large' ? 413 : 400;
    await show(res, deps, status, '无法完成', refusalPage(error.errors.map((e) => e.message).join(' ')));
  }
}

async function register(req: IncomingMessage, res: ServerResponse, deps: OfficeRouteDeps, session: Session) {
  if (session.claim.scope.kind !== 'inbox') return show(res, deps, 403, '无法打开', refusalPage(refusalText('other-lead')));
  const body = await formPost(req, deps, session, { photos: true });
  const csrf = csrfFor(csrfKey(deps), session.token);
  const categories = deps.categories.filter((c) => c.inScope);
  try {
    const source = registerInputSchema.safeParse(body.fields);
    if (!source.success) throw new IntakeError('invalid', fieldErrors(source.error));
    const result = await deps.register({
      fields: body.fields,
      photos: body.photos,
      idempotencyKey: undefined,
      source: { kind: source.data.source, ref: source.data.sourceRef, registeredBy: session.actor.officeCode },
    });
    const own = session.actor.role === 'desk' || result.officeCode === session.actor.officeCode;
    const location = own && result.leadId ? `/office/leads/${result.leadId}/?done=registered` : '/office/?done=registered';
    res.writeHead(303, { location, 'cache-control': 'no-store' });
    res.end();
  } catch (error) {
    if (!(error instanceof IntakeError) || error.kind !== 'invalid') throw error;
    await show(res, deps, 422, '登记线索', registerPage({ csrf, errors: error.errors, values: body.fields, categories }));
  } finally {
    await deps.photos.discard(body.photos.map((p) => p.tempPath));
  }
}

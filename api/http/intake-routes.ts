import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import type { FieldError } from '../domain/report-input.ts';
import { checkIdempotencyKey } from '../domain/idempotency-key.ts';
import { clientKey } from '../domain/client-key.ts';
import { verifyFormToken } from '../domain/form-token.ts';
import type { IntakeDeps } from '../app/intake-deps.ts';
import { submitReport } from '../app/submit-report.ts';
import { notFound, trackReport } from '../app/track-report.ts';
import type { DiskGuard, DiskReservation } from '../infra/disk-guard.ts';
import type { ServiceLog } from '../infra/logger.ts';
import type { RateLimiter } from '../infra/rate-limiter.ts';
import { STATUS_OF, closeAfterAnswer, errorHeaders, sendError, sendHtml } from './answer.ts';
import { isForeignBrowserPost } from './origin-policy.ts';
import { prefersHtml } from './negotiate.ts';
import { parseSubmission, type PhotoReceiver } from './parse-submission.ts';
import type { AdditionInput } from '../app/add-information.ts';
import { REPORT_RESULT, TRACK_RESULT, renderReceiptPage, renderResultPage, type ResultTemplate } from './result-page.ts';
import { receiptDisplay } from '../domain/receipt.ts';
import { errorsFragment, receiptFragment, trackFragment } from './render-fragments.ts';
import { sendJson } from './send.ts';
import { escapeHtml } from '../domain/escape-html.ts';

export interface IntakeRouteDeps {
  intake: IntakeDeps;
  /** The photo store's receiving side: uploads stream into it. */
  receiver: PhotoReceiver;
  /** The report form, to answer a refused no-script report with it, filled in. */
  reportForm?: { refill(fields: Readonly<Record<string, string>>, errors: readonly FieldError[], photosSent: number): Promise<string | undefined> };
  /** Adds a reporter's information to their lead. */
  addInformation(input: AdditionInput): Promise<{ trackingCode: string }>;
  /** Where the site's build is (for the pages answered to forms posted without JavaScript). */
  distDir: string;
  trustProxy: boolean;
  /** The origins whose pages may post (see origin-policy.ts). */
  origins: () => readonly string[];
  reportLimiter: RateLimiter;
  trackingLimiter: RateLimiter;
  disk: DiskGuard;
  log: ServiceLog;
  /** See Config.uploadIdleTimeoutMs. */
  uploadIdleTimeoutMs: number;
}

/** The client's address: the socket's, or behind a trusted proxy the last one it appended to X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function checkOrigin(req: IncomingMessage, deps: IntakeRouteDeps, route: string): void {
  if (isForeignBrowserPost(req.headers, deps.origins())) {
    deps.log.security({ event: 'cross_site_refused', route, client: deps.log.pseudonym(clientAddress(req, deps.trustProxy)) });
    throw fieldError('forbidden', '', 'cross_site', '不接受来自其他网站页面的提交；请在本网站的表单中提交。');
  }
}

export function checkRate(req: IncomingMessage, limiter: RateLimiter, deps: IntakeRouteDeps, route: string): void {
  const address = clientAddress(req, deps.trustProxy);
  const verdict = limiter.hit(clientKey(address));
  if (!verdict.allowed) {
    deps.log.security({ event: 'rate_limited', route, client: deps.log.pseudonym(address) });
    throw new IntakeError(
      'rate-limited',
      [{ field: '', code: 'rate_limited', message: `提交过于频繁，请 ${Math.ceil(verdict.retryAfter / 60)} 分钟后再试。情况紧急请拨打 ${deps.intake.hotline}。` }],
      verdict.retryAfter,
    );
  }
}

export async function answerError(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps, error: IntakeError, page: ResultTemplate, back: { href: string; text: string }) {
  closeAfterAnswer(req, res);
  if (!prefersHtml(req.headers)) return sendError(res, error);
  const html = await renderResultPage(deps.distDir, page, '未能提交', errorsFragment(error.errors, back));
  sendHtml(res, STATUS_OF[error.kind], html, errorHeaders(error));
}

/** Writes what a refused submission says about the client to the security log (codes only). */
export function logRefusal(req: IncomingMessage, deps: IntakeRouteDeps, route: string, error: IntakeError): void {
  const client = deps.log.pseudonym(clientAddress(req, deps.trustProxy));
  const photoCodes = error.errors.filter((e) => e.field === 'photos').map((e) => e.code);
  if (photoCodes.length > 0) deps.log.security({ event: 'photo_refused', codes: photoCodes, client });
  if (error.kind === 'malformed') deps.log.security({ event: 'request_malformed', route, code: error.errors[0]?.code ?? '', client });
  if (error.kind === 'storage-full') deps.log.security({ event: 'storage_refused', code: 'storage_full', client });
  if (error.errors.some((e) => e.code === 'weak_idempotency_key')) deps.log.security({ event: 'weak_idempotency_key', client });
  if (STATUS_OF[error.kind] >= 500) {
    // Never the body or the headers: they may carry who the reporter is or their secret.
    const cause = error.cause instanceof Error ? error.cause : error;
    deps.log.logger.error({ route, error: `${cause.name}: ${cause.message}` }, 'submission not stored');
  }
}

/**
 * The client's retry key: the island's Idempotency-Key (refused when it
 * cannot carry 128 bits), or the token of the no-script form this server
 * served (a forged or expired one is no key: the post is a new report).
 */
export function retryKey(req: IncomingMessage, fields: Record<string, string>, deps: IntakeRouteDeps): string | undefined {
  const header = req.headers['idempotency-key'];
  const key = (typeof header === 'string' ? header : undefined) ?? (fields.idempotencyKey || undefined);
  if (key !== undefined) {
    const verdict = checkIdempotencyKey(key);
    if (!verdict.ok) throw fieldError('invalid', 'idempotencyKey', verdict.code, verdict.message);
    return `key:${key}`;
  }
  const token = fields.formToken;
  if (token && verifyFormToken(deps.intake.keys.current.key('form'), token, deps.intake.now())) return `form:${token}`;
  return undefined;
}

/** POST /api/reports */
export async function postReport(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps): Promise<void> {
  const back = { href: '/report/', text: '返回举报表单' };
  let tempPaths: string[] = [];
  let disk: DiskReservation | undefined;
  let sent: { fields: Record<string, string>; photos: number } = { fields: {}, photos: 0 };
  try {
    checkOrigin(req, deps, 'POST /api/reports');
    checkRate(req, deps.reportLimiter, deps, 'POST /api/reports');
    const declared = Number(req.headers['content-length']);
    disk = await deps.disk.reserve(Number.isFinite(declared) ? declared : undefined);
    const body = await parseSubmission(req, deps.receiver, undefined, disk, deps.uploadIdleTimeoutMs);
    tempPaths = body.photos.map((p) => p.tempPath);
    sent = { fields: body.fields, photos: body.photos.length };
    const idempotencyKey = retryKey(req, body.fields, deps);
    const result = await submitReport(deps.intake, { fields: body.fields, photos: body.photos, idempotencyKey });
    if (result.stored) deps.disk.stored(body.photos.reduce((sum, p) => sum + p.bytes, 0));
    if (prefersHtml(req.headers)) {
      const html =
        (await renderReceiptPage(deps.distDir, receiptDisplay(result.receipt))) ??
        (await renderResultPage(deps.distDir, REPORT_RESULT, '举报已收到', receiptFragment(result.receipt)));
      sendHtml(res, 201, html);
    } else {
      sendJson(res, 201, result.receipt);
    }
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    logRefusal(req, deps, 'POST /api/reports', error);
    // Without a script, a report the reporter can mend comes back as the form, filled in.
    const mendable = error.kind === 'invalid' || error.kind === 'too-large' || error.kind === 'unsupported-type' || (error.kind === 'malformed' && error.errors[0]?.code !== 'aborted');
    const form = mendable && prefersHtml(req.headers) ? await deps.reportForm?.refill(sent.fields, error.errors, sent.photos) : undefined;
    if (form) {
      closeAfterAnswer(req, res);
      sendHtml(res, STATUS_OF[error.kind], form, errorHeaders(error));
    } else await answerError(req, res, deps, error, REPORT_RESULT, back);
  } finally {
    disk?.release();
    await deps.receiver.discard(tempPaths);
  }
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? '';
}

/** A path segment decoded, or undefined when it is not valid percent-encoded UTF-8. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function track(req: IncomingMessage, deps: IntakeRouteDeps, code: string, secret: string) {
  try {
    return await trackReport(deps.intake, code, secret);
  } catch (error) {
    if (error instanceof IntakeError && error.kind === 'not-found') {
      deps.log.security({ event: 'tracking_failed', client: deps.log.pseudonym(clientAddress(req, deps.trustProxy)) });
    }
    throw error;
  }
}

/** GET /api/reports/{trackingCode} with Authorization: Bearer <secret> */
export async function getReport(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps, segment: string): Promise<void> {
  try {
    checkRate(req, deps.trackingLimiter, deps, 'GET /api/reports/{code}');
    // A segment that is not even valid percent-encoding is an unknown code like any other.
    const report = await track(req, deps, decodeSegment(segment) ?? '', bearer(req));
    sendJson(res, 200, report);
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    sendError(res, error);
  }
}

/** POST /api/reports/track: the tracking form without JavaScript (fields trackingCode and secret). */
export async function postTrack(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps): Promise<void> {
  const back = { href: '/track/', text: '返回查询' };
  try {
    checkOrigin(req, deps, 'POST /api/reports/track');
    checkRate(req, deps.trackingLimiter, deps, 'POST /api/reports/track');
    const body = await parseSubmission(req, deps.receiver, {
      fields: 10,
      fieldBytes: 1024,
      photos: 0,
      photoBytes: 0,
      bodyBytes: 16 * 1024,
    }, undefined, deps.uploadIdleTimeoutMs);
    const code = body.fields.trackingCode ?? '';
    const secret = body.fields.secret ?? '';
    if (!code.trim() || !secret.trim()) throw notFound();
    const report = await track(req, deps, code, secret);
    if (prefersHtml(req.headers)) {
      sendHtml(res, 200, await renderResultPage(deps.distDir, TRACK_RESULT, '办理进展', trackFragment(report)));
    } else {
      sendJson(res, 200, report);
    }
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    if (error.kind === 'malformed') logRefusal(req, deps, 'POST /api/reports/track', error);
    await answerError(req, res, deps, error, TRACK_RESULT, back);
  }
}

/**
 * POST /api/reports/{code}/additions (Authorization: Bearer <secret>) and
 * POST /api/reports/track/additions (the tracking page's form, with its
 * short-lived token): the reporter adds text and photos to an open lead, with
 * the same limits and checks as a report.
 */
export async function postAddition(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps, segment: string | undefined): Promise<void> {
  const back = { href: '/track/', text: '返回查询' };
  let tempPaths: string[] = [];
  let disk: DiskReservation | undefined;
  try {
    checkOrigin(req, deps, 'POST /api/reports/additions');
    checkRate(req, deps.reportLimiter, deps, 'POST /api/reports/additions');
    const declared = Number(req.headers['content-length']);
    disk = await deps.disk.reserve(Number.isFinite(declared) ? declared : undefined);
    const body = await parseSubmission(req, deps.receiver, undefined, disk, deps.uploadIdleTimeoutMs);
    tempPaths = body.photos.map((p) => p.tempPath);
    const code = segment === undefined ? undefined : decodeSegment(segment);
    const result = await deps.addInformation({
      ...(segment === undefined ? { token: body.fields.token ?? '' } : { trackingCode: code ?? '', secret: bearer(req) }),
      fields: body.fields,
      photos: body.photos,
    });
    deps.disk.stored(body.photos.reduce((sum, p) => sum + p.bytes, 0));
    if (prefersHtml(req.headers)) {
      const fragment = `<section class="notice" role="status"><h2>补充的情况已收到</h2><p>已转告承办单位。凭查询码 <code>${escapeHtml(result.trackingCode)}</code> 和查询密钥可以随时查看办理进展。</p><p><a href="/track/">查询办理进展</a></p></section>`;
      sendHtml(res, 201, await renderResultPage(deps.distDir, TRACK_RESULT, '补充情况', fragment));
    } else sendJson(res, 201, { trackingCode: result.trackingCode });
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    if (error.kind === 'not-found') deps.log.security({ event: 'tracking_failed', client: deps.log.pseudonym(clientAddress(req, deps.trustProxy)) });
    logRefusal(req, deps, 'POST /api/reports/additions', error);
    await answerError(req, res, deps, error, TRACK_RESULT, back);
  } finally {
    disk?.release();
    await deps.receiver.discard(tempPaths);
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import type { IntakeDeps } from '../app/intake-deps.ts';
import { submitReport } from '../app/submit-report.ts';
import { notFound, trackReport } from '../app/track-report.ts';
import type { RateLimiter } from '../infra/rate-limiter.ts';
import { STATUS_OF, closeAfterAnswer, errorHeaders, sendError, sendHtml } from './answer.ts';
import { isForeignBrowserPost } from './origin-policy.ts';
import { prefersHtml } from './negotiate.ts';
import { parseSubmission } from './parse-submission.ts';
import { REPORT_RESULT, TRACK_RESULT, renderResultPage, type ResultTemplate } from './result-page.ts';
import { errorsFragment, receiptFragment, trackFragment } from './render-fragments.ts';
import { sendJson } from './send.ts';

export interface IntakeRouteDeps {
  config: Config;
  intake: IntakeDeps;
  reportLimiter: RateLimiter;
  trackingLimiter: RateLimiter;
  /** Submissions being received right now. */
  inFlight: { count: number };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{16,128}$/;

function clientAddress(req: IncomingMessage, config: Config): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (config.trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function checkOrigin(req: IncomingMessage, config: Config): void {
  if (isForeignBrowserPost(req.headers, config.publicUrl)) {
    throw fieldError('forbidden', '', 'cross_site', '不接受来自其他网站页面的提交；请在本网站的表单中提交。');
  }
}

function checkRate(req: IncomingMessage, limiter: RateLimiter, config: Config): void {
  const verdict = limiter.hit(clientAddress(req, config));
  if (!verdict.allowed) {
    throw new IntakeError(
      'rate-limited',
      [{ field: '', code: 'rate_limited', message: `提交过于频繁，请 ${Math.ceil(verdict.retryAfter / 60)} 分钟后再试。情况紧急请拨打 12336。` }],
      verdict.retryAfter,
    );
  }
}

async function answerError(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps, error: IntakeError, page: ResultTemplate, back: { href: string; text: string }) {
  closeAfterAnswer(req, res);
  if (!prefersHtml(req.headers)) return sendError(res, error);
  const html = await renderResultPage(deps.config.distDir, page, '未能提交', errorsFragment(error.errors, back));
  sendHtml(res, STATUS_OF[error.kind], html, errorHeaders(error));
}

function logFailure(route: string, error: unknown): void {
  // Never the body or the headers: they may carry who the reporter is or their secret.
  const cause = error instanceof IntakeError && error.cause instanceof Error ? error.cause : error;
  console.error(`${route} failed:`, cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
}

/** POST /api/reports */
export async function postReport(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps): Promise<void> {
  const back = { href: '/report/', text: '返回举报表单' };
  let tempPaths: string[] = [];
  deps.inFlight.count += 1;
  try {
    checkOrigin(req, deps.config);
    checkRate(req, deps.reportLimiter, deps.config);
    const headerKey = req.headers['idempotency-key'];
    const body = await parseSubmission(req, deps.intake.photos);
    tempPaths = body.photos.map((p) => p.tempPath);
    const key = (typeof headerKey === 'string' ? headerKey : undefined) ?? (body.fields.idempotencyKey || undefined);
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw fieldError('invalid', 'idempotencyKey', 'invalid_idempotency_key', 'Idempotency-Key 应为 16 到 128 个字母、数字或 -_.: 字符（建议使用随机 UUID）');
    }
    const retryByContent = key === undefined && prefersHtml(req.headers);
    const result = await submitReport(deps.intake, { fields: body.fields, photos: body.photos, idempotencyKey: key, retryByContent });
    if (prefersHtml(req.headers)) {
      const html = await renderResultPage(deps.config.distDir, REPORT_RESULT, '举报已收到', receiptFragment(result.receipt));
      sendHtml(res, 201, html);
    } else {
      sendJson(res, 201, result.receipt);
    }
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    if (STATUS_OF[error.kind] >= 500) logFailure('POST /api/reports', error);
    await answerError(req, res, deps, error, REPORT_RESULT, back);
  } finally {
    deps.inFlight.count -= 1;
    await deps.intake.photos.discard(tempPaths);
  }
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? '';
}

/** GET /api/reports/{trackingCode} with Authorization: Bearer <secret> */
export async function getReport(req: IncomingMessage, res: ServerResponse, deps: IntakeRouteDeps, code: string): Promise<void> {
  try {
    checkRate(req, deps.trackingLimiter, deps.config);
    const report = await trackReport(deps.intake, decodeURIComponent(code), bearer(req));
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
    checkOrigin(req, deps.config);
    checkRate(req, deps.trackingLimiter, deps.config);
    const body = await parseSubmission(req, deps.intake.photos, {
      fields: 10,
      fieldBytes: 1024,
      photos: 0,
      photoBytes: 0,
      bodyBytes: 16 * 1024,
    });
    const code = body.fields.trackingCode ?? '';
    const secret = body.fields.secret ?? '';
    if (!code.trim() || !secret.trim()) throw notFound();
    const report = await trackReport(deps.intake, code, secret);
    if (prefersHtml(req.headers)) {
      sendHtml(res, 200, await renderResultPage(deps.config.distDir, TRACK_RESULT, '办理进展', trackFragment(report)));
    } else {
      sendJson(res, 200, report);
    }
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    await answerError(req, res, deps, error, TRACK_RESULT, back);
  }
}

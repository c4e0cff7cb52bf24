import type { IncomingMessage, ServerResponse } from 'node:http';
import { IntakeError, type IntakeErrorKind } from '../domain/intake-error.ts';
import { sendJson } from './send.ts';

export const STATUS_OF: Record<IntakeErrorKind, number> = {
  invalid: 422,
  malformed: 400,
  'too-large': 413,
  'unsupported-type': 415,
  forbidden: 403,
  'rate-limited': 429,
  'not-found': 404,
  'storage-full': 507,
  'storage-failed': 500,
};

/** Sends a page with the headers every answer carrying a reporter's data needs. */
export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the page's own form posts, which the origin policy refuses.
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...headers,
  });
  res.end(html);
}

/**
 * When an answer goes out before the body was read (413, 415, 429…), the
 * connection is closed after it; the rest of the body is read and thrown away
 * for a while (up to 10 s, the size limits bound it) so the client sees the answer rather than a reset.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  res.setHeader('connection', 'close');
  res.once('finish', () => {
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), 10_000);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
  });
}

/** The headers an error answer needs beyond its body. */
export function errorHeaders(error: IntakeError): Record<string, string> {
  return error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) };
}

export function sendError(res: ServerResponse, error: IntakeError): void {
  sendJson(res, STATUS_OF[error.kind], { errors: error.errors }, errorHeaders(error));
}

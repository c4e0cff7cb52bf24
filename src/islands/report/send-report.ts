import type { FieldError } from '../../../api/domain/report-input.ts';
import type { Receipt, ReportRequest, SendOutcome } from './report-form-model.ts';

// XMLHttpRequest rather than fetch: only XHR reports upload progress, which a
// reporter on one bar of signal needs to see.

const ENDPOINT = '/api/reports';
/**
 * No total time limit: six photos over one bar of signal take many minutes and
 * that is fine while bytes move. An upload that sends nothing for this long is
 * given up (longer than the server's 30 s idle cut, so the server cuts first)
 * and retried under the same key.
 */
const IDLE_MS = 45_000;
/** Once every byte is sent, how long the server may take to check the photos and answer. */
const ANSWER_MS = 150_000;

export function sendReport(request: ReportRequest, onProgress: (loaded: number, total: number) => void): Promise<SendOutcome> {
  const body = new FormData();
  for (const [key, value] of Object.entries(request.fields)) body.append(key, value);
  for (const photo of request.photos) body.append('photos', photo.blob, photo.name);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ENDPOINT);
    xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
    xhr.setRequestHeader('Accept', 'application/json');
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const watch = (ms: number) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => xhr.abort(), ms);
    };
    xhr.upload.onprogress = (event) => {
      watch(IDLE_MS);
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.upload.onload = () => watch(ANSWER_MS);
    const settle = (outcome: SendOutcome) => {
      clearTimeout(watchdog);
      resolve(outcome);
    };
    const unavailable = () => settle({ kind: 'unavailable' });
    xhr.onerror = unavailable;
    xhr.onabort = unavailable;
    xhr.onload = () => settle(readOutcome(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
    watch(IDLE_MS);
    xhr.send(body);
  });
}

/** Turns the API's answer into an outcome; anything unreadable from a 5xx counts as "try again". */
export function readOutcome(status: number, text: string, retryAfter: string | null): SendOutcome {
  const body = parseJson(text);
  if (status === 201 || status === 200) {
    const receipt = asReceipt(body);
    return receipt ? { kind: 'created', receipt } : { kind: 'unavailable', httpStatus: status };
  }
  if (status >= 400 && status < 500) {
    const seconds = retryAfter === null ? undefined : Number.parseInt(retryAfter, 10);
    return {
      kind: 'rejected',
      httpStatus: status,
      errors: asErrors(body),
      ...(seconds !== undefined && Number.isFinite(seconds) ? { retryAfterSeconds: seconds } : {}),
    };
  }
  return { kind: 'unavailable', httpStatus: status };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asReceipt(body: unknown): Receipt | undefined {
  if (!isRecord(body) || typeof body.trackingCode !== 'string' || typeof body.secret !== 'string') return undefined;
  const office = isRecord(body.office) && typeof body.office.code === 'string' && typeof body.office.name === 'string' ? { code: body.office.code, name: body.office.name } : null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const photos = Array.isArray(body.photos) ? body.photos.filter(isRecord).map((p) => ({ sha256: text(p.sha256) })) : [];
  return { trackingCode: body.trackingCode, secret: body.secret, status: text(body.status), statusLabel: text(body.statusLabel), office, receivedAt: text(body.receivedAt), photos };
}

function asErrors(body: unknown): FieldError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    code: typeof e.code === 'string' ? e.code : 'invalid',
    message: typeof e.message === 'string' ? e.message : '此项有误',
  }));
}

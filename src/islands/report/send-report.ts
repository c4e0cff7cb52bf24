import type { FieldError } from '../../../api/domain/report-input.ts';
import type { Receipt, ReportRequest, SendOutcome } from './report-form-model.ts';

// XMLHttpRequest rather than fetch: only XHR reports upload progress, which a
// reporter on one bar of signal needs to see.

const ENDPOINT = '/api/reports';
/** Longer than the server's own request timeout, so a slow upload is cut by the server first. */
const TIMEOUT_MS = 180_000;

export function sendReport(request: ReportRequest, onProgress: (loaded: number, total: number) => void): Promise<SendOutcome> {
  const body = new FormData();
  for (const [key, value] of Object.entries(request.fields)) body.append(key, value);
  for (const photo of request.photos) body.append('photos', photo.blob, photo.name);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ENDPOINT);
    xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.timeout = TIMEOUT_MS;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    const unavailable = () => resolve({ kind: 'unavailable' });
    xhr.onerror = unavailable;
    xhr.ontimeout = unavailable;
    xhr.onabort = unavailable;
    xhr.onload = () => resolve(readOutcome(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
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
  return { trackingCode: body.trackingCode, secret: body.secret, status: text(body.status), statusLabel: text(body.statusLabel), office };
}

function asErrors(body: unknown): FieldError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    code: typeof e.code === 'string' ? e.code : 'invalid',
    message: typeof e.message === 'string' ? e.message : '此项有误',
  }));
}

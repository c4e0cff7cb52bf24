import { IntakeError, fieldError } from '../domain/intake-error.ts';
import type { Category } from '../../src/schemas/category.ts';
import type { RequestQuery } from '../app/ports.ts';

// GET requests' parameters, as GeoReport v2 defines them, read into the
// store's query. Every fault is listed at once.

/** The most rows GET requests answers (the spec's default limit). */
export const MAX_REQUESTS = 1000;
const DAY = 86_400_000;
/** The longest span start_date–end_date may cover, and the default one (the spec's 90 days). */
export const MAX_SPAN_DAYS = 90;

/** An ISO 8601 instant with its offset (or Z); a date alone is midnight China time. */
function instant(value: string): number | undefined {
  const text = value.trim();
  const full = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+08:00` : undefined;
  const ms = full === undefined ? NaN : Date.parse(full);
  return Number.isFinite(ms) ? ms : undefined;
}

/** GET requests' filters, checked all at once. */
export function requestQuery(all: Record<string, string[]>, categories: readonly Category[], now: Date): RequestQuery {
  const errors: { field: string; code: string; message: string }[] = [];
  const list = (name: string) => (all[name] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const ids = list('service_request_id');
  if (ids.length > 0) {
    const bad = ids.filter((id) => !/^[1-9]\d{0,15}$/.test(id));
    if (bad.length > 0) throw fieldError('invalid', 'service_request_id', 'invalid_id', 'service_request_id 应为以逗号分隔的数字编号');
    if (ids.length > MAX_REQUESTS) throw fieldError('invalid', 'service_request_id', 'too_many', `一次最多查询 ${MAX_REQUESTS} 条`);
    return { ids: [...new Set(ids.map(Number))], limit: MAX_REQUESTS };
  }
  const codes = list('service_code');
  const unknown = codes.filter((c) => !categories.some((k) => k.code === c && k.inScope));
  if (unknown.length > 0) throw fieldError('not-found', 'service_code', 'unknown_service', `没有这项服务：${unknown.join('、').slice(0, 100)}`);
  const statuses = list('status');
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) errors.push({ field: 'status', code: 'invalid_status', message: 'status 应为 open、closed，或以逗号分隔的两者' });
  const start = all.start_date?.[0];
  const end = all.end_date?.[0];
  const from = start === undefined ? undefined : instant(start);
  const to = end === undefined ? undefined : instant(end);
  if (start !== undefined && from === undefined) errors.push({ field: 'start_date', code: 'invalid_date', message: 'start_date 应为带时区的 ISO 8601 日期时间，例如 2026-05-01T00:00:00+08:00' });
  if (end !== undefined && to === undefined) errors.push({ field: 'end_date', code: 'invalid_date', message: 'end_date 应为带时区的 ISO 8601 日期时间，例如 2026-05-31T23:59:59+08:00' });
  const span = MAX_SPAN_DAYS * DAY;
  const until = to ?? (from !== undefined ? from + span : now.getTime());
  const since = from ?? until - span;
  if (from !== undefined && to !== undefined) {
    if (from > to) errors.push({ field: 'end_date', code: 'invalid_range', message: 'end_date 不能早于 start_date' });
    else if (to - from > span) errors.push({ field: 'end_date', code: 'range_too_long', message: `start_date 与 end_date 之间最多 ${MAX_SPAN_DAYS} 天` });
  }
  if (errors.length > 0) throw new IntakeError('invalid', errors);
  return {
    ...(codes.length ? { serviceCodes: codes } : {}),
    ...(statuses.length ? { statuses: [...new Set(statuses)] as ('open' | 'closed')[] } : {}),
    from: new Date(since).toISOString(),
    to: new Date(until).toISOString(),
    limit: MAX_REQUESTS,
  };
}

import { timingSafeEqual } from 'node:crypto';
import { IntakeError } from '../domain/intake-error.ts';
import { REPORT_STATUSES, describeEvent, type ReportStatus, type TimelineEventType } from '../domain/report-status.ts';
import { normalizeTrackingCode } from '../domain/tracking-code.ts';
import type { IntakeDeps } from './intake-deps.ts';
import { hashSecret } from './submit-report.ts';

export type PhotoState = 'processing' | 'ready' | 'unreadable';

/** What a reporter sees of their report: status and public timeline, never who reported. */
export interface TrackedReport {
  trackingCode: string;
  status: ReportStatus;
  statusLabel: string;
  office: { code: string; name: string } | null;
  category: { code: string; name: string };
  receivedAt: string;
  /** Each photo as sent, and whether its copies exist (`unreadable`: kept as evidence, but it cannot be shown). */
  photos: { sha256: string; state: PhotoState }[];
  timeline: { type: TimelineEventType; at: string; text: string; office: { code: string; name: string } | null }[];
}

// Compared against when the code is unknown, so both answers take the same work.
const NO_SECRET = hashSecret('no report has this secret');

/** One answer for an unknown code and a wrong secret: nothing tells which. */
export function notFound(): IntakeError {
  return new IntakeError('not-found', [
    { field: 'trackingCode', code: 'not_found', message: '查询码或密钥不正确，请核对后重试（不区分大小写，空格和短横线可有可无）。' },
  ]);
}

/** Looks a report up by its tracking code and secret (compared as hashes, in constant time). */
export async function trackReport(deps: IntakeDeps, trackingCode: string, secret: string): Promise<TrackedReport> {
  const code = normalizeTrackingCode(trackingCode);
  const row = code === undefined ? undefined : await deps.store.byTrackingCode(code);
  const presented = hashSecret(secret);
  const expected = row ? Buffer.from(row.secret_hash) : NO_SECRET;
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (!row || !matches || secret.trim() === '') throw notFound();

  const officeOf = (officeCode: unknown) => {
    const office = typeof officeCode === 'string' ? deps.offices.find((o) => o.code === officeCode) : undefined;
    return office ? { code: office.code, name: office.name } : null;
  };
  const [events, photos] = await Promise.all([deps.store.timeline(row.id), deps.store.photos(row.id)]);
  const category = deps.categories.find((c) => c.code === row.category);
  return {
    trackingCode: row.tracking_code,
    status: row.status,
    statusLabel: REPORT_STATUSES[row.status],
    office: officeOf(row.office_code),
    category: { code: row.category, name: category?.name ?? row.category },
    receivedAt: row.received_at,
    photos: photos.map((p) => ({
      sha256: p.original_sha256,
      state: p.unreadable_at ? ('unreadable' as const) : p.derived_at ? ('ready' as const) : ('processing' as const),
    })),
    timeline: events.map((event) => {
      const data = JSON.parse(event.data) as { officeCode?: unknown };
      const office = officeOf(data.officeCode);
      return { type: event.type, at: event.at, text: describeEvent(event.type, office?.name ?? null), office };
    }),
  };
}

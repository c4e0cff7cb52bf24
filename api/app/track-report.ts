import { timingSafeEqual } from 'node:crypto';
import { IntakeError } from '../domain/intake-error.ts';
import { EVENT_TYPES, OUTCOMES, REPORT_STATUSES, STATUS_EXPLANATIONS, describeEvent, type Outcome, type ReportStatus, type TimelineEventType } from '../domain/report-status.ts';
import { normalizeTrackingCode } from '../domain/tracking-code.ts';
import { signReporterToken } from '../domain/reporter-token.ts';
import type { ReportRow } from '../domain/records.ts';
import type { IntakeDeps } from './intake-deps.ts';
import { hashSecret } from './submit-report.ts';

export type PhotoState = 'processing' | 'ready' | 'unreadable';

/** What a reporter sees of their report: what they reported, where it stands, what comes next and by when — never who reported. */
export interface TrackedReport {
  trackingCode: string;
  status: ReportStatus;
  statusLabel: string;
  /** What the status means, in plain words. */
  statusExplanation: string;
  office: { code: string; name: string } | null;
  category: { code: string; name: string };
  /** What was reported, as the reporter wrote it (they hold the secret; it is theirs to read). */
  description: string;
  receivedAt: string;
  /** Each photo as sent, and whether its copies exist (`unreadable`: kept as evidence, but it cannot be shown). */
  photos: { sha256: string; state: PhotoState }[];
  /** The office's outcome and its public summary, once recorded. */
  outcome: { code: Outcome; label: string } | null;
  summary: string | null;
  /** The office's deadlines (local practice, `basis`), while the lead is with an office. */
  deadlines: { acknowledgeBy: string | null; concludeBy: string | null; basis: string } | null;
  /** 挂牌督办: the upper office supervises the lead. */
  supervised: boolean;
  /** Information the reporter added later. */
  additions: number;
  /** True while the lead is open: the reporter may add information (with `additionToken`). */
  canAddInformation: boolean;
  additionToken: string | null;
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

/** The report a code and secret open (hashes compared in constant time), or the one not-found error. */
export async function openReport(deps: IntakeDeps, trackingCode: string, secret: string): Promise<ReportRow> {
  const code = normalizeTrackingCode(trackingCode);
  const row = code === undefined ? undefined : await deps.store.byTrackingCode(code);
  const presented = hashSecret(secret);
  const expected = row ? Buffer.from(row.secret_hash) : NO_SECRET;
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (!row || !matches || secret.trim() === '') throw notFound();
  return row;
}

/** The reporter's view of a report they opened. */
export async function reportView(deps: IntakeDeps, row: ReportRow): Promise<TrackedReport> {
  const officeOf = (officeCode: unknown) => {
    const office = typeof officeCode === 'string' ? deps.offices.find((o) => o.code === officeCode) : undefined;
    return office ? { code: office.code, name: office.name } : null;
  };
  const [events, photos] = await Promise.all([deps.store.timeline(row.id), deps.store.photos(row.id)]);
  const category = deps.categories.find((c) => c.code === row.category);
  const open = row.status !== 'concluded';
  return {
    trackingCode: row.tracking_code,
    status: row.status,
    statusLabel: REPORT_STATUSES[row.status],
    statusExplanation: STATUS_EXPLANATIONS[row.status],
    office: officeOf(row.office_code),
    category: { code: row.category, name: category?.name ?? row.category },
    description: row.description,
    receivedAt: row.received_at,
    photos: photos.map((p) => ({
      sha256: p.original_sha256,
      state: p.unreadable_at ? ('unreadable' as const) : p.derived_at ? ('ready' as const) : ('processing' as const),
    })),
    outcome: row.outcome ? { code: row.outcome, label: OUTCOMES[row.outcome] } : null,
    summary: row.public_summary,
    deadlines: row.office_code ? { acknowledgeBy: row.acknowledge_by, concludeBy: row.conclude_by, basis: deps.policy.basis } : null,
    supervised: row.supervised_at !== null,
    additions: events.filter((e) => e.type === 'info-added').length,
    canAddInformation: open,
    additionToken: open ? signReporterToken(deps.keys.current.key('reporter'), row.tracking_code, deps.now()) : null,
    // Only the public events, and only their sentence: an event's data (office notes, case details) never reaches the reporter.
    timeline: events
      .filter((event) => EVENT_TYPES[event.type].public)
      .map((event) => {
        const data = JSON.parse(event.data) as { officeCode?: unknown; outcome?: Outcome; summary?: string; stage?: 'acknowledge' | 'conclude' };
        const office = officeOf(data.officeCode ?? (event.type === 'sent' || event.type === 'acknowledged' ? row.office_code : undefined));
        return {
          type: event.type,
          at: event.at,
          text: describeEvent(event.type, { officeName: office?.name ?? null, ...(data.outcome ? { outcome: data.outcome } : {}), ...(data.summary ? { summary: data.summary } : {}), ...(data.stage ? { stage: data.stage } : {}) }),
          office,
        };
      }),
  };
}

/** Looks a report up by its tracking code and secret. */
export async function trackReport(deps: IntakeDeps, trackingCode: string, secret: string): Promise<TrackedReport> {
  return reportView(deps, await openReport(deps, trackingCode, secret));
}

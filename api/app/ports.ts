// The ports the use cases need from the outside world. The infrastructure
// implements them (infra/*); only the composition root (main.ts) knows both,
// so a store can move to another database, or the mailer to another
// transport, without touching a use case.
import type { LeadStatsRow } from '../domain/lead-statistics.ts';
import type { SealedContact } from '../domain/contact-seal.ts';
import type { DeadlinePolicy } from '../domain/deadlines.ts';
import type { MailMessage } from '../domain/mail-message.ts';
import type { AdditionRow, OutboxKind, OutboxRow, PhotoRow, ReportRow, TimelineRow } from '../domain/records.ts';
import type { ImageType } from '../domain/sniff-image-type.ts';
import type { DerivedCopies, ExifReading, InspectedPhoto, ReceivedPhoto } from '../domain/photos.ts';
import type { TimelineEventType } from '../domain/report-status.ts';
import type { WorkingCalendar } from '../../src/lib/working-days.ts';

/** A write in progress: every repository function that writes takes one, so a use case can write in one transaction. */
export interface Tx {
  readonly transaction: unique symbol;
}

export interface Clock {
  now(): Date;
}

/** An event to record on the timeline (the only way onto it is LeadStore.record / ReportStore.insert). */
export interface NewEvent {
  type: TimelineEventType;
  data: Record<string, unknown>;
  at: string;
}

/** A message for the outbox to send; its Message-ID is fixed when it is queued. */
export interface NewOutboxRow {
  kind: OutboxKind;
  reportId: number | null;
  officeCode: string | null;
  payload?: Record<string, unknown>;
  /** A row with a key already queued is not queued again (one summary a day, one reminder a stage). */
  dedupeKey?: string;
  /** Not before this time (default: now). */
  notBefore?: string;
}

/** A photo as the intake stores it: the evidence and its sealed EXIF reading. */
export interface NewPhoto {
  sha256: string;
  bytes: number;
  type: ImageType;
  exifSealed: Buffer | null;
}

/** Everything one accepted report writes, in one transaction. */
export interface NewReport {
  report: Omit<ReportRow, 'id'>;
  photos: readonly NewPhoto[];
  contact: SealedContact | undefined;
  events: readonly NewEvent[];
  outbox: readonly NewOutboxRow[];
  /** The Open311 channel that filed it, written in the same transaction. */
  channel?: NewChannel | undefined;
}

/** What an Open311 client sent besides the report: its key, and what a report has no column for. */
export interface NewChannel {
  apiKeyId: number;
  /** Kept as given, never fetched by the server. */
  mediaUrl: string | null;
  attributes: Readonly<Record<string, string | string[]>>;
}

export interface ReportStore {
  insert(input: NewReport): Promise<number>;
  byTrackingCode(code: string): Promise<ReportRow | undefined>;
  byIdempotencyKeyHash(hash: string, now: string): Promise<ReportRow | undefined>;
  timeline(reportId: number): Promise<TimelineRow[]>;
  photos(reportId: number): Promise<PhotoRow[]>;
  photosToDerive(limit: number): Promise<PhotoRow[]>;
  markDerived(photoId: number, copies: { displaySha256: string; forwardSha256: string; width: number; height: number }, at: string): Promise<unknown>;
  markUnreadable(photoId: number, at: string, reason: string): Promise<unknown>;
}

/** A lead with what an office needs to see of it. */
export interface LeadView {
  report: ReportRow;
  photos: PhotoRow[];
  additions: AdditionRow[];
  events: TimelineRow[];
  contact: SealedContact | undefined;
}

export type LeadFilter = 'open' | 'overdue' | 'concluded' | 'all';

export interface LeadStore {
  /** Runs `work` in one transaction; the events and outbox rows it records commit together. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Appends events to a lead's timeline and brings its stored state (status,
   * office, dates, deadlines) in line with them, in the transaction.
   */
  record(tx: Tx, reportId: number, events: readonly NewEvent[]): Promise<void>;
  /** Queues messages as of `at` (the clock's time: they are due from then). */
  queue(tx: Tx, rows: readonly NewOutboxRow[], at: string): Promise<void>;
  /** Records that an alert (reminder, escalation) was made; false when it already was. */
  noteAlert(tx: Tx, reportId: number, kind: string, officeCode: string, at: string): Promise<boolean>;
  addAddition(tx: Tx, reportId: number, text: string, at: string, photos: readonly NewPhoto[]): Promise<number>;
  lead(id: number): Promise<LeadView | undefined>;
  leadByCode(trackingCode: string): Promise<ReportRow | undefined>;
  list(filter: { officeCode?: string | null; status?: LeadFilter; today?: string }): Promise<ReportRow[]>;
  /** Leads whose office has not acknowledged or concluded by the day given. */
  overdue(today: string): Promise<ReportRow[]>;
  counts(since: string, today: string): Promise<{ received: number; open: number; overdue: number }>;
  /** Lead counts per office for the public page: never a reporter's data. */
  /** The dated columns of every lead received in `year` (China time), or of all leads: what the statistics read. */
  statsRows(year?: number): Promise<LeadStatsRow[]>;
  statsByOffice(today: string): Promise<{ office_code: string | null; received: number; open: number; concluded: number; overdue: number; supervised: number }[]>;
  /** The record's last event and its link (for the daily summary's anchor). */
  chainHead(): Promise<{ events: number; head: string }>;
}

/** A message claimed for sending, with the lead it concerns. */
export interface ClaimedMessage {
  row: OutboxRow;
  lead: LeadView | undefined;
}

export interface Outbox {
  /** Claims due rows for this process (a row claimed by a process that died is claimed again). */
  claimDue(now: string, limit: number): Promise<OutboxRow[]>;
  markSent(tx: Tx, id: number, at: string, response: string): Promise<void>;
  /** A transient failure: tries again at `retryAt`. */
  markFailed(tx: Tx, id: number, error: string, retryAt: string): Promise<void>;
  markDead(tx: Tx, id: number, error: string, at: string): Promise<void>;
  /** Claims the deferred row (a transient failure waiting out its back-off) that is due soonest, to probe the mail server. */
  claimProbe(now: string): Promise<OutboxRow | undefined>;
  /** Makes every deferred row due now (the mail server answered again). */
  releaseDeferred(now: string): Promise<number>;
  /** Rows that could not be delivered, newest first. */
  dead(limit: number): Promise<OutboxRow[]>;
  pending(): Promise<number>;
}

/** What the mail server said. */
export interface SendResult {
  messageId: string;
  response: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
}

/** The working-day calendar and each office's deadlines. */
export interface LeadPolicy {
  calendar: WorkingCalendar;
  deadlinesFor(officeCode: string): DeadlinePolicy;
  /** The rule the deadlines come from, as the pages cite it (local practice). */
  basis: string;
}

/** The photo files: originals sealed, copies plain, all pixel work in the image workers. */
export interface PhotoStore {
  /** Checks a received photo (bounds, type, complete decode) and reads its EXIF; throws the reporter's IntakeError. */
  inspect(photo: ReceivedPhoto, field: string): Promise<InspectedPhoto>;
  /** Moves sealed originals into the store, fsynced (before the commit that records them). */
  keepOriginals(photos: readonly ReceivedPhoto[]): Promise<void>;
  /** Makes the display and forwarding copies; throws UnreadablePhoto when it cannot. */
  derive(sha256: string, type: ImageType): Promise<DerivedCopies>;
  sealExif(photo: InspectedPhoto): Buffer | null;
  openExif(sealed: Uint8Array, sha256: string): ExifReading;
  copyPath(sha256: string): string;
  discard(paths: readonly string[]): Promise<void>;
}

/** What GET requests may ask for; every list is already checked. */
export interface RequestQuery {
  /** Lead ids: when given, the other filters are ignored (the spec's rule). */
  ids?: readonly number[];
  serviceCodes?: readonly string[];
  /** ISO instants (UTC), inclusive. */
  from?: string;
  to?: string;
  statuses?: readonly ('open' | 'closed')[];
  limit: number;
}

/** The Open311 channel a lead came through, as the office sees it (its page and its e-mail). */
export interface LeadChannel {
  keyId: number;
  organisation: string;
  revoked: boolean;
  /** As the client gave it: never opened by the server. */
  mediaUrl: string | null;
  answers: readonly { label: string; value: string }[];
}

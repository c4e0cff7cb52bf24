import type { Database, Transaction } from './database.ts';
import type { SealedContact } from './contact-cipher.ts';
import type { DerivedCopies } from './photo-store.ts';
import type { ImageType } from '../domain/sniff-image-type.ts';
import type { ReportStatus, TimelineEventType } from '../domain/report-status.ts';
import type { NewEvent, Timeline } from './timeline.ts';

/** A report's row as stored. */
export interface ReportRow {
  id: number;
  tracking_code: string;
  secret_hash: Buffer;
  /** HMAC of the retry key and the content it came with; NULL once the retry window is over. */
  idempotency_key_hash: string | null;
  idempotency_expires_at: string | null;
  /** SHA-256 content digest, the one the received event binds (reportDigest). */
  fingerprint: string;
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  started_on: string | null;
  status: ReportStatus;
  office_code: string | null;
  routing: 'county' | 'no-county' | 'no-point';
  photo_count: number;
  received_at: string;
}

export interface TimelineRow {
  id: number;
  report_id: number;
  type: TimelineEventType;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

export interface PhotoRow {
  id: number;
  report_id: number;
  position: number;
  original_sha256: string;
  original_type: ImageType;
  display_sha256: string | null;
  forward_sha256: string | null;
  width: number | null;
  height: number | null;
  derived_at: string | null;
  unreadable_at: string | null;
  unreadable_reason: string | null;
  exif_sealed: Buffer | null;
  sealed: number;
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
  events: readonly Omit<NewEvent, 'reportId'>[];
  /** The office the lead is to be mailed to (the outbox sender comes later). */
  outboxOfficeCode: string | null;
}

/** Thrown when a report with this idempotency key already exists (a concurrent retry won). */
export class DuplicateIdempotencyKey extends Error {}
/** Thrown when the tracking code drawn is taken; draw another. */
export class DuplicateTrackingCode extends Error {}

function uniqueViolation(error: unknown, column: string): boolean {
  const message = error instanceof Error ? error.message : '';
  return message.includes('UNIQUE constraint failed') && message.includes(column);
}

function placeholders(columns: number, rows: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/**
 * Writes reports with all their rows in one go: one multi-row INSERT per table
 * for the whole batch, so a busy minute costs a handful of statements per
 * commit rather than several per report. Ids are given here (this process is
 * the store's only writer) so the rows can reference them before they exist.
 */
async function writeReports(tx: Transaction, timeline: Timeline, inputs: readonly NewReport[]): Promise<number[]> {
  const first = ((await tx.get<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM reports'))?.id ?? 0) + 1;
  const ids = inputs.map((_, i) => first + i);
  const reports: unknown[] = [];
  const photos: unknown[] = [];
  const contacts: unknown[] = [];
  const events: NewEvent[] = [];
  const outbox: unknown[] = [];
  const keys: string[] = [];
  let photoRows = 0;
  inputs.forEach((input, i) => {
    const id = ids[i] ?? 0;
    const r = input.report;
    reports.push(id, r.tracking_code, r.secret_hash, r.idempotency_key_hash, r.idempotency_expires_at, r.fingerprint, r.category, r.description,
      r.lat, r.lng, r.address, r.started_on, r.status, r.office_code, r.routing, r.photo_count, r.received_at);
    if (r.idempotency_key_hash) keys.push(r.idempotency_key_hash);
    input.photos.forEach((p, position) => {
      photos.push(id, position, p.sha256, p.bytes, p.type, p.exifSealed, 1);
      photoRows += 1;
    });
    if (input.contact) contacts.push(id, input.contact.keyId, input.contact.iv, input.contact.tag, input.contact.ciphertext);
    for (const event of input.events) events.push({ ...event, reportId: id });
    outbox.push(id, 'forward-lead', input.outboxOfficeCode, r.received_at);
  });
  type P = (string | number | Buffer | null)[];
  if (keys.length > 0) {
    // A key whose window has ended is forgotten, so the same post now makes a new report.
    await tx.run(
      `UPDATE reports SET idempotency_key_hash = NULL WHERE idempotency_key_hash IN (${keys.map(() => '?').join(', ')}) AND idempotency_expires_at <= ?`,
      [...keys, inputs[0]?.report.received_at ?? ''],
    );
  }
  await tx.run(
    `INSERT INTO reports (id, tracking_code, secret_hash, idempotency_key_hash, idempotency_expires_at, fingerprint, category, description, lat, lng,
       address, started_on, status, office_code, routing, photo_count, received_at) VALUES ${placeholders(17, inputs.length)}`,
    reports as P,
  );
  if (photoRows > 0) {
    await tx.run(
      `INSERT INTO photos (report_id, position, original_sha256, original_bytes, original_type, exif_sealed, sealed) VALUES ${placeholders(7, photoRows)}`,
      photos as P,
    );
  }
  if (contacts.length > 0) {
    await tx.run(`INSERT INTO report_contacts (report_id, key_id, iv, tag, ciphertext) VALUES ${placeholders(5, contacts.length / 5)}`, contacts as P);
  }
  await timeline.appendEvents(tx, events);
  await tx.run(`INSERT INTO outbox (report_id, kind, office_code, next_attempt_at) VALUES ${placeholders(4, inputs.length)}`, outbox as P);
  return ids;
}

const MAX_REPORTS_PER_WRITE = 50;

/** The reports repository: plain async functions over the database. */
export function createReportStore(db: Database, timeline: Timeline) {
  interface Pending {
    input: NewReport;
    resolve: (id: number) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Pending[] = [];
  let writing = false;

  function settle(item: Pending, error: unknown): void {
    if (uniqueViolation(error, 'idempotency_key_hash')) item.reject(new DuplicateIdempotencyKey());
    else if (uniqueViolation(error, 'tracking_code')) item.reject(new DuplicateTrackingCode());
    else item.reject(error);
  }

  // Reports arriving while one write is under way go together in the next;
  // if that write fails (a duplicate key), each report is written alone so
  // only the one at fault is refused.
  async function flush(): Promise<void> {
    if (writing || waiting.length === 0) return;
    writing = true;
    const batch = waiting.slice(0, MAX_REPORTS_PER_WRITE);
    waiting = waiting.slice(MAX_REPORTS_PER_WRITE);
    try {
      const ids = await db.transaction((tx) => writeReports(tx, timeline, batch.map((b) => b.input)));
      batch.forEach((item, i) => item.resolve(ids[i] ?? 0));
    } catch (error) {
      if (batch.length === 1 && batch[0]) settle(batch[0], error);
      else {
        await Promise.all(
          batch.map((item) =>
            db.transaction((tx) => writeReports(tx, timeline, [item.input])).then(
              (ids) => item.resolve(ids[0] ?? 0),
              (alone: unknown) => settle(item, alone),
            ),
          ),
        );
      }
    } finally {
      writing = false;
      void flush();
    }
  }

  function insert(input: NewReport): Promise<number> {
    return new Promise((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      void flush();
    });
  }

  return {
    insert,
    byTrackingCode: (code: string) => db.read.get<ReportRow>('SELECT * FROM reports WHERE tracking_code = ?', [code]),
    /** The report a retry key (bound to its content) found within its window. */
    byIdempotencyKeyHash: (hash: string, now: string) =>
      db.read.get<ReportRow>('SELECT * FROM reports WHERE idempotency_key_hash = ? AND idempotency_expires_at > ?', [hash, now]),
    timeline: (reportId: number) =>
      db.read.all<TimelineRow>('SELECT * FROM timeline_events WHERE report_id = ? ORDER BY id', [reportId]),
    photos: (reportId: number) => db.read.all<PhotoRow>('SELECT * FROM photos WHERE report_id = ? ORDER BY position', [reportId]),
    /** Photos whose copies are still to be made, oldest first. */
    photosToDerive: (limit: number) =>
      db.read.all<PhotoRow>('SELECT * FROM photos WHERE derived_at IS NULL AND unreadable_at IS NULL ORDER BY id LIMIT ?', [limit]),
    markDerived: (photoId: number, copies: DerivedCopies, at: string) =>
      db.transaction((tx) =>
        tx.run('UPDATE photos SET display_sha256 = ?, forward_sha256 = ?, width = ?, height = ?, derived_at = ? WHERE id = ?', [
          copies.displaySha256, copies.forwardSha256, copies.width, copies.height, at, photoId,
        ]),
      ),
    markUnreadable: (photoId: number, at: string, reason: string) =>
      db.transaction((tx) => tx.run('UPDATE photos SET unreadable_at = ?, unreadable_reason = ? WHERE id = ?', [at, reason, photoId])),
    /** The whole chain in order, for verification. */
    allEvents: () => db.read.all<TimelineRow>('SELECT * FROM timeline_events ORDER BY id'),
  };
}
export type ReportStore = ReturnType<typeof createReportStore>;

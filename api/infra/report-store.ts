import type { Database, Transaction } from './database.ts';
import type { DerivedCopies } from '../domain/photos.ts';
import type { PhotoRow, ReportRow, TimelineRow } from '../domain/records.ts';
import { DuplicateIdempotencyKey, DuplicateTrackingCode } from '../domain/store-errors.ts';
import type { NewReport } from '../app/ports.ts';
import type { Timeline, TimelineEntry } from './timeline.ts';
import { queueOutboxRows } from './outbox-rows.ts';

function uniqueViolation(error: unknown, column: string): boolean {
  const message = error instanceof Error ? error.message : '';
  return message.includes('UNIQUE constraint failed') && message.includes(column);
}

function placeholders(columns: number, rows: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

const REPORT_COLUMNS = [
  'tracking_code', 'secret_hash', 'idempotency_key_hash', 'idempotency_expires_at', 'fingerprint', 'category', 'description', 'lat', 'lng',
  'address', 'started_on', 'status', 'office_code', 'routing', 'photo_count', 'received_at', 'source', 'source_ref', 'registered_by',
  'assigned_at', 'acknowledged_at', 'concluded_at', 'outcome', 'public_summary', 'supervised_at', 'acknowledge_by', 'conclude_by',
] as const satisfies readonly (keyof ReportRow)[];

/**
 * Writes one report with all its rows: the report, its photos (one
 * multi-row INSERT), its sealed contact, its first events and its outbox
 * rows. The id is given here (the process is the store's only writer) so the
 * other rows can reference it. Several reports arriving together share one
 * transaction and one fsync: the database's group commit does that.
 */
async function writeReport(tx: Transaction, timeline: Timeline, input: NewReport, mailDomain: string): Promise<number> {
  const id = ((await tx.get<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM reports'))?.id ?? 0) + 1;
  const r = input.report;
  type P = (string | number | Buffer | null)[];
  if (r.idempotency_key_hash) {
    // A key whose window has ended is forgotten, so the same post now makes a new report.
    await tx.run('UPDATE reports SET idempotency_key_hash = NULL WHERE idempotency_key_hash = ? AND idempotency_expires_at <= ?', [r.idempotency_key_hash, r.received_at]);
  }
  await tx.run(`INSERT INTO reports (id, ${REPORT_COLUMNS.join(', ')}) VALUES ${placeholders(REPORT_COLUMNS.length + 1, 1)}`, [id, ...REPORT_COLUMNS.map((c) => r[c])] as P);
  if (input.photos.length > 0) {
    await tx.run(
      `INSERT INTO photos (report_id, position, original_sha256, original_bytes, original_type, exif_sealed, sealed) VALUES ${placeholders(7, input.photos.length)}`,
      input.photos.flatMap((p, position) => [id, position, p.sha256, p.bytes, p.type, p.exifSealed, 1]) as P,
    );
  }
  if (input.contact) {
    const c = input.contact;
    await tx.run('INSERT INTO report_contacts (report_id, key_id, iv, tag, ciphertext) VALUES (?, ?, ?, ?, ?)', [id, c.keyId, c.iv, c.tag, c.ciphertext]);
  }
  if (input.channel) {
    const c = input.channel;
    await tx.run('INSERT INTO open311_requests (report_id, api_key_id, media_url, attributes) VALUES (?, ?, ?, ?)', [id, c.apiKeyId, c.mediaUrl, JSON.stringify(c.attributes)]);
  }
  await timeline.appendEvents(tx, input.events.map((e): TimelineEntry => ({ ...e, reportId: id })));
  await queueOutboxRows(tx, input.outbox.map((row) => ({ ...row, reportId: id })), r.received_at, mailDomain);
  return id;
}

/** The reports repository: plain async functions over the database. */
export function createReportStore(db: Database, timeline: Timeline, mailDomain: string) {
  return {
    insert(input: NewReport): Promise<number> {
      return db.transaction((tx) => writeReport(tx, timeline, input, mailDomain)).catch((error: unknown) => {
        if (uniqueViolation(error, 'idempotency_key_hash')) throw new DuplicateIdempotencyKey();
        if (uniqueViolation(error, 'tracking_code')) throw new DuplicateTrackingCode();
        throw error;
      });
    },
    byTrackingCode: (code: string) => db.read.get<ReportRow>('SELECT * FROM reports WHERE tracking_code = ?', [code]),
    /** The report a retry key (bound to its content) found within its window. */
    byIdempotencyKeyHash: (hash: string, now: string) =>
      db.read.get<ReportRow>('SELECT * FROM reports WHERE idempotency_key_hash = ? AND idempotency_expires_at > ?', [hash, now]),
    timeline: (reportId: number) => db.read.all<TimelineRow>('SELECT * FROM timeline_events WHERE report_id = ? ORDER BY id', [reportId]),
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
  };
}

import type { Connection, Database } from './database.ts';
import type { SealedContact } from './contact-cipher.ts';
import type { DerivedCopies, InspectedPhoto } from './photo-store.ts';
import type { ImageType } from '../domain/sniff-image-type.ts';
import { GENESIS_HASH, hashEvent } from '../domain/timeline-hash.ts';
import type { ReportStatus, TimelineEventType } from '../domain/report-status.ts';

/** A report's row as stored. */
export interface ReportRow {
  id: number;
  tracking_code: string;
  secret_hash: Buffer;
  idempotency_key_hash: string | null;
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
}

/** Everything one accepted report writes, in one transaction. */
export interface NewReport {
  report: Omit<ReportRow, 'id'>;
  photos: readonly InspectedPhoto[];
  contact: SealedContact | undefined;
  events: readonly NewEvent[];
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

type NewEvent = { type: TimelineEventType; data: Record<string, unknown> };

/**
 * Appends events to the one chain of the store; call inside a write
 * transaction. `head` is the hash of the last stored event (read when unknown);
 * returns the new head.
 */
export async function appendEvents(tx: Connection, reportId: number, events: readonly NewEvent[], at: string, head?: string): Promise<string> {
  let prevHash = head ?? (await tx.get<{ hash: string }>('SELECT hash FROM timeline_events ORDER BY id DESC LIMIT 1'))?.hash ?? GENESIS_HASH;
  const params: (string | number)[] = [];
  for (const event of events) {
    const data = JSON.stringify(event.data);
    const hash = hashEvent({ reportId, type: event.type, data, at, prevHash });
    params.push(reportId, event.type, data, at, prevHash, hash);
    prevHash = hash;
  }
  if (events.length > 0) {
    const rows = events.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
    await tx.run(`INSERT INTO timeline_events (report_id, type, data, at, prev_hash, hash) VALUES ${rows}`, params);
  }
  return prevHash;
}

/** The reports repository: plain async functions over the database. */
export function createReportStore(db: Database) {
  // This process is the store's only writer, so the chain's head is kept in
  // memory; any failed write forgets it and the next one reads it again.
  let chainHead: string | undefined;

  async function insert(input: NewReport): Promise<number> {
    try {
      return await db.transaction(async (tx) => {
        try {
          return await insertRows(tx, input);
        } catch (error) {
          chainHead = undefined;
          throw error;
        }
      });
    } catch (error) {
      chainHead = undefined;
      if (uniqueViolation(error, 'idempotency_key_hash')) throw new DuplicateIdempotencyKey();
      if (uniqueViolation(error, 'tracking_code')) throw new DuplicateTrackingCode();
      throw error;
    }
  }

  async function insertRows(tx: Connection, input: NewReport): Promise<number> {
    const r = input.report;
    const { lastID: id } = await tx.run(
      `INSERT INTO reports (tracking_code, secret_hash, idempotency_key_hash, fingerprint, category, description, lat, lng,
         address, started_on, status, office_code, routing, photo_count, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.tracking_code, r.secret_hash, r.idempotency_key_hash, r.fingerprint, r.category, r.description, r.lat, r.lng,
        r.address, r.started_on, r.status, r.office_code, r.routing, r.photo_count, r.received_at],
    );
    for (const [position, p] of input.photos.entries()) {
      await tx.run(
        `INSERT INTO photos (report_id, position, original_sha256, original_bytes, original_type, exif_lat, exif_lng, exif_taken_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, position, p.sha256, p.bytes, p.type, p.exifLat ?? null, p.exifLng ?? null, p.exifTakenAt ?? null],
      );
    }
    if (input.contact) {
      const c = input.contact;
      await tx.run('INSERT INTO report_contacts (report_id, key_id, iv, tag, ciphertext) VALUES (?, ?, ?, ?, ?)', [
        id, c.keyId, c.iv, c.tag, c.ciphertext,
      ]);
    }
    chainHead = await appendEvents(tx, id, input.events, r.received_at, chainHead);
    await tx.run('INSERT INTO outbox (report_id, kind, office_code, next_attempt_at) VALUES (?, ?, ?, ?)', [
      id, 'forward-lead', input.outboxOfficeCode, r.received_at,
    ]);
    return id;
  }

  return {
    insert,
    byTrackingCode: (code: string) => db.read.get<ReportRow>('SELECT * FROM reports WHERE tracking_code = ?', [code]),
    byIdempotencyKeyHash: (hash: string) => db.read.get<ReportRow>('SELECT * FROM reports WHERE idempotency_key_hash = ?', [hash]),
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
    markUnreadable: (photoId: number, at: string) =>
      db.transaction((tx) => tx.run('UPDATE photos SET unreadable_at = ? WHERE id = ?', [at, photoId])),
    /** The whole chain in order, for verification. */
    allEvents: () => db.read.all<TimelineRow>('SELECT * FROM timeline_events ORDER BY id'),
  };
}
export type ReportStore = ReturnType<typeof createReportStore>;

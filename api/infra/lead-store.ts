import type { Database, Transaction } from './database.ts';
import type { Timeline } from './timeline.ts';
import { queueOutboxRows } from './outbox-rows.ts';
import { applyEvent, type LeadState } from '../domain/lead-state.ts';
import type { Deadlines } from '../domain/deadlines.ts';
import type { AdditionRow, PhotoRow, ReportRow, TimelineRow } from '../domain/records.ts';
import type { LeadFilter, LeadStore, LeadView, NewEvent, NewOutboxRow, NewPhoto, Tx } from '../app/ports.ts';

const asTx = (tx: Tx) => tx as unknown as Transaction;

function stateOfRow(row: ReportRow): LeadState {
  return {
    status: row.status,
    officeCode: row.office_code,
    assignedAt: row.assigned_at,
    acknowledgedAt: row.acknowledged_at,
    concludedAt: row.concluded_at,
    outcome: row.outcome,
    publicSummary: row.public_summary,
    supervisedAt: row.supervised_at,
  };
}

/**
 * Leads as the offices handle them. Every change of a lead goes through
 * `record`: its events onto the timeline and its stored state (a projection
 * of those events) updated, in the caller's transaction.
 */
export function createLeadStore(db: Database, timeline: Timeline, options: { mailDomain: string; deadlines: (officeCode: string, assignedAt: string) => Deadlines }): LeadStore {
  async function record(tx: Tx, reportId: number, events: readonly NewEvent[]): Promise<void> {
    const t = asTx(tx);
    const row = await t.get<ReportRow>('SELECT * FROM reports WHERE id = ?', [reportId]);
    if (!row) throw new Error(`Expected report ${reportId} to exist.`);
    const before = stateOfRow(row);
    const after = events.reduce(applyEvent, before);
    await timeline.appendEvents(t, events.map((e) => ({ ...e, reportId })));
    const moved = after.assignedAt !== before.assignedAt || after.officeCode !== before.officeCode;
    const due = moved && after.officeCode && after.assignedAt ? options.deadlines(after.officeCode, after.assignedAt) : undefined;
    await t.run(
      `UPDATE reports SET status = ?, office_code = ?, assigned_at = ?, acknowledged_at = ?, concluded_at = ?, outcome = ?, public_summary = ?,
         supervised_at = ?, acknowledge_by = ?, conclude_by = ? WHERE id = ?`,
      [
        after.status,
        after.officeCode,
        after.assignedAt,
        after.acknowledgedAt,
        after.concludedAt,
        after.outcome,
        after.publicSummary,
        after.supervisedAt,
        moved ? (due?.acknowledgeBy ?? null) : row.acknowledge_by,
        moved ? (due?.concludeBy ?? null) : row.conclude_by,
        reportId,
      ],
    );
  }

  async function lead(id: number): Promise<LeadView | undefined> {
    const report = await db.read.get<ReportRow>('SELECT * FROM reports WHERE id = ?', [id]);
    if (!report) return undefined;
    const [photos, additions, events, contact] = await Promise.all([
      db.read.all<PhotoRow>('SELECT * FROM photos WHERE report_id = ? ORDER BY position', [id]),
      db.read.all<AdditionRow>('SELECT * FROM report_additions WHERE report_id = ? ORDER BY id', [id]),
      db.read.all<TimelineRow>('SELECT * FROM timeline_events WHERE report_id = ? ORDER BY id', [id]),
      db.read.get<{ key_id: string; iv: Buffer; tag: Buffer; ciphertext: Buffer }>('SELECT * FROM report_contacts WHERE report_id = ?', [id]),
    ]);
    return { report, photos, additions, events, contact: contact ? { keyId: contact.key_id, iv: contact.iv, tag: contact.tag, ciphertext: contact.ciphertext } : undefined };
  }

  const OPEN = "status != 'concluded'";
  const OVERDUE = `(${OPEN} AND ((acknowledged_at IS NULL AND acknowledge_by < ?) OR (concluded_at IS NULL AND conclude_by < ?)))`;

  return {
    write: (work) => db.transaction((tx) => work(tx as unknown as Tx)),
    record,
    async queue(tx: Tx, rows: readonly NewOutboxRow[], at: string) {
      await queueOutboxRows(asTx(tx), rows, at, options.mailDomain);
    },
    async noteAlert(tx, reportId, kind, officeCode, at) {
      const { changes } = await asTx(tx).run('INSERT OR IGNORE INTO lead_alerts (report_id, kind, office_code, at) VALUES (?, ?, ?, ?)', [reportId, kind, officeCode, at]);
      return changes === 1;
    },
    async addAddition(tx, reportId, text, at, photos: readonly NewPhoto[]) {
      const t = asTx(tx);
      const { lastID } = await t.run('INSERT INTO report_additions (report_id, text, received_at) VALUES (?, ?, ?)', [reportId, text, at]);
      const next = ((await t.get<{ n: number }>('SELECT coalesce(max(position), -1) + 1 AS n FROM photos WHERE report_id = ?', [reportId]))?.n ?? 0);
      for (const [i, p] of photos.entries()) {
        await t.run(
          'INSERT INTO photos (report_id, position, original_sha256, original_bytes, original_type, exif_sealed, sealed, addition_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
          [reportId, next + i, p.sha256, p.bytes, p.type, p.exifSealed, lastID],
        );
      }
      return lastID;
    },
    lead,
    leadByCode: (code) => db.read.get<ReportRow>('SELECT * FROM reports WHERE tracking_code = ?', [code]),
    list({ officeCode, status = 'all', today = '' }: { officeCode?: string | null; status?: LeadFilter; today?: string }) {
      const where: string[] = [];
      const params: (string | null)[] = [];
      if (officeCode === null) where.push('office_code IS NULL');
      else if (officeCode !== undefined) {
        where.push('office_code = ?');
        params.push(officeCode);
      }
      if (status === 'open') where.push(OPEN);
      if (status === 'concluded') where.push("status = 'concluded'");
      if (status === 'overdue') {
        where.push(OVERDUE);
        params.push(today, today);
      }
      return db.read.all<ReportRow>(`SELECT * FROM reports ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT 500`, params);
    },
    overdue: (today) => db.read.all<ReportRow>(`SELECT * FROM reports WHERE ${OVERDUE} ORDER BY id`, [today, today]),
    async counts(since, today) {
      const row = await db.read.get<{ received: number; open: number }>(`SELECT sum(received_at >= ?) AS received, sum(${OPEN}) AS open FROM reports`, [since]);
      const overdue = await db.read.get<{ n: number }>(`SELECT count(*) AS n FROM reports WHERE ${OVERDUE}`, [today, today]);
      return { received: row?.received ?? 0, open: row?.open ?? 0, overdue: overdue?.n ?? 0 };
    },
    statsRows: (year) =>
      // received_at is UTC ISO time; a lead received on 1 January before 08:00 China time belongs to the new year.
      db.read.all(
        `SELECT office_code, source, status, received_at, assigned_at, acknowledged_at, concluded_at, acknowledge_by, conclude_by, outcome, supervised_at
         FROM reports ${year === undefined ? '' : 'WHERE received_at >= ? AND received_at < ?'} ORDER BY id`,
        year === undefined ? [] : [new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString(), new Date(Date.UTC(year, 11, 31, 16)).toISOString()],
      ),
    statsByOffice: (today) =>
      db.read.all(
        `SELECT office_code, count(*) AS received, sum(${OPEN}) AS open, sum(status = 'concluded') AS concluded,
           sum(${OVERDUE}) AS overdue, sum(supervised_at IS NOT NULL) AS supervised
         FROM reports GROUP BY office_code ORDER BY office_code`,
        [today, today],
      ),
    async chainHead() {
      const last = await db.read.get<{ id: number; hash: string }>('SELECT id, hash FROM timeline_events ORDER BY id DESC LIMIT 1');
      return { events: last?.id ?? 0, head: last?.hash ?? '' };
    },
  };
}

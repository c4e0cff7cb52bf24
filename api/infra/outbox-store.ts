import type { Database, Transaction } from './database.ts';
import type { OutboxRow } from '../domain/records.ts';
import type { Outbox, Tx } from '../app/ports.ts';

const asTx = (tx: Tx) => tx as unknown as Transaction;

/**
 * The outbox as rows: due rows are claimed for this process before they are
 * sent. A claim by a process that is gone (another run id) does not hold: after
 * a crash or a restart its rows are claimed again and re-sent under the same
 * Message-ID. A claim of this process older than `leaseMs` (a send that hung)
 * does not hold either.
 *
 * A lead's message waits until its photos' copies exist (or are known to be
 * unreadable), so that the office gets the photos with it.
 */
export function createOutboxStore(db: Database, runId: string, leaseMs: number): Outbox {
  return {
    async claimDue(now, limit) {
      const leaseEnd = new Date(Date.parse(now) - leaseMs).toISOString();
      return db.transaction(async (tx) => {
        const due = await tx.all<{ id: number }>(
          `SELECT o.id FROM outbox o
            WHERE o.sent_at IS NULL AND o.dead_at IS NULL AND o.next_attempt_at <= ?
              AND (o.claimed_by IS NULL OR o.claimed_by != ? OR o.claimed_at < ?)
              AND NOT (o.kind = 'forward-lead' AND EXISTS (
                SELECT 1 FROM photos p WHERE p.report_id = o.report_id AND p.derived_at IS NULL AND p.unreadable_at IS NULL))
            ORDER BY o.next_attempt_at, o.id LIMIT ?`,
          [now, runId, leaseEnd, limit],
        );
        if (due.length === 0) return [];
        const ids = due.map((d) => d.id);
        const marks = ids.map(() => '?').join(', ');
        await tx.run(`UPDATE outbox SET claimed_at = ?, claimed_by = ?, attempts = attempts + 1 WHERE id IN (${marks})`, [now, runId, ...ids]);
        return tx.all<OutboxRow>(`SELECT * FROM outbox WHERE id IN (${marks}) ORDER BY next_attempt_at, id`, ids);
      });
    },
    async claimProbe(now) {
      const leaseEnd = new Date(Date.parse(now) - leaseMs).toISOString();
      return db.transaction(async (tx) => {
        const row = await tx.get<{ id: number }>(
          `SELECT id FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL AND last_error IS NOT NULL AND next_attempt_at > ?
             AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY next_attempt_at, id LIMIT 1`,
          [now, leaseEnd],
        );
        if (!row) return undefined;
        await tx.run('UPDATE outbox SET claimed_at = ?, claimed_by = ?, attempts = attempts + 1 WHERE id = ?', [now, runId, row.id]);
        return tx.get<OutboxRow>('SELECT * FROM outbox WHERE id = ?', [row.id]);
      });
    },
    async releaseDeferred(now) {
      const { changes } = await db.transaction((tx) =>
        tx.run('UPDATE outbox SET next_attempt_at = ? WHERE sent_at IS NULL AND dead_at IS NULL AND last_error IS NOT NULL AND next_attempt_at > ?', [now, now]),
      );
      return changes;
    },
    async markSent(tx, id, at, response) {
      await asTx(tx).run('UPDATE outbox SET sent_at = ?, smtp_response = ?, last_error = NULL, claimed_by = NULL WHERE id = ?', [at, response.slice(0, 500), id]);
    },
    async markFailed(tx, id, error, retryAt) {
      await asTx(tx).run('UPDATE outbox SET last_error = ?, next_attempt_at = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ?', [error.slice(0, 500), retryAt, id]);
    },
    async markDead(tx, id, error, at) {
      await asTx(tx).run('UPDATE outbox SET last_error = ?, dead_at = ?, claimed_by = NULL WHERE id = ?', [error.slice(0, 500), at, id]);
    },
    dead: (limit) => db.read.all<OutboxRow>('SELECT * FROM outbox WHERE dead_at IS NOT NULL ORDER BY dead_at DESC LIMIT ?', [limit]),
    async pending() {
      return (await db.read.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL'))?.n ?? 0;
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { Transaction } from './database.ts';
import type { NewOutboxRow } from '../app/ports.ts';

/**
 * Queues messages in the caller's transaction, each with its Message-ID fixed
 * now (so a message re-sent after a crash is the same message). A row whose
 * dedupe key is already queued is left out.
 */
export async function queueOutboxRows(tx: Transaction, rows: readonly NewOutboxRow[], now: string, mailDomain: string): Promise<void> {
  if (rows.length === 0) return;
  const params: (string | number | null)[] = [];
  for (const row of rows) {
    const messageId = `<${row.kind}.${row.reportId ?? 'all'}.${randomBytes(9).toString('base64url')}@${mailDomain}>`;
    params.push(row.reportId, row.kind, row.officeCode, messageId, row.payload ? JSON.stringify(row.payload) : null, row.dedupeKey ?? null, now, row.notBefore ?? now);
  }
  await tx.run(
    `INSERT INTO outbox (report_id, kind, office_code, message_id, payload, dedupe_key, created_at, next_attempt_at)
     VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (dedupe_key) DO NOTHING`,
    params,
  );
}

import type { Database } from './database.ts';
import type { PublicLeadRow } from '../domain/open311-request.ts';
import { EVENT_TYPES } from '../domain/report-status.ts';
import type { RequestQuery } from '../app/ports.ts';

const PUBLIC_TYPES = Object.entries(EVENT_TYPES)
  .filter(([, v]) => v.public)
  .map(([k]) => `'${k}'`)
  .join(', ');

// Only what the citizens and the media reported: a lead an office registered from its own work
// (patrol, remote sensing, inspection, assigned) is not a service request anyone filed.
const SELECT = `SELECT r.*, o.api_key_id AS api_key_id,
    (SELECT max(e.at) FROM timeline_events e WHERE e.report_id = r.id AND e.type IN (${PUBLIC_TYPES})) AS updated_at
  FROM reports r LEFT JOIN open311_requests o ON o.report_id = r.id
  WHERE r.source IN ('public', 'media')`;

/** The Open311 reads: leads as the public calls list them, and a lead's channel for the office. */
export function createOpen311Store(db: Database) {
  return {
    requests(query: RequestQuery): Promise<PublicLeadRow[]> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const list = (values: readonly (string | number)[]) => values.map(() => '?').join(', ');
      if (query.ids) {
        where.push(`r.id IN (${list(query.ids)})`);
        params.push(...query.ids);
      } else {
        if (query.serviceCodes?.length) {
          where.push(`r.category IN (${list(query.serviceCodes)})`);
          params.push(...query.serviceCodes);
        }
        if (query.from) {
          where.push('r.received_at >= ?');
          params.push(query.from);
        }
        if (query.to) {
          where.push('r.received_at <= ?');
          params.push(query.to);
        }
        if (query.statuses?.length === 1) where.push(query.statuses[0] === 'closed' ? "r.status = 'concluded'" : "r.status != 'concluded'");
      }
      const sql = `${SELECT}${where.map((w) => ` AND ${w}`).join('')} ORDER BY r.received_at DESC, r.id DESC LIMIT ?`;
      return db.read.all<PublicLeadRow>(sql, [...params, query.limit]);
    },
    /** The Open311 channel a lead came through, for the office page. */
    channel: (reportId: number) =>
      db.read.get<{ api_key_id: number; organisation: string; key_prefix: string; revoked_at: string | null; media_url: string | null; attributes: string }>(
        `SELECT o.api_key_id, k.organisation, k.key_prefix, k.revoked_at, o.media_url, o.attributes
           FROM open311_requests o JOIN api_keys k ON k.id = o.api_key_id WHERE o.report_id = ?`,
        [reportId],
      ),
  };
}
export type Open311Store = ReturnType<typeof createOpen311Store>;

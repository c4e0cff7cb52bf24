// node api/verify-timeline.ts — checks the timeline's hash chain in DATA_DIR's
// store (执法全过程记录): exits 0 when every event still carries the hash of the
// one before, 1 naming the first event that does not.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { readConfig } from './config.ts';
import { findBrokenLink } from './domain/timeline-hash.ts';

interface EventRow {
  id: number;
  report_id: number;
  type: string;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
}

/** Reads the whole chain read-only; answers the id of the first broken event, or undefined when intact. */
export async function verifyTimeline(dataDir: string): Promise<{ events: number; brokenAt: number | undefined }> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    const rows = await new Promise<EventRow[]>((ok, fail) =>
      db.all('SELECT * FROM timeline_events ORDER BY id', (e: Error | null, r: EventRow[]) => (e ? fail(e) : ok(r))),
    );
    const broken = findBrokenLink(rows.map((r) => ({ reportId: r.report_id, type: r.type, data: r.data, at: r.at, prevHash: r.prev_hash, hash: r.hash })));
    return { events: rows.length, brokenAt: broken < 0 ? undefined : rows[broken]?.id };
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { dataDir } = readConfig();
  const result = await verifyTimeline(dataDir);
  if (result.brokenAt === undefined) {
    console.log(`timeline intact: ${result.events} events`);
  } else {
    console.error(`timeline broken at event ${result.brokenAt} (of ${result.events}): it or an earlier event was changed or removed`);
    process.exitCode = 1;
  }
}

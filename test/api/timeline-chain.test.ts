import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findBrokenLink, type ChainedEvent } from '../../api/domain/timeline-hash.ts';
import { verifyTimeline } from '../../api/verify-timeline.ts';
import { formOf, postForm, queryStore, startIntake, validFields, type TestServer } from './intake-helpers.ts';

interface EventRow {
  report_id: number;
  type: string;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
}

const chained = (rows: EventRow[]): (ChainedEvent & { hash: string })[] =>
  rows.map((r) => ({ reportId: r.report_id, type: r.type, data: r.data, at: r.at, prevHash: r.prev_hash, hash: r.hash }));

function exec(file: string, sql: string): Promise<void> {
  return new Promise((ok, fail) => {
    const db = new sqlite3.Database(file, (e) => {
      if (e) return fail(e);
      db.exec(sql, (error) => db.close(() => (error ? fail(error) : ok())));
    });
  });
}

describe('the timeline hash chain', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake();
    for (const point of [['30.3', '116.5'], ['30.1', '116.1'], ['', '']]) {
      await postForm(server.url, formOf(validFields({ lat: point[0] ?? '', lng: point[1] ?? '' })));
    }
  });
  afterAll(() => server.stop());

  test('the events of three reports form one intact chain', async () => {
    const rows = await queryStore<EventRow>(server.dataDir, 'SELECT * FROM timeline_events ORDER BY id');
    expect(rows).toHaveLength(6);
    expect(findBrokenLink(chained(rows))).toBe(-1);
    expect(await verifyTimeline(server.dataDir)).toEqual({ events: 6, brokenAt: undefined });
  });

  test('the store refuses to change or delete an event', async () => {
    const file = join(server.dataDir, 'portal.sqlite');
    await expect(exec(file, "UPDATE timeline_events SET data = '{}' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(exec(file, 'DELETE FROM timeline_events WHERE id = 2')).rejects.toThrow(/append-only/);
  });

  test('an event changed behind the triggers breaks the chain at that event', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'zhifa-chain-'));
    try {
      await exec(join(server.dataDir, 'portal.sqlite'), 'PRAGMA wal_checkpoint(TRUNCATE)');
      copyFileSync(join(server.dataDir, 'portal.sqlite'), join(copy, 'portal.sqlite'));
      await exec(join(copy, 'portal.sqlite'), `DROP TRIGGER timeline_no_update; UPDATE timeline_events SET data = '{"officeCode":"990103"}' WHERE id = 4`);
      const rows = await queryStore<EventRow>(copy, 'SELECT * FROM timeline_events ORDER BY id');
      expect(findBrokenLink(chained(rows))).toBe(3);
      expect(await verifyTimeline(copy)).toEqual({ events: 6, brokenAt: 4 });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

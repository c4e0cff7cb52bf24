import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { legacyLink, linkEvent } from '../../api/domain/timeline-link.ts';
import { verifyTimeline } from '../../api/verify-timeline.ts';
import { formOf, keyRingOf, makeJpeg, postForm, queryStore, repoRoot, startIntake, validFields, type TestServer } from './intake-helpers.ts';

interface EventRow {
  id: number;
  report_id: number;
  type: string;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

function exec(file: string, sql: string): Promise<void> {
  return new Promise((ok, fail) => {
    const db = new sqlite3.Database(file, (e) => {
      if (e) return fail(e);
      db.exec(sql, (error) => db.close(() => (error ? fail(error) : ok())));
    });
  });
}

const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

describe('the record (执法全过程记录): authenticated, content-bound, anchored', () => {
  let server: TestServer;
  let anchorFile: string;
  const verify = (dataDir: string, anchor = anchorFile) => verifyTimeline(dataDir, keyRingOf(server.dataDir), anchor);

  beforeAll(async () => {
    // Without the outbox the events are those of intake alone (the outbox adds a `sent` event per lead).
    server = await startIntake({ WORKERS: 'off' });
    anchorFile = join(server.dataDir, 'anchor', 'timeline.log');
    await postForm(server.url, formOf(validFields({ name: '举报人甲', phone: '13912345678', contactConsent: 'yes' }), [{ name: 'a.jpg', bytes: await makeJpeg({ seed: 3 }) }]));
    for (const point of [['30.1', '116.1'], ['', '']]) {
      await postForm(server.url, formOf(validFields({ lat: point[0] ?? '', lng: point[1] ?? '' })));
    }
    // The anchor is written just after each commit.
    await server.running.close().catch(() => undefined);
    server = { ...server, ...(await startIntake({ WORKERS: 'off' }, server.dataDir)) };
  });
  afterAll(() => server.stop());

  /** A copy of the store (checkpointed) whose triggers are dropped: what someone with the file could do. */
  async function tamperedCopy(sql: string): Promise<string> {
    const copy = mkdtempSync(join(tmpdir(), 'zhifa-tamper-'));
    await exec(join(server.dataDir, 'portal.sqlite'), 'PRAGMA wal_checkpoint(TRUNCATE)');
    copyFileSync(join(server.dataDir, 'portal.sqlite'), join(copy, 'portal.sqlite'));
    const triggers = await queryStore<{ name: string }>(copy, "SELECT name FROM sqlite_master WHERE type = 'trigger'");
    await exec(join(copy, 'portal.sqlite'), `${triggers.map((t) => `DROP TRIGGER ${t.name};`).join(' ')} ${sql}`);
    return copy;
  }

  async function problemsAfter(sql: string, anchor?: string): Promise<string[]> {
    const copy = await tamperedCopy(sql);
    try {
      return (await verify(copy, anchor)).problems;
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  test('three reports make six authenticated events, an anchor that names the head, and a record that verifies', async () => {
    const rows = await queryStore<EventRow>(server.dataDir, 'SELECT * FROM timeline_events ORDER BY id');
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.key_id === keyRingOf(server.dataDir).current.id)).toBe(true);
    const anchor = readFileSync(anchorFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lastEventId: number; head: string });
    expect(anchor.at(-1)).toMatchObject({ lastEventId: 6, head: rows.at(-1)?.hash });
    expect(await verify(server.dataDir)).toEqual({ events: 6, reports: 3, problems: [] });
  });

  test('the store refuses to change, delete or replace any row of the record', async () => {
    const file = join(server.dataDir, 'portal.sqlite');
    const [event] = await queryStore<EventRow>(server.dataDir, 'SELECT * FROM timeline_events WHERE id = 1');
    const refused = [
      "UPDATE timeline_events SET data = '{}' WHERE id = 1",
      'DELETE FROM timeline_events WHERE id = 2',
      `INSERT OR REPLACE INTO timeline_events (id, report_id, type, data, at, prev_hash, hash, key_id) VALUES (1, 1, 'received', '{}', ${q(event?.at ?? '')}, ${q(event?.prev_hash ?? '')}, 'x', NULL)`,
      `REPLACE INTO timeline_events (report_id, type, data, at, prev_hash, hash) VALUES (1, 'received', '{}', 'now', 'p', ${q(event?.hash ?? '')})`,
      `INSERT INTO timeline_events (id, report_id, type, data, at, prev_hash, hash) VALUES (1, 1, 'x', '{}', 'now', 'p', 'h') ON CONFLICT (id) DO UPDATE SET data = '{}'`,
      "REPLACE INTO reports (id, tracking_code, secret_hash, fingerprint, category, description, status, routing, photo_count, received_at) VALUES (1, 'JB-X', x'00', '', 'c', 'd', 'routed', 'county', 0, 'now')",
      'DELETE FROM reports WHERE id = 3',
      "UPDATE reports SET description = '改写过的描述' WHERE id = 1",
      "UPDATE photos SET original_sha256 = 'f00' WHERE id = 1",
      'DELETE FROM photos WHERE id = 1',
      'DELETE FROM report_contacts',
      "INSERT OR REPLACE INTO report_contacts (report_id, key_id, iv, tag, ciphertext) VALUES (1, 'k', x'00', x'00', x'00')",
    ];
    for (const sql of refused) await expect(exec(file, sql), sql).rejects.toThrow(/append-only|never|UNIQUE/);
    expect((await verify(server.dataDir)).problems).toEqual([]);
  });

  test('an event changed behind the triggers is found by its MAC', async () => {
    expect(await problemsAfter(`UPDATE timeline_events SET data = '{"officeCode":"990103"}' WHERE id = 4`)).toContainEqual(expect.stringMatching(/^event 4: its MAC does not match/));
  });

  test('an event rewritten and the chain after it recomputed — with plain hashes, or with a key of the attacker’s — is found', async () => {
    const rows = await queryStore<EventRow>(server.dataDir, 'SELECT * FROM timeline_events ORDER BY id');
    for (const rechain of ['plain', 'own-key'] as const) {
      let prev = rows[2]?.hash ?? '';
      const updates = rows.slice(3).map((row, i) => {
        const data = i === 0 ? '{"officeCode":"990103","officeName":"改派"}' : row.data;
        const event = { reportId: row.report_id, type: row.type, data, at: row.at, prevHash: prev };
        const hash = rechain === 'plain' ? legacyLink(event) : linkEvent(createHash('sha256').update('attacker').digest(), event);
        prev = hash;
        return `UPDATE timeline_events SET data = ${q(data)}, prev_hash = ${q(event.prevHash)}, hash = ${q(hash)}, key_id = ${rechain === 'plain' ? 'NULL' : q(row.key_id ?? '')} WHERE id = ${row.id};`;
      });
      const problems = await problemsAfter(updates.join(' '));
      expect(problems[0], rechain).toMatch(/^event 4: (an unauthenticated link follows|its MAC does not match)/);
      expect(problems, rechain).toContainEqual(expect.stringMatching(/^anchor of .*: event [46] no longer carries the link recorded then/));
    }
  });

  test('events removed from the end of the chain are found by the anchor', async () => {
    const problems = await problemsAfter('DELETE FROM timeline_events WHERE id > 4');
    expect(problems).toContainEqual(expect.stringMatching(/^anchor of .*: the chain had 6 events, the store now ends at event 4 \(events removed\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^report JB-.*: 0 received events/));
  });

  test("a report's description, a photo's hash or the sealed contact changed or removed is found by the received event's digest", async () => {
    for (const sql of [
      "UPDATE reports SET description = '村口没有人建房。' WHERE id = 1",
      "UPDATE photos SET original_sha256 = '0000000000000000000000000000000000000000000000000000000000000000' WHERE report_id = 1",
      'DELETE FROM report_contacts WHERE report_id = 1',
      'DELETE FROM photos WHERE report_id = 1',
    ]) {
      expect(await problemsAfter(sql), sql).toEqual([expect.stringMatching(/^report JB-.*: its content, photos or contact differ from what its received event bound$/)]);
    }
  });

  test("a sealed contact altered, or moved to another report, no longer opens and is found", async () => {
    expect(await problemsAfter("UPDATE report_contacts SET ciphertext = x'00' || ciphertext WHERE report_id = 1")).toEqual([expect.stringMatching(/^report JB-.*: its sealed contact does not open/)]);
    const moved = await problemsAfter('UPDATE report_contacts SET report_id = 2 WHERE report_id = 1');
    expect(moved).toContainEqual(expect.stringMatching(/^report JB-.*: its sealed contact does not open/));
    expect(moved).toContainEqual(expect.stringMatching(/^report JB-.*: its content, photos or contact differ/));
  });

  test("a report moved to another office or status without an event is found", async () => {
    expect(await problemsAfter("UPDATE reports SET office_code = '990103' WHERE id = 1")).toEqual([expect.stringMatching(/^report JB-.*: office 990103 differs from its events \(990102\)$/)]);
  });

  test('a report removed with its events, or an anchor line forged or edited, is found', async () => {
    const removed = await problemsAfter('DELETE FROM timeline_events WHERE report_id = 3; DELETE FROM reports WHERE id = 3');
    expect(removed[0]).toMatch(/^anchor of .*: the chain had 6 events/);

    const forged = join(mkdtempSync(join(tmpdir(), 'zhifa-anchor-')), 'timeline.log');
    try {
      const lines = readFileSync(anchorFile, 'utf8').trim().split('\n');
      const last = JSON.parse(lines.at(-1) ?? '{}') as { lastEventId: number };
      writeFileSync(forged, `${lines.join('\n')}\n`);
      appendFileSync(forged, `${JSON.stringify({ ...last, lastEventId: 4 })}\n`);
      expect((await verify(server.dataDir, forged)).problems).toEqual([expect.stringMatching(/^anchor line \d+ is not signed by a key in the key ring/)]);
    } finally {
      rmSync(forged, { force: true });
    }
  });

  test('`npm run verify:timeline` exits 0 on the intact record and 1 naming the problem on a tampered one', async () => {
    const run = (dataDir: string) =>
      spawnSync(process.execPath, ['api/verify-timeline.ts'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', WORKERS: 'off', DATA_DIR: dataDir, SECRETS_DIR: join(server.dataDir, 'secrets'), TIMELINE_ANCHOR_FILE: anchorFile },
        encoding: 'utf8',
      });
    const intact = run(server.dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('record intact: 6 events, 3 reports');
    const copy = await tamperedCopy("UPDATE reports SET description = '改写' WHERE id = 2");
    try {
      const tampered = run(copy);
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toMatch(/report JB-.*: its content, photos or contact differ/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts['verify:timeline']).toBe('node api/verify-timeline.ts');
  });
});

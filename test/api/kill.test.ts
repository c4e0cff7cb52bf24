import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { verifyTimeline } from '../../api/verify-timeline.ts';
import { copiesMade, formOf, keyRingOf, makeJpeg, openOriginal, queryStore, randomKey, repoRoot, validFields } from './intake-helpers.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `node api/server.ts` as its own process, the service alone; resolves with its URL once it listens. */
function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['api/server.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_DIR: join(repoRoot, 'content'), SERVE_SITE: 'off', RATE_LIMIT: 'off', WORKERS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serving on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

interface Sent {
  key: string;
  description: string;
  photoHashes: string[];
  answer?: { trackingCode: string; secret: string; photos: { sha256: string }[] };
  failed?: boolean;
}

describe('a server killed (SIGKILL) in the middle of a stream of submissions', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-kill-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('keeps every report it answered 201, with its photos intact, and half-stores none', async () => {
    const first = await spawnServer(dataDir);
    child = first.child;
    const photos = await Promise.all(Array.from({ length: 8 }, (_, i) => makeJpeg({ width: 1000, height: 750, seed: i + 1 })));
    const sent: Sent[] = [];
    let answered = 0;
    let killed = false;

    // Four clients submit in a loop; after the sixth 201 the process is killed while the others are mid-upload.
    const client = async (n: number) => {
      for (let i = 0; !killed && i < 100; i += 1) {
        const mine = [photos[(n + i) % photos.length], photos[(n + i + 3) % photos.length]] as Buffer[];
        const item: Sent = { key: randomKey(), description: `第 ${n}-${i} 份：耕地上有人堆放建筑垃圾并平整土地。`, photoHashes: mine.map(sha256) };
        sent.push(item);
        try {
          const res = await fetch(`${first.url}/api/reports`, {
            method: 'POST',
            headers: { 'idempotency-key': item.key, accept: 'application/json' },
            body: formOf(validFields({ description: item.description }), mine.map((bytes, j) => ({ name: `p${j}.jpg`, bytes }))),
          });
          if (res.status === 201) {
            item.answer = (await res.json()) as NonNullable<Sent['answer']>;
            answered += 1;
            if (answered === 6 && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          } else item.failed = true;
        } catch {
          item.failed = true;
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));
    if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once('exit', r));
    expect(first.child.signalCode).toBe('SIGKILL');

    const ok = sent.filter((s) => s.answer);
    const cut = sent.filter((s) => !s.answer);
    expect(ok.length).toBeGreaterThanOrEqual(6);
    expect(cut.length).toBeGreaterThan(0);

    const second = await spawnServer(dataDir);
    child = second.child;
    // The restart emptied the temp folder of the killed requests.
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);

    // Every 201 is there, its photos' hashes those the client sent.
    for (const s of ok) {
      const res = await fetch(`${second.url}/api/reports/${s.answer?.trackingCode}`, { headers: { authorization: `Bearer ${s.answer?.secret}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { photos: { sha256: string }[]; timeline: unknown[] };
      expect(body.photos.map((p) => p.sha256)).toEqual(s.photoHashes);
      expect(body.timeline).toHaveLength(2);
    }

    // No report is half-stored: each has all its photo rows, originals whose bytes hash to the recorded
    // evidence, its events and its outbox row; and the copies the killed process never made are made now.
    await copiesMade(dataDir);
    const reports = await queryStore<{ id: number; photo_count: number }>(dataDir, 'SELECT id, photo_count FROM reports');
    expect(reports.length).toBeGreaterThanOrEqual(ok.length);
    for (const r of reports) {
      const rows = await queryStore<{ original_sha256: string; display_sha256: string; forward_sha256: string }>(
        dataDir,
        'SELECT original_sha256, display_sha256, forward_sha256 FROM photos WHERE report_id = ?',
        [r.id],
      );
      expect(rows).toHaveLength(r.photo_count);
      expect(r.photo_count).toBe(2);
      for (const row of rows) {
        expect(sha256(openOriginal(dataDir, join(dataDir, 'originals', row.original_sha256.slice(0, 2), `${row.original_sha256}.jpg`)))).toBe(row.original_sha256);
        for (const hash of [row.display_sha256, row.forward_sha256]) {
          expect(sha256(readFileSync(join(dataDir, 'photos', hash.slice(0, 2), `${hash}.jpg`)))).toBe(hash);
        }
      }
      expect(await queryStore(dataDir, 'SELECT count(*) AS n FROM timeline_events WHERE report_id = ?', [r.id])).toEqual([{ n: 2 }]);
      expect(await queryStore(dataDir, 'SELECT count(*) AS n FROM outbox WHERE report_id = ?', [r.id])).toEqual([{ n: 1 }]);
    }
    // The record verifies: every link, every report's content, and the anchor the killed process left.
    expect((await verifyTimeline(dataDir, keyRingOf(dataDir), join(dataDir, 'anchor', 'timeline.log'))).problems).toEqual([]);

    // A client that lost its answer retries with the same key: it gets one report, never two.
    const before = reports.length;
    const retried = await Promise.all(
      cut.map(async (s) => {
        const res = await fetch(`${second.url}/api/reports`, {
          method: 'POST',
          headers: { 'idempotency-key': s.key, accept: 'application/json' },
          body: formOf(validFields({ description: s.description }), s.photoHashes.map((h, j) => ({ name: `p${j}.jpg`, bytes: photos.find((p) => sha256(p) === h) ?? Buffer.alloc(0) }))),
        });
        return res.status;
      }),
    );
    expect(retried.every((status) => status === 201)).toBe(true);
    const total = (await queryStore<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM reports'))[0]?.n ?? 0;
    expect(total).toBe(ok.length + cut.length);
    expect(total - before).toBeLessThanOrEqual(cut.length);
  });
});

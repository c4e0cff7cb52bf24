// The image workers put a waiting reporter first: checks of photos being
// uploaded run before copies already queued, and copies still run in the end.
// Real worker processes, real JPEGs; only the order of completion is asserted.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, test } from 'vitest';
import { createImageWorkers } from '../../api/infra/image-workers.ts';
import { loadKeyRing } from '../../api/infra/key-ring.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhifa-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('six checks queued after six copies finish before all but the copy already running; every copy is made', async () => {
  const raw = Buffer.alloc(1600 * 1200 * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 2654435761) >>> 24;
  const bytes = await sharp(raw, { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const path = join(dir, 'photo.jpg');
  writeFileSync(path, bytes);
  const job = { path, type: 'jpeg' as const, sha256: createHash('sha256').update(bytes).digest('hex'), maxPixels: 50_000_000 };
  const workers = createImageWorkers({ keys: loadKeyRing(join(dir, 'secrets'), undefined), workers: 1, timeoutMs: 60_000 });
  try {
    const finished: string[] = [];
    const copies = Array.from({ length: 6 }, (_, i) => workers.run({ op: 'derive', ...job }, 'background').then(() => finished.push(`copy${i}`)));
    const checks = Array.from({ length: 6 }, (_, i) => workers.run({ op: 'inspect', ...job }, 'intake').then(() => finished.push(`check${i}`)));
    await Promise.all([...copies, ...checks]);
    expect(finished).toHaveLength(12);
    // One copy may already have been handed to the worker when the checks arrived; no other copy goes before them.
    const lastCheck = finished.indexOf('check5');
    expect(finished.slice(0, lastCheck).filter((name) => name.startsWith('copy')).length).toBeLessThanOrEqual(1);
    expect(finished.filter((name) => name.startsWith('check'))).toEqual(['check0', 'check1', 'check2', 'check3', 'check4', 'check5']);
  } finally {
    await workers.close();
  }
});

test('a copy waits behind a stream of checks no longer than its bound', async () => {
  const raw = Buffer.alloc(1600 * 1200 * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 2654435761) >>> 24;
  const bytes = await sharp(raw, { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const path = join(dir, 'stream.jpg');
  writeFileSync(path, bytes);
  const job = { path, type: 'jpeg' as const, sha256: createHash('sha256').update(bytes).digest('hex'), maxPixels: 50_000_000 };
  const workers = createImageWorkers({ keys: loadKeyRing(join(dir, 'secrets'), undefined), workers: 1, timeoutMs: 60_000, backgroundMaxWaitMs: 150 });
  try {
    // Keep the intake queue full: each finished check queues another, 60 in all.
    let checksDone = 0;
    let checksWhenCopyDone = -1;
    const stream = async (): Promise<void> => {
      while (checksDone < 60) {
        await workers.run({ op: 'inspect', ...job }, 'intake');
        checksDone += 1;
      }
    };
    const streams = [stream(), stream(), stream()];
    await new Promise((r) => setTimeout(r, 50));
    const copy = workers.run({ op: 'derive', ...job }, 'background').then(() => (checksWhenCopyDone = checksDone));
    await Promise.all([...streams, copy]);
    expect(checksWhenCopyDone).toBeGreaterThanOrEqual(0);
    expect(checksWhenCopyDone).toBeLessThan(60);
  } finally {
    await workers.close();
  }
});

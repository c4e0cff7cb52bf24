// The image workers never make a waiting reporter queue behind copies: checks
// run in a process of their own, copies in another at a lower scheduling
// priority, and copies still go on while checks keep coming. Real worker
// processes, real JPEGs; only the order of completion is asserted.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createImageWorkers, ImageJobFailed } from '../../api/infra/image-workers.ts';
import { loadKeyRing } from '../../api/infra/key-ring.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhifa-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function noiseJpeg(width: number, height: number, name: string): Promise<{ path: string; type: 'jpeg'; sha256: string; maxPixels: number; bytes: Buffer }> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 2654435761) >>> 24;
  const bytes = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, type: 'jpeg', sha256: createHash('sha256').update(bytes).digest('hex'), maxPixels: 60_000_000, bytes };
}

let small: Awaited<ReturnType<typeof noiseJpeg>>;
let large: Awaited<ReturnType<typeof noiseJpeg>>;
beforeAll(async () => {
  small = await noiseJpeg(1600, 1200, 'small.jpg');
  // Its copies take seconds: long enough that a check queued behind them would finish after them.
  large = await noiseJpeg(7000, 7000, 'large.jpg');
});
const job = (p: typeof small) => ({ path: p.path, type: p.type, sha256: p.sha256, maxPixels: p.maxPixels });

/** This process's image worker children, from /proc: pid and nice value. */
function workerProcesses(): { pid: number; nice: number }[] {
  const out: { pid: number; nice: number }[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('image-worker-child')) continue;
      out.push({ pid: Number(pid), nice: Number(fields[16]) });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}
const workerNiceness = () => workerProcesses().map((w) => w.nice).sort((a, b) => a - b);

test('a check sent while a long copy is being made finishes before that copy; the copy process runs at a lower priority', async () => {
  const workers = createImageWorkers({ keys: loadKeyRing(join(dir, 'secrets'), undefined), workers: 1, timeoutMs: 120_000 });
  try {
    const finished: string[] = [];
    const copy = workers.run({ op: 'derive', ...job(large) }, 'background').then(() => finished.push('copy'));
    await new Promise((r) => setTimeout(r, 100));
    const checks = Array.from({ length: 3 }, (_, i) => workers.run({ op: 'inspect', ...job(small) }, 'intake').then(() => finished.push(`check${i}`)));
    await Promise.all([copy, ...checks]);
    expect(finished).toEqual(['check0', 'check1', 'check2', 'copy']);
    expect(workerNiceness()).toEqual([0, 10]);
  } finally {
    await workers.close();
  }
});

test('copies go on while checks keep both cores busy', async () => {
  const workers = createImageWorkers({ keys: loadKeyRing(join(dir, 'secrets'), undefined), workers: 2, timeoutMs: 60_000 });
  try {
    // Keep the checks busy, three at a time, until the copies are made (at most 3,000 checks).
    let checksDone = 0;
    let copiesDone = 0;
    const stream = async (): Promise<void> => {
      while (copiesDone < 2 && checksDone < 3000) {
        await workers.run({ op: 'inspect', ...job(small) }, 'intake');
        checksDone += 1;
      }
    };
    const streams = [stream(), stream(), stream()];
    await new Promise((r) => setTimeout(r, 50));
    const copies = [1, 2].map(() => workers.run({ op: 'derive', ...job(small) }, 'background').then(() => (copiesDone += 1)));
    await Promise.all([...streams, ...copies]);
    expect(copiesDone).toBe(2);
    expect(checksDone).toBeLessThan(3000);
  } finally {
    await workers.close();
  }
});

test('a check that overruns its limit ends its process; a check running beside it in that process is run again and succeeds', async () => {
  // Named pipes: reading one blocks until the test writes to it, so which job is running when is not left to the clock.
  const stuck = join(dir, 'stuck.fifo');
  const innocent = join(dir, 'innocent.fifo');
  execFileSync('mkfifo', [stuck, innocent]);
  let timeouts = 0;
  const workers = createImageWorkers({
    keys: loadKeyRing(join(dir, 'secrets'), undefined),
    workers: 2,
    timeoutMs: 1_500,
    onEvent: (e) => {
      if (e.kind !== 'timeout') return;
      timeouts += 1;
      // The overrun process is being killed; the innocent check will be read again by its replacement.
      setTimeout(() => createWriteStream(innocent).end(small.bytes), 200);
    },
  });
  try {
    // The check process is up and ready first: the two limits must not start at the same moment.
    await workers.run({ op: 'inspect', ...job(small) }, 'intake');
    const overrun = workers.run({ op: 'inspect', ...job(small), path: stuck }, 'intake').then(
      () => 'done',
      (e: unknown) => (e instanceof ImageJobFailed ? e.code : String(e)),
    );
    // Sent later, so that its own limit is still far off when the first one's runs out.
    await new Promise((r) => setTimeout(r, 700));
    const beside = workers.run({ op: 'inspect', ...job(small), path: innocent }, 'intake');
    expect(await overrun).toBe('timeout');
    const result = await beside;
    expect(result).toMatchObject({ op: 'inspect', width: 1600, height: 1200 });
    // Only the first ran into the limit (the second was given a fresh one in the new process).
    expect(timeouts).toBe(1);
  } finally {
    await workers.close();
  }
});

test('a check whose process dies under it (killed, out of memory) is run again once in the replacement, and succeeds', async () => {
  const held = join(dir, 'held.fifo');
  execFileSync('mkfifo', [held]);
  const crashes: string[] = [];
  const workers = createImageWorkers({ keys: loadKeyRing(join(dir, 'secrets'), undefined), workers: 2, timeoutMs: 60_000, onEvent: (e) => crashes.push(e.kind) });
  try {
    await workers.run({ op: 'inspect', ...job(small) }, 'intake');
    const checkProcess = workerProcesses().find((w) => w.nice === 0);
    expect(checkProcess).toBeDefined();
    const check = workers.run({ op: 'inspect', ...job(small), path: held }, 'intake');
    await new Promise((r) => setTimeout(r, 300));
    process.kill(checkProcess?.pid ?? 0, 'SIGKILL');
    // The replacement reads the pipe again; the test writes the photo into it once that process has it open.
    setTimeout(() => createWriteStream(held).end(small.bytes), 500);
    expect(await check).toMatchObject({ op: 'inspect', width: 1600, height: 1200 });
    expect(crashes).toEqual([]);
  } finally {
    await workers.close();
  }
});

// npm run bench:outbox — how fast queued leads reach a loopback SMTP server,
// and how long the queue takes to drain after an outage.
//   1. 1,000 leads with a photo each are filed with the outbox stopped, their
//      copies made; then the outbox sends them all: leads/s, wall time.
//   2. The SMTP server goes down; leads keep coming for BENCH_OUTAGE_S (60 s)
//      while the outbox fails and backs off (default retry settings); the server
//      comes back: time until every queued lead is delivered, none twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import sqlite3 from 'sqlite3';
import { readConfig } from '../api/config.ts';
import { startServer } from '../api/server.ts';
import { startSink } from '../test/api/smtp-sink.ts';
import { describeMachine } from './machine.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const LEADS = Number(process.env.BENCH_LEADS ?? 1000);
const OUTAGE_S = Number(process.env.BENCH_OUTAGE_S ?? 60);

async function query<T>(dataDir: string, sql: string): Promise<T> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    return await new Promise<T>((ok, fail) => db.get(sql, (e: Error | null, row: T) => (e ? fail(e) : ok(row))));
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

async function photo(seed: number): Promise<Buffer> {
  const width = 1200;
  const height = 900;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

async function file(url: string, n: number, bytes: Buffer | undefined): Promise<void> {
  const form = new FormData();
  const fields = { category: 'illegal-occupation', description: `压测线索 ${n}：耕地上有人建房。`, lat: '30.30', lng: '116.50', address: '东湖区湖滨村（示例）' };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (bytes) form.append('photos', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${url}/api/reports`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  if (res.status !== 201) throw new Error(`report ${n} answered ${res.status}: ${await res.text()}`);
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Expected ${what} within ${timeoutMs / 1000} s.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  console.log('# Outbox benchmark');
  console.log(`machine: ${describeMachine()}\n`);
  const photos = await Promise.all([1, 2, 3, 4].map(photo));
  const sink = await startSink(undefined, { parse: false });
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-bench-outbox-'));
    dirs.push(dir);
    return dir;
  };
  const base = { PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: join(repoRoot, 'content'), RATE_LIMIT: 'off', LOG_LEVEL: 'error', SMTP_URL: sink.url, MAIL_FROM: 'zhifa@example.org' };
  try {
    // 1. Throughput: a queue of LEADS leads with photos, sent at once.
    const dataDir = fresh();
    const server = await startServer(readConfig({ ...base, DATA_DIR: dataDir, WORKERS: 'off' }), { site: false });
    const filing = performance.now();
    for (let i = 0; i < LEADS; i += 8) await Promise.all(Array.from({ length: Math.min(8, LEADS - i) }, (_, j) => file(server.url, i + j, photos[(i + j) % photos.length])));
    const filed = (performance.now() - filing) / 1000;
    await until(async () => (await query<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM photos WHERE derived_at IS NULL AND unreadable_at IS NULL')).n === 0, 600_000, 'every copy made');
    const start = performance.now();
    const counts = await server.service.deliver();
    const seconds = (performance.now() - start) / 1000;
    const bytes = sink.raw.reduce((sum, m) => sum + m.length, 0);
    sink.raw.length = 0;
    await server.close();
    console.log(`| run | leads | delivered | seconds | leads/s | MB sent |`);
    console.log(`|---|---|---|---|---|---|`);
    console.log(`| ${LEADS} queued leads, one 1200 × 900 photo each (attached) | ${LEADS} | ${counts.sent} | ${seconds.toFixed(1)} | ${(counts.sent / seconds).toFixed(1)} | ${(bytes / 1e6).toFixed(1)} |`);
    console.log(`(filing them took ${filed.toFixed(1)} s; distinct Message-IDs at the sink: ${new Set(sink.messages.map((m) => m.messageId)).size})\n`);

    // 2. Drain after an outage, with the default retry settings (1 min, doubling, capped at 1 h).
    sink.messages.length = 0;
    sink.raw.length = 0;
    const outageDir = fresh();
    const live = await startServer(readConfig({ ...base, DATA_DIR: outageDir }), { site: false });
    await sink.stop();
    const outageStart = performance.now();
    let filedDuring = 0;
    while (performance.now() - outageStart < OUTAGE_S * 1000) {
      await file(live.url, filedDuring, undefined);
      filedDuring += 1;
      await new Promise((r) => setTimeout(r, 250));
    }
    await sink.start();
    const back = performance.now();
    await until(async () => (await query<{ n: number }>(outageDir, "SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL")).n === 0, 3_600_000, 'the queue drained');
    const drained = (performance.now() - back) / 1000;
    await live.close();
    console.log(`| outage | leads queued during it | delivered after | drain time after the server returned | duplicates |`);
    console.log(`|---|---|---|---|---|`);
    console.log(`| ${OUTAGE_S} s | ${filedDuring} | ${sink.messages.length} | ${drained.toFixed(1)} s | ${sink.messages.length - new Set(sink.messages.map((m) => m.messageId)).size} |`);
    console.log('\nThe drain time is set by the probe (OUTBOX_PROBE_S, 15 s): a deferred message tried early finds the server back, and every waiting one is then sent at once.');
  } finally {
    await sink.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

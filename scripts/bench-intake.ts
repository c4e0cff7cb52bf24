// npm run bench:intake — the report intake under load, on loopback, with a bare
// node:http + sqlite3 insert server measured in the same run as the floor.
// Figures: text-only reports/s and latency (intake vs floor); reports with three
// ~3 MB camera-like JPEGs at 5 concurrent (reqs/s, p95); the server's resident
// memory (its process and its image workers) while 20 clients upload 6 × 8 MB
// photos at once; and the p99 of GET / with and without 4 clients uploading
// photo reports at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import sqlite3 from 'sqlite3';

interface CannonResult {
  requests: { average: number };
  latency: { average: number; p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface CannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Cannon = (options: Record<string, unknown>, done: (error: Error | null, result: CannonResult) => void) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const TEXT_FIELDS = {
  category: 'illegal-occupation',
  description: '村口的基本农田上有人在打地基建房，已经持续一周。',
  lat: '30.30',
  lng: '116.50',
  address: '东湖区湖滨村村口（示例）',
  startedOn: '2026-05',
};

// ---- the floor: the least a server must do to take a report ----
async function runFloor(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'zhifa-floor-'));
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'floor.sqlite'), (e) => (e ? fail(e) : ok(d)));
  });
  // The same durability as the intake's store: WAL, synchronous=FULL.
  await new Promise<void>((ok, fail) =>
    db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, category TEXT, description TEXT, lat REAL, lng REAL, address TEXT, started_on TEXT, received_at TEXT)',
      (e) => (e ? fail(e) : ok()),
    ),
  );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const f = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      db.run(
        'INSERT INTO reports (category, description, lat, lng, address, started_on, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [f.get('category'), f.get('description'), Number(f.get('lat')), Number(f.get('lng')), f.get('address'), f.get('startedOn'), new Date().toISOString()],
        function (this: sqlite3.RunResult, error: Error | null) {
          const body = JSON.stringify(error ? { error: 'failed' } : { id: this.lastID });
          res.writeHead(error ? 500 : 201, { 'content-type': 'application/json' });
          res.end(body);
        },
      );
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`floor serving on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
}

// ---- helpers ----
function spawnAndWait(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serving on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) ok({ child, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function ownRss(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The server's processes: itself and its image workers (children). */
function processesOf(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

/** Resident memory of the server and its image workers together (VmHWM: the sum of each one's high-water mark). */
function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return processesOf(pid).reduce((sum, p) => sum + ownRss(p, field), 0);
}

/** Photos whose display and forwarding copies are not made yet. */
async function pendingCopies(dataDir: string): Promise<number> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    return await new Promise<number>((ok, fail) =>
      db.get('SELECT count(*) AS n FROM photos WHERE derived_at IS NULL AND unreadable_at IS NULL', (e: Error | null, row: { n: number }) => (e ? fail(e) : ok(row.n))),
    );
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function cannon(options: Record<string, unknown>): Promise<CannonResult & { latencies: number[] }> {
  const latencies: number[] = [];
  const result = await new Promise<CannonResult>((ok, fail) => {
    const instance = autocannon({ timeout: 180, ...options }, (error, r) => (error ? fail(error) : ok(r)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return { ...result, latencies };
}

/** A JPEG of random noise: incompressible like a camera's, so its size is what goes over the wire. */
async function noiseJpeg(width: number, height: number, quality: number, seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

function multipartBody(boundary: string, photos: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(TEXT_FIELDS)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  photos.forEach((photo, i) => {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="IMG_${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n'));
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const distDir = resolve(process.env.DIST_DIR ?? join(repoRoot, 'dist'));
  const withSite = existsSync(join(distDir, 'server', 'entry.mjs'));
  const cpu = cpus();
  console.log('# Intake benchmark');
  console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${mb(totalmem())} RAM, Node ${process.version}, ${process.platform}`);
  console.log(`server: node api/server.ts ${withSite ? `with the built site (${distDir})` : 'service only (no build found; SERVE_SITE=off)'}, RATE_LIMIT=off\n`);

  const small = await Promise.all([1, 2, 3].map((seed) => noiseJpeg(2400, 1800, 85, seed)));
  const large = await Promise.all([11, 12, 13, 14, 15, 16].map((seed) => noiseJpeg(4000, 3000, 84, seed)));
  console.log(`photos: 3 × ${mb(small[0]?.length ?? 0)} (2400 × 1800) per report; 6 × ${mb(large[0]?.length ?? 0)} (4000 × 3000) per heavy upload\n`);

  const textBody = new URLSearchParams(TEXT_FIELDS).toString();
  const textOptions = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: textBody, connections: 10, duration: seconds };
  const dataDirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-bench-'));
    dataDirs.push(dir);
    return dir;
  };
  const intakeEnv = (dataDir = freshDir()) => ({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_DIR: join(repoRoot, 'content'), DIST_DIR: distDir, RATE_LIMIT: 'off', ...(withSite ? {} : { SERVE_SITE: 'off' }) });

  try {
    // 1. Text-only: the floor and the intake in turns, three rounds each, so a
    // busy moment of a shared machine falls on both; medians are compared.
    // The intake is measured twice: alone (WORKERS=off: the floor forwards nothing either), and as deployed,
    // with its workers writing each lead's e-mail (an .eml file, fsynced, and a 'sent' event) while reports arrive.
    const floor = await spawnAndWait([fileURLToPath(import.meta.url), '--floor'], { DATA_DIR: freshDir() });
    const alone = await spawnAndWait(['api/server.ts'], { ...intakeEnv(), WORKERS: 'off' });
    const intake = await spawnAndWait(['api/server.ts'], intakeEnv());
    const floorRuns: Awaited<ReturnType<typeof cannon>>[] = [];
    const textRuns: Awaited<ReturnType<typeof cannon>>[] = [];
    const forwardingRuns: Awaited<ReturnType<typeof cannon>>[] = [];
    for (let round = 0; round < 3; round += 1) {
      floorRuns.push(await cannon({ url: `${floor.url}/`, ...textOptions }));
      textRuns.push(await cannon({ url: `${alone.url}/api/reports`, ...textOptions }));
      forwardingRuns.push(await cannon({ url: `${intake.url}/api/reports`, ...textOptions }));
    }
    await stop(floor.child);
    const median = (runs: Awaited<ReturnType<typeof cannon>>[]) => [...runs].sort((a, b) => a.requests.average - b.requests.average)[1] ?? runs[0];
    const floorText = median(floorRuns) as Awaited<ReturnType<typeof cannon>>;
    const text = median(textRuns) as Awaited<ReturnType<typeof cannon>>;
    const forwarding = median(forwardingRuns) as Awaited<ReturnType<typeof cannon>>;

    // 2. Reports with three ~3 MB photos against the same intake.
    const boundary = '----benchBoundary0123456789';
    const photoBody = multipartBody(boundary, small);
    const photoOptions = (url: string) => ({
      url: `${url}/api/reports`,
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' },
      body: photoBody,
      connections: 5,
      duration: Math.max(seconds * 2, 20),
    });
    const photoAlone = await cannon(photoOptions(alone.url));
    await stop(alone.child);
    const photoRun = await cannon(photoOptions(intake.url));
    await stop(intake.child);

    // 3. A fresh intake process: resident memory while 20 clients upload 6 × 8 MB each at once,
    // and until the copies of those 120 photos are made. Once with glibc's default allocator,
    // once with MALLOC_ARENA_MAX=2 (the deployment setting: libvips' threads fragment glibc's arenas).
    const heavyBody = multipartBody(boundary, large);
    const heavyPhase = async (extraEnv: Record<string, string>) => {
      const heavyDir = freshDir();
      const heavy = await spawnAndWait(['api/server.ts'], { ...intakeEnv(heavyDir), ...extraEnv });
      const pid = heavy.child.pid ?? 0;
      const idle = rssOf(pid, 'VmRSS');
      let peak = idle;
      let serverPeak = ownRss(pid, 'VmRSS');
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssOf(pid, 'VmRSS'));
        serverPeak = Math.max(serverPeak, ownRss(pid, 'VmRSS'));
      }, 50);
      const run = await cannon({
        url: `${heavy.url}/api/reports`,
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' },
        body: heavyBody,
        connections: 20,
        amount: 20,
      });
      const answered = peak;
      const deriveStart = performance.now();
      while ((await pendingCopies(heavyDir)) > 0) await new Promise((r) => setTimeout(r, 200));
      const deriveSeconds = (performance.now() - deriveStart) / 1000;
      clearInterval(sampler);
      const hwm = rssOf(pid, 'VmHWM');
      const serverHwm = ownRss(pid, 'VmHWM');
      const workers = processesOf(pid).length - 1;
      await stop(heavy.child);
      return { run, idle, answered, peak, hwm, serverPeak, serverHwm, workers, deriveSeconds };
    };
    const heavyDefault = await heavyPhase({});
    const heavyArena = await heavyPhase({ MALLOC_ARENA_MAX: '2' });
    const heavyRun = heavyDefault.run;

    // 4. The site while photos are worked on: GET / alone, then while 4 clients upload
    // 3 × 3 MB photo reports, one after another, for the same time. Image work runs in
    // its own process; the site's answers should barely notice.
    const pageDir = freshDir();
    const pages = await spawnAndWait(['api/server.ts'], { ...intakeEnv(pageDir), MALLOC_ARENA_MAX: '2' });
    const pagePath = withSite ? '/' : '/api/reports/JB-2222-2222';
    const pageOptions = { url: `${pages.url}${pagePath}`, connections: 1, duration: Math.max(seconds, 10) };
    const quiet = await cannon(pageOptions);
    const uploading = cannon({
      url: `${pages.url}/api/reports`,
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' },
      body: photoBody,
      connections: 4,
      duration: Math.max(seconds, 10) + 2,
    });
    await new Promise((r) => setTimeout(r, 1000));
    const busy = await cannon(pageOptions);
    const uploads = await uploading;
    await stop(pages.child);

    const ratio = text.requests.average / floorText.requests.average;
    const p95 = percentile(photoRun.latencies, 95);
    const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
    console.log('| run | reports/s | p50 | p95 | p99 | 2xx | other | errors |');
    console.log('|---|---|---|---|---|---|---|---|');
    const row = (name: string, r: CannonResult & { latencies: number[] }) =>
      console.log(`| ${name} | ${r.requests.average.toFixed(1)} | ${ms(r.latency.p50)} | ${ms(percentile(r.latencies, 95))} | ${ms(r.latency.p99)} | ${r['2xx']} | ${r.non2xx} | ${r.errors + r.timeouts} |`);
    floorRuns.forEach((r, i) => row(`floor: node:http + sqlite3 insert, text, 10 conns (round ${i + 1})`, r));
    textRuns.forEach((r, i) => row(`intake alone (WORKERS=off), text only, 10 conns (round ${i + 1})`, r));
    forwardingRuns.forEach((r, i) => row(`intake while forwarding each lead (.eml), text only, 10 conns (round ${i + 1})`, r));
    row('intake alone (WORKERS=off; copies still made), 3 × 3 MB JPEG, 5 conns', photoAlone);
    row('intake while forwarding each lead (.eml with attached copies), 3 × 3 MB JPEG, 5 conns', photoRun);
    row('intake, 6 × 8 MB JPEG, 20 at once', heavyRun);
    row('intake, 6 × 8 MB JPEG, 20 at once, MALLOC_ARENA_MAX=2', heavyArena.run);
    row(`GET ${pagePath}, 1 conn, no uploads`, quiet);
    row(`GET ${pagePath}, 1 conn, while 4 clients upload 3 × 3 MB reports`, busy);
    row('  … those uploads', uploads);
    console.log('');
    console.log(`text-only intake / floor (medians of three rounds): ${text.requests.average.toFixed(0)} / ${floorText.requests.average.toFixed(0)} reports/s = ${(ratio * 100).toFixed(0)} % (target ≥ 50 %: ${verdict(ratio >= 0.5)})`);
    console.log(`… while forwarding each lead as it comes: ${forwarding.requests.average.toFixed(0)} reports/s = ${((forwarding.requests.average / floorText.requests.average) * 100).toFixed(0)} % of the floor`);
    const p95Alone = percentile(photoAlone.latencies, 95);
    console.log(`3 × 3 MB photos at 5 concurrent: p95 ${ms(p95Alone)} (target < 1000 ms: ${verdict(p95Alone < 1000)}); while forwarding each lead: p95 ${ms(p95)}`);
    console.log(
      `GET ${pagePath} p99: ${ms(quiet.latency.p99)} alone, ${ms(busy.latency.p99)} while 4 clients upload photo reports ` +
        `(${(busy.latency.p99 / Math.max(quiet.latency.p99, 1)).toFixed(1)}×; p50 ${ms(quiet.latency.p50)} → ${ms(busy.latency.p50)}; ${uploads['2xx']} reports taken meanwhile)`,
    );
    for (const [label, h] of [['glibc default', heavyDefault], ['MALLOC_ARENA_MAX=2', heavyArena]] as const) {
      console.log(
        `server + image worker RSS, 20 × 6 × 8 MB at once (${label}): idle ${mb(h.idle)}, peak until the 20 answers ${mb(h.answered)}, ` +
          `high-water mark until all 120 copies were made ${mb(h.hwm)} (target < 300 MB, set when image work ran in the server: ${verdict(h.hwm < 300 * 1024 * 1024)}); ` +
          `copies done ${h.deriveSeconds.toFixed(1)} s after the last answer; ` +
          `of which the server process alone: peak ${mb(h.serverPeak)}, high-water mark ${mb(h.serverHwm)} (${h.workers} image workers hold the rest)`,
      );
    }
  } finally {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--floor')) await runFloor();
else await main();

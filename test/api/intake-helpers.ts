// Shared by the intake API tests: a real server on port 0 over a temp data
// directory, real images made with sharp, and a look into what was stored.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import sqlite3 from 'sqlite3';
import { readConfig } from '../../api/config.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { loadKeyRing, type KeyRing } from '../../api/infra/key-ring.ts';
import { openBytes } from '../../api/infra/sealed-bytes.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  dataDir: string;
  running: RunningServer;
  /** The service's log lines so far, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/** A retry key as the report form makes one: 128 random bits in hex. */
export function randomKey(): string {
  return randomBytes(16).toString('hex');
}

/** A log destination that keeps what the service writes. */
export function collectLogs(): { destination: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return {
    destination,
    lines: () =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** The service alone (no built site) on a free port with an empty data directory. */
export async function startIntake(env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'zhifa-intake-')), options: { clock?: { now(): Date } } = {}): Promise<TestServer> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CONTENT_DIR: join(repoRoot, 'content'),
    DIST_DIR: join(dataDir, 'no-build'),
    RATE_LIMIT: 'off',
    // The background workers (outbox, deadlines) add events and mail of their own; the tests of them turn them on.
    WORKERS: 'off',
    ...env,
  });
  const log = collectLogs();
  const running = await startServer(config, { site: false, logDestination: log.destination, ...options });
  return {
    url: running.url,
    dataDir,
    running,
    logs: log.lines,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JPEG of random noise (incompressible, like a camera's), optionally with EXIF GPS and capture time. */
export async function makeJpeg(options: { width?: number; height?: number; gps?: { lat: number; lng: number }; quality?: number; seed?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const raw = Buffer.alloc(width * height * 3);
  let x = options.seed ?? 12345;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  let image = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: options.quality ?? 85 });
  if (options.gps) {
    const dms = (v: number) => {
      const d = Math.floor(Math.abs(v));
      const m = Math.floor((Math.abs(v) - d) * 60);
      const s = Math.round(((Math.abs(v) - d) * 60 - m) * 60 * 1000);
      return `${d}/1 ${m}/1 ${s}/1000`;
    };
    image = image.withExif({
      IFD0: { Make: 'DemoCam', Model: 'Field 1' },
      IFD2: { DateTimeOriginal: '2026:05:12 10:30:00' },
      IFD3: { GPSLatitudeRef: options.gps.lat >= 0 ? 'N' : 'S', GPSLatitude: dms(options.gps.lat), GPSLongitudeRef: options.gps.lng >= 0 ? 'E' : 'W', GPSLongitude: dms(options.gps.lng) },
    });
  }
  return image.toBuffer();
}

export async function makePng(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6f4e' } }).png().toBuffer();
}

/** A valid text-only report in 东湖区 (GPS point, WGS-84). */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    category: 'illegal-occupation',
    description: '村口的基本农田上有人在打地基建房，已经持续一周。',
    lat: '30.30',
    lng: '116.50',
    address: '东湖区湖滨村村口（示例）',
    startedOn: '2026-05',
    ...overrides,
  };
}

export function formOf(fields: Record<string, string>, photos: { name: string; bytes: Buffer; type?: string }[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of photos) form.append('photos', new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'image/jpeg' }), p.name);
  return form;
}

export async function postForm(url: string, body: FormData | URLSearchParams, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers; text: string }> {
  const res = await fetch(`${url}/api/reports`, { method: 'POST', body, headers: { accept: 'application/json', ...headers } });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, headers: res.headers, text };
}

/**
 * A request written byte by byte, for bodies fetch would refuse to make; the
 * answer is read even when the server closes the connection before the body is sent.
 */
export function rawRequest(url: string, options: { method?: string; path?: string; headers: Record<string, string | number>; body: Buffer | (() => AsyncIterable<Buffer>) }): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolveAnswer, reject) => {
    const target = new URL(options.path ?? '/api/reports', url);
    const req = request(target, { method: options.method ?? 'POST', headers: options.headers });
    let answered = false;
    // A server that cuts the connection without answering (an idle upload) ends the request here.
    req.on('close', () => {
      if (!answered) reject(new Error('the server closed the connection without an answer'));
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      // An early answer may close the socket while we still write; the answer has been read by then.
      if (!(error as NodeJS.ErrnoException).code?.startsWith('EPIPE') && (error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    if (Buffer.isBuffer(options.body)) {
      req.end(options.body);
    } else {
      void (async () => {
        try {
          for await (const chunk of (options.body as () => AsyncIterable<Buffer>)()) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
          req.end();
        } catch {
          /* the server stopped reading */
        }
      })();
    }
  });
}

/** Builds a multipart body by hand: parts of name, optional filename and type, and bytes. */
export function multipart(boundary: string, parts: { name: string; filename?: string; type?: string; body: Buffer | string }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export interface StoreCounts {
  reports: number;
  photos: number;
  contacts: number;
  events: number;
  outbox: number;
  /** Originals as sent, in originals/. */
  originalFiles: number;
  /** Display and forwarding copies, in photos/. */
  photoFiles: number;
  /** Files left in the temp folder. */
  tempFiles: number;
}

function listFilesDeep(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFilesDeep(path) : [path];
  });
}

export function photoFiles(dataDir: string): string[] {
  return listFilesDeep(join(dataDir, 'photos'));
}

export function originalFiles(dataDir: string): string[] {
  return listFilesDeep(join(dataDir, 'originals'));
}

/** Queries the store's SQLite file directly, read-only. */
export async function queryStore<T>(dataDir: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    return await new Promise<T[]>((ok, fail) => db.all(sql, params, (e: Error | null, rows: T[]) => (e ? fail(e) : ok(rows))));
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

/** Runs one statement against the store's SQLite file (the service stopped, or beside it). */
export async function runSql(dataDir: string, sql: string, params: unknown[] = []): Promise<void> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), (e) => (e ? fail(e) : ok(d)));
  });
  try {
    await new Promise<void>((ok, fail) => db.run(sql, params, (e: Error | null) => (e ? fail(e) : ok())));
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

export async function storeCounts(dataDir: string): Promise<StoreCounts> {
  const count = async (table: string) => (await queryStore<{ n: number }>(dataDir, `SELECT count(*) AS n FROM ${table}`))[0]?.n ?? -1;
  return {
    reports: await count('reports'),
    photos: await count('photos'),
    contacts: await count('report_contacts'),
    events: await count('timeline_events'),
    outbox: await count('outbox'),
    originalFiles: originalFiles(dataDir).length,
    photoFiles: photoFiles(dataDir).length,
    tempFiles: listFilesDeep(join(dataDir, 'tmp')).length,
  };
}

export const EMPTY_STORE: StoreCounts = { reports: 0, photos: 0, contacts: 0, events: 0, outbox: 0, originalFiles: 0, photoFiles: 0, tempFiles: 0 };

/** Temp files are removed just after the answer and copies are made after it; wait for both before counting. */
export async function settledCounts(dataDir: string): Promise<StoreCounts> {
  await copiesMade(dataDir);
  for (let i = 0; i < 50; i += 1) {
    const counts = await storeCounts(dataDir);
    if (counts.tempFiles === 0) return counts;
    await new Promise((r) => setTimeout(r, 50));
  }
  return storeCounts(dataDir);
}

/** The copies are made after the answer; wait until no photo is left to derive. */
export async function copiesMade(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await queryStore<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM photos WHERE derived_at IS NULL AND unreadable_at IS NULL');
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Expected every photo's copies within ${timeoutMs} ms.`);
}

/** The service's key ring in a test data directory (SECRETS_DIR defaults to DATA_DIR/secrets). */
export function keyRingOf(dataDir: string): KeyRing {
  return loadKeyRing(join(dataDir, 'secrets'), undefined);
}

/** An original photo's bytes as sent, opened from its sealed file. */
export function openOriginal(dataDir: string, path: string): Buffer {
  return openBytes(keyRingOf(dataDir), 'photo', readFileSync(path), 'original');
}

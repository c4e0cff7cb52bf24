// The smaller findings of the attack review, one test each.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, makeJpeg, multipart, postForm, rawRequest, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';

const BOUNDARY = 'hardening-boundary-7MA4YWxkTrZu0gW';

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name));
}

describe('what is kept on disk', () => {
  let server: TestServer;
  const secrets = mkdtempSync(join(tmpdir(), 'zhifa-secrets-'));
  const anchorDir = mkdtempSync(join(tmpdir(), 'zhifa-anchor-'));
  beforeAll(async () => {
    server = await startIntake({ SECRETS_DIR: secrets, TIMELINE_ANCHOR_FILE: join(anchorDir, 'timeline.log') });
    await postForm(server.url, formOf(validFields({ phone: '13900001111', contactConsent: 'yes' }), [{ name: 'a.jpg', bytes: await makeJpeg({ gps: { lat: 30.3, lng: 116.5 } }) }]));
    await settledCounts(server.dataDir);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(secrets, { recursive: true, force: true });
    rmSync(anchorDir, { recursive: true, force: true });
  });

  test("every file and folder the service writes — database, WAL, photos, keys, anchor — is its user's alone (no group or other bits)", () => {
    const written = [...filesBelow(server.dataDir), ...filesBelow(secrets), ...filesBelow(anchorDir)];
    expect(written.some((f) => f.endsWith('portal.sqlite-wal'))).toBe(true);
    expect(written.some((f) => f.includes('originals'))).toBe(true);
    for (const path of written) expect(statSync(path).mode & 0o077, path).toBe(0);
  });

  test('with SECRETS_DIR and TIMELINE_ANCHOR_FILE set, DATA_DIR holds no key and no anchor', () => {
    expect(existsSync(join(secrets, 'reporter.key'))).toBe(true);
    expect(filesBelow(server.dataDir).filter((f) => f.endsWith('.key') || f.includes('anchor'))).toEqual([]);
    expect(existsSync(join(anchorDir, 'timeline.log'))).toBe(true);
  });

  test('a key left at DATA_DIR/secrets by an older layout is moved into SECRETS_DIR, and data sealed with it still opens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-legacy-'));
    const outside = mkdtempSync(join(tmpdir(), 'zhifa-secrets-'));
    try {
      const first = await startIntake({}, dataDir);
      const res = await postForm(first.url, formOf(validFields()));
      await first.running.close();
      const moved = await startIntake({ SECRETS_DIR: outside }, dataDir);
      expect(existsSync(join(dataDir, 'secrets', 'reporter.key'))).toBe(false);
      expect(existsSync(join(outside, 'reporter.key'))).toBe(true);
      const tracked = await fetch(`${moved.url}/api/reports/${res.json.trackingCode}`, { headers: { authorization: `Bearer ${res.json.secret}` } });
      expect(tracked.status).toBe(200);
      await moved.stop();
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('requests an attacker crafts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake({ UPLOAD_IDLE_TIMEOUT_S: '1' });
  });
  afterAll(() => server.stop());

  test('a tracking code that is not even valid percent-encoding answers the same 404 as an unknown code', async () => {
    const broken = await fetch(`${server.url}/api/reports/%E0%A4%A`, { headers: { authorization: 'Bearer x' } });
    const unknown = await fetch(`${server.url}/api/reports/JB-2222-2222`, { headers: { authorization: 'Bearer x' } });
    expect(broken.status).toBe(404);
    expect(await broken.json()).toEqual(await unknown.json());
  });

  test('a photo part without a Content-Disposition, or with one that is not form-data with a name, answers 400 and stores nothing', async () => {
    const photo = await makeJpeg({ width: 100, height: 80 });
    const fields = Object.entries(validFields()).map(([name, body]) => ({ name, body }));
    const good = multipart(BOUNDARY, fields);
    for (const header of ['', 'Content-Disposition: attachment; name="photos"; filename="a.jpg"\r\n', 'Content-Disposition: form-data; filename="a.jpg"\r\n', 'Content-Disposition: form-data; name="photos"\r\nContent-Disposition: form-data; name="x"\r\n']) {
      const part = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n${header}Content-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n')]);
      const body = Buffer.concat([good.subarray(0, good.length - `--${BOUNDARY}--\r\n`.length), part, Buffer.from(`--${BOUNDARY}--\r\n`)]);
      const before = await settledCounts(server.dataDir);
      const res = await rawRequest(server.url, { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length, accept: 'application/json' }, body });
      expect(res.status, JSON.stringify(header)).toBe(400);
      expect(JSON.parse(res.text).errors[0].code).toBe('malformed_part');
      expect(await settledCounts(server.dataDir)).toEqual(before);
    }
  });

  test('an upload that keeps moving, however slowly, is never cut; one that stops sending is cut after the idle timeout and stores nothing', async () => {
    const photo = await makeJpeg({ width: 400, height: 300, seed: 3 });
    const body = multipart(BOUNDARY, [...Object.entries(validFields()).map(([name, b]) => ({ name, body: b })), { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', body: photo }]);
    const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length, accept: 'application/json' };
    const chunk = Math.ceil(body.length / 8);
    // 8 pieces, 0.4 s apart: 2.8 s in all, far past the 1 s idle timeout, yet never idle for 1 s.
    const slow = await rawRequest(server.url, {
      headers,
      body: async function* () {
        for (let at = 0; at < body.length; at += chunk) {
          yield body.subarray(at, at + chunk);
          await new Promise((r) => setTimeout(r, 400));
        }
      },
    });
    expect(slow.status).toBe(201);
    expect(server.running.server.requestTimeout).toBe(0);

    const before = await settledCounts(server.dataDir);
    const stalled = await rawRequest(server.url, {
      headers,
      body: async function* () {
        yield body.subarray(0, chunk);
        await new Promise((r) => setTimeout(r, 2_500));
        yield body.subarray(chunk);
      },
    }).catch((error: unknown) => ({ status: 0, text: String(error) }));
    expect(stalled.status).not.toBe(201);
    expect(await settledCounts(server.dataDir)).toEqual(before);
  });
});

describe('rate limits behind a proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake({ RATE_LIMIT: '', RATE_LIMIT_REPORTS_PER_HOUR: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => server.stop());

  test('every address of one IPv6 /64 shares one allowance; another /64 and an IPv4 client have their own', async () => {
    const from = (address: string) => postForm(server.url, formOf(validFields()), { 'x-forwarded-for': `192.0.2.1, ${address}` });
    expect((await from('2001:db8:1:2::1')).status).toBe(201);
    expect((await from('2001:db8:1:2:ffff:ffff:ffff:fffe')).status).toBe(201);
    const third = await from('2001:db8:1:2:abcd::9');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await from('2001:db8:1:3::1')).status).toBe(201);
    expect((await from('203.0.113.5')).status).toBe(201);
    expect(server.logs().filter((l) => l.event === 'rate_limited')).toHaveLength(1);
  });
});

describe('origin policy against the configured public origin', () => {
  let server: TestServer;
  let configured: TestServer;
  beforeAll(async () => {
    server = await startIntake();
    configured = await startIntake({ PUBLIC_URL: 'https://portal.example.org' });
  });
  afterAll(async () => {
    await server.stop();
    await configured.stop();
  });

  test('a foreign Origin is refused even when the Host header is forged to match it', async () => {
    const res = await postForm(server.url, formOf(validFields()), { origin: 'http://evil.example', host: 'evil.example' });
    expect(res.status).toBe(403);
  });

  test('the same host under another scheme or port is another origin', async () => {
    const port = new URL(server.url).port;
    for (const origin of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${Number(port) + 1}`]) {
      expect((await postForm(server.url, formOf(validFields()), { origin })).status, origin).toBe(403);
    }
  });

  test('with PUBLIC_URL set, only its origin may post from a browser; the local names of the port no longer can', async () => {
    expect((await postForm(configured.url, formOf(validFields()), { origin: 'https://portal.example.org' })).status).toBe(201);
    expect((await postForm(configured.url, formOf(validFields()), { origin: 'http://portal.example.org' })).status).toBe(403);
    expect((await postForm(configured.url, formOf(validFields()), { origin: configured.url })).status).toBe(403);
    expect(configured.logs().filter((l) => l.event === 'cross_site_refused')).toHaveLength(2);
  });

  test('a build made for another origin is named in a warning at start; one made for this origin is not', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'zhifa-dist-'));
    try {
      mkdirSync(join(dist, 'server'));
      writeFileSync(join(dist, 'server', 'public-origin.txt'), 'http://localhost:4321\n');
      const other = await startIntake({ PUBLIC_URL: 'https://portal.example.org', DIST_DIR: dist });
      const same = await startIntake({ PUBLIC_URL: 'http://localhost:4321', DIST_DIR: dist });
      await other.stop();
      await same.stop();
      const warned = (t: TestServer) => t.logs().filter((l) => String(l.msg).includes('another origin than PUBLIC_URL'));
      expect(warned(other)).toEqual([expect.objectContaining({ builtFor: 'http://localhost:4321', publicUrl: 'https://portal.example.org' })]);
      expect(warned(same)).toEqual([]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('disk use', () => {
  test('photos that would take the store past PHOTO_STORE_MAX_MB, or the disk below DISK_MIN_FREE_MB, answer 507 before anything is kept; text reports still go in under the cap', async () => {
    const capped = await startIntake({ PHOTO_STORE_MAX_MB: '2' });
    const floor = await startIntake({ DISK_MIN_FREE_MB: String(1024 * 1024 * 1024) });
    try {
      // Between 1 and 2 MB: one fits under the 2 MB cap, two do not.
      const photo = await makeJpeg({ width: 1300, height: 975, quality: 95 });
      expect(photo.length).toBeGreaterThan(1024 * 1024);
      expect(photo.length).toBeLessThan(2 * 1024 * 1024);
      expect((await postForm(capped.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]))).status).toBe(201);
      const over = await postForm(capped.url, formOf(validFields(), [{ name: 'b.jpg', bytes: photo }]));
      expect(over.status).toBe(507);
      expect(over.json.errors[0].code).toBe('storage_full');
      expect((await settledCounts(capped.dataDir)).reports).toBe(1);
      expect((await postForm(capped.url, formOf(validFields()))).status).toBe(201);
      const full = await postForm(floor.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]));
      expect(full.status).toBe(507);
      expect(await settledCounts(floor.dataDir)).toMatchObject({ reports: 0, originalFiles: 0, tempFiles: 0 });
      expect(floor.logs().filter((l) => l.event === 'storage_refused')).toHaveLength(1);
    } finally {
      await capped.stop();
      await floor.stop();
    }
  });
});

describe('the security log', () => {
  test('records refusals by kind with a pseudonym for the client, and never an address, a phone, a name, an e-mail or a secret', async () => {
    const server = await startIntake({ RATE_LIMIT: '', RATE_LIMIT_TRACKING_PER_HOUR: '3' });
    try {
      const ok = await postForm(server.url, formOf(validFields({ name: '王某某测试', phone: '13912345678', email: 'who@example.org', contactConsent: 'yes' })));
      await postForm(server.url, formOf(validFields({ phone: '13912345678' })), { origin: 'https://evil.example' });
      await postForm(server.url, formOf(validFields({ name: '王某某测试' }), [{ name: 'x.jpg', bytes: Buffer.from('GIF89a not a photo at all, really') }]));
      for (let i = 0; i < 4; i += 1) await fetch(`${server.url}/api/reports/${ok.json.trackingCode}`, { headers: { authorization: 'Bearer WRONG-SECRET' } });
      const lines = server.logs();
      const events = lines.map((l) => l.event).filter(Boolean);
      expect(events).toEqual(expect.arrayContaining(['cross_site_refused', 'photo_refused', 'tracking_failed', 'rate_limited']));
      const text = JSON.stringify(lines);
      for (const secret of ['127.0.0.1', '13912345678', '王某某测试', 'who@example.org', ok.json.secret, 'WRONG-SECRET']) expect(text).not.toContain(secret);
      const pseudonyms = new Set(lines.filter((l) => l.kind === 'security' && typeof l.client === 'string').map((l) => l.client));
      expect(pseudonyms.size).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

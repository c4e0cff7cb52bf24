import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_STORE, copiesMade, formOf, keyRingOf, makeJpeg, makePng, openOriginal, originalFiles, photoFiles, postForm, queryStore, randomKey, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';
import { openBytes } from '../../api/infra/sealed-bytes.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const READABLE = '[23456789ABCDEFGHJKMNPQRSTVWXYZ]';

describe('POST /api/reports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake();
  });
  afterAll(() => server.stop());

  test('a report with a GPS-tagged JPEG and a PNG in 东湖区 answers 201, is routed to 东湖区 and stores both photos', async () => {
    const before = await settledCounts(server.dataDir);
    const jpeg = await makeJpeg({ width: 1200, height: 900, gps: { lat: 30.3, lng: 116.5 } });
    const png = await makePng();
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'IMG_0001.jpg', bytes: jpeg }, { name: 'shot.png', bytes: png, type: 'image/png' }]));
    expect(res.status).toBe(201);
    expect(res.json.trackingCode).toMatch(new RegExp(`^JB-${READABLE}{4}-${READABLE}{4}$`));
    expect(res.json.secret.replace(/-/g, '')).toMatch(new RegExp(`^${READABLE}{28}$`));
    expect(res.json).toMatchObject({ status: 'routed', office: { code: '990102', name: '示范市东湖区自然资源局' } });
    expect(res.json.photos).toEqual([{ sha256: sha256(jpeg) }, { sha256: sha256(png) }]);

    const after = await settledCounts(server.dataDir);
    expect(after.reports - before.reports).toBe(1);
    expect(after.photos - before.photos).toBe(2);
    expect(after.events - before.events).toBe(2);
    expect(after.outbox - before.outbox).toBe(1);
    expect(after.contacts - before.contacts).toBe(0);
    expect(after.tempFiles).toBe(0);
    // The originals are on disk before the answer, named by the hash of the bytes as sent, sealed:
    // the file holds neither the bytes nor the EXIF in clear, and opens to exactly what was sent.
    expect(after.originalFiles - before.originalFiles).toBe(2);
    for (const bytes of [jpeg, png]) {
      const original = originalFiles(server.dataDir).find((f) => f.includes(sha256(bytes)));
      expect(original).toBeDefined();
      const stored = readFileSync(original ?? '');
      expect(stored.includes(bytes.subarray(0, 64))).toBe(false);
      expect(stored.includes(Buffer.from('DemoCam'))).toBe(false);
      expect(openOriginal(server.dataDir, original ?? '').equals(bytes)).toBe(true);
    }

    await copiesMade(server.dataDir);
    const rows = await queryStore<{ original_sha256: string; display_sha256: string; forward_sha256: string; exif_lat: number | null; exif_sealed: Buffer | null }>(
      server.dataDir,
      'SELECT p.* FROM photos p JOIN reports r ON r.id = p.report_id WHERE r.tracking_code = ? ORDER BY position',
      [res.json.trackingCode],
    );
    expect(rows.map((r) => r.original_sha256)).toEqual([sha256(jpeg), sha256(png)]);
    // What the EXIF said is kept sealed beside the photo, never in a plain column.
    expect(rows.map((r) => r.exif_lat)).toEqual([null, null]);
    const exif = JSON.parse(openBytes(keyRingOf(server.dataDir), 'photo', rows[0]?.exif_sealed ?? Buffer.alloc(0), `exif:${sha256(jpeg)}`).toString()) as { lat: number; lng: number; takenAt: string };
    expect(exif.lat).toBeCloseTo(30.3, 4);
    expect(exif.lng).toBeCloseTo(116.5, 4);
    expect(exif.takenAt).toBe('2026-05-12T10:30:00');
    expect(rows[1]?.exif_sealed).toBeNull();
    for (const row of rows) {
      for (const hash of [row.display_sha256, row.forward_sha256]) {
        const file = photoFiles(server.dataDir).find((f) => f.endsWith(`${hash}.jpg`));
        expect(file, `copy ${hash} is in the store`).toBeDefined();
        const bytes = readFileSync(file ?? '');
        expect(sha256(bytes)).toBe(hash);
        // The kept copies carry no EXIF: no GPS, no camera.
        expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
        expect((await sharp(bytes).metadata()).exif).toBeUndefined();
      }
    }
    // Nothing is kept under the name the reporter gave.
    expect([...photoFiles(server.dataDir), ...originalFiles(server.dataDir)].some((f) => f.includes('IMG_0001') || f.includes('shot'))).toBe(false);
  });

  test('a report whose photo is rotated by EXIF is stored upright', async () => {
    const wide = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#884422' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'r.jpg', bytes: wide }]));
    expect(res.status).toBe(201);
    await copiesMade(server.dataDir);
    const [row] = await queryStore<{ width: number; height: number }>(server.dataDir, 'SELECT p.width, p.height FROM photos p JOIN reports r ON r.id = p.report_id WHERE r.tracking_code = ?', [res.json.trackingCode]);
    expect(row).toEqual({ width: 200, height: 400 });
  });

  test('a JPEG cut off in transfer (40 % or 5 % of it) answers 422 naming the photo and asking for it again, and stores nothing', async () => {
    const jpeg = await makeJpeg({ width: 800, height: 600, seed: 99 });
    const before = await settledCounts(server.dataDir);
    for (const share of [0.4, 0.05]) {
      const cut = jpeg.subarray(0, Math.floor(jpeg.length * share));
      const res = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: await makePng() , type: 'image/png' }, { name: 'cut.jpg', bytes: cut }]));
      expect(res.status).toBe(422);
      expect(res.json.errors).toEqual([{ field: 'photos', code: 'photo_incomplete', message: expect.stringMatching(/^第 2 张照片：.*不完整.*重新选择/) }]);
    }
    expect(await settledCounts(server.dataDir)).toEqual(before);
    expect(server.logs().filter((l) => l.event === 'photo_refused').map((l) => l.codes)).toContainEqual(['photo_incomplete']);
  });

  test('a retried submission with the same Idempotency-Key answers 201 with the first result and stores one report', async () => {
    const key = randomKey();
    const jpeg = await makeJpeg({ seed: 7 });
    const before = await settledCounts(server.dataDir);
    const first = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: jpeg }]), { 'idempotency-key': key });
    const second = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: jpeg }]), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    const after = await settledCounts(server.dataDir);
    expect(after.reports - before.reports).toBe(1);
    expect(after.photos - before.photos).toBe(1);
    expect(after.tempFiles).toBe(0);
  });

  test('two simultaneous retries with one Idempotency-Key store one report and both get the same answer', async () => {
    const key = randomKey();
    const before = await settledCounts(server.dataDir);
    const [a, b] = await Promise.all([1, 2].map(() => postForm(server.url, formOf(validFields()), { 'idempotency-key': key })));
    expect([a?.status, b?.status]).toEqual([201, 201]);
    expect(a?.json).toEqual(b?.json);
    expect((await settledCounts(server.dataDir)).reports - before.reports).toBe(1);
  });

  test('an Idempotency-Key reused for different content is a new report: nothing tells that the key was used before', async () => {
    const key = randomKey();
    const first = await postForm(server.url, formOf(validFields()), { 'idempotency-key': key });
    const before = await settledCounts(server.dataDir);
    const res = await postForm(server.url, formOf(validFields({ description: '另一处：河道里有人夜间挖砂，有多辆货车。' })), { 'idempotency-key': key });
    expect(res.status).toBe(201);
    expect(res.json.trackingCode).not.toBe(first.json.trackingCode);
    expect(res.json.secret).not.toBe(first.json.secret);
    expect((await settledCounts(server.dataDir)).reports - before.reports).toBe(1);
  });

  test('a report with every field wrong answers 422 listing each field at fault and stores nothing', async () => {
    const before = await settledCounts(server.dataDir);
    const res = await postForm(
      server.url,
      formOf({ category: '', description: '太短', lat: '91', lng: 'abc', startedOn: '2026-13', phone: '12345', email: 'not-an-email', contactConsent: 'yes', journalist: 'yes' }),
    );
    expect(res.status).toBe(422);
    const fields = new Set((res.json.errors as { field: string }[]).map((e) => e.field));
    expect(fields).toEqual(new Set(['category', 'description', 'lat', 'lng', 'startedOn', 'phone', 'email', 'outlet']));
    for (const e of res.json.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await settledCounts(server.dataDir)).toEqual(before);
  });

  test('an out-of-scope category answers 422 with where to go instead, and is not a lead', async () => {
    const before = await settledCounts(server.dataDir);
    const res = await postForm(server.url, formOf(validFields({ category: 'ownership-dispute' })));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'category', code: 'out_of_scope', message: expect.stringContaining('调处') }]);
    expect(await settledCounts(server.dataDir)).toEqual(before);
  });

  test('a point outside the city answers 422 on lat naming 12336, and stores nothing', async () => {
    const before = await settledCounts(server.dataDir);
    const res = await postForm(server.url, formOf(validFields({ lat: '39.9', lng: '116.4' })));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'lat', code: 'outside_area', message: expect.stringContaining('12336') }]);
    expect(await settledCounts(server.dataDir)).toEqual(before);
  });

  test('an address-only report goes to the unrouted queue (待分派) with no office', async () => {
    const res = await postForm(server.url, formOf(validFields({ lat: '', lng: '' })));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'unrouted', statusLabel: '待分派', office: null });
  });

  test('a point in the 东湖 lake (a hole in the county) goes to the unrouted queue', async () => {
    const res = await postForm(server.url, formOf(validFields({ lat: '30.3575', lng: '116.4249' })));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'unrouted', office: null });
  });

  test('a text-only report as application/x-www-form-urlencoded answers 201', async () => {
    const res = await postForm(server.url, new URLSearchParams(validFields({ lat: '30.1', lng: '116.1' })));
    expect(res.status).toBe(201);
    expect(res.json.office.code).toBe('990121');
  });

  test('a filled honeypot answers exactly like an accepted report — routed, its photos listed — but stores nothing', async () => {
    const before = await settledCounts(server.dataDir);
    const photo = await makeJpeg({ seed: 5 });
    const real = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]));
    const afterReal = await settledCounts(server.dataDir);
    const decoy = await postForm(server.url, formOf(validFields({ website: 'http://spam.example' }), [{ name: 'a.jpg', bytes: photo }]));
    expect(decoy.status).toBe(201);
    expect(Object.keys(decoy.json).sort()).toEqual(Object.keys(real.json).sort());
    expect(decoy.json).toMatchObject({ status: 'routed', office: { code: '990102' }, photos: [{ sha256: sha256(photo) }] });
    expect(decoy.json.trackingCode).toMatch(new RegExp(`^JB-${READABLE}{4}-${READABLE}{4}$`));
    expect(decoy.json.secret).toMatch(new RegExp(`^(${READABLE}{4}-){6}${READABLE}{4}$`));
    expect(await settledCounts(server.dataDir)).toEqual({ ...afterReal, photoFiles: afterReal.photoFiles });
    expect(afterReal.reports - before.reports).toBe(1);
    // Invalid content gets the same 422 as a real report would.
    const invalid = await postForm(server.url, formOf(validFields({ website: 'x', category: 'no-such-category' })));
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors[0].code).toBe('unknown_category');
  });

  test("the reporter's contact is stored apart and encrypted: the phone and name appear nowhere in the data files", async () => {
    const before = await settledCounts(server.dataDir);
    const res = await postForm(server.url, formOf(validFields({ name: '王某某测试', phone: '13912345678', email: 'reporter@example.org', contactConsent: 'yes' })));
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.json)).not.toContain('13912345678');
    expect((await settledCounts(server.dataDir)).contacts - before.contacts).toBe(1);
    for (const file of ['portal.sqlite', 'portal.sqlite-wal']) {
      const bytes = readFileSync(join(server.dataDir, file), { flag: 'r' });
      expect(bytes.includes(Buffer.from('13912345678'))).toBe(false);
      expect(bytes.includes(Buffer.from('王某某测试'))).toBe(false);
      expect(bytes.includes(Buffer.from('reporter@example.org'))).toBe(false);
    }
  });

  test('control and bidi-override characters are stripped from stored text', async () => {
    const res = await postForm(server.url, formOf(validFields({ description: '有人\u202E在耕地\u0007上挖砂，\u2066规模很大。' })));
    expect(res.status).toBe(201);
    const [row] = await queryStore<{ description: string }>(server.dataDir, 'SELECT description FROM reports WHERE tracking_code = ?', [res.json.trackingCode]);
    expect(row?.description).toBe('有人在耕地上挖砂，规模很大。');
  });

  test('a secret is stored only as its hash', async () => {
    const res = await postForm(server.url, formOf(validFields()));
    const [row] = await queryStore<{ secret_hash: Buffer }>(server.dataDir, 'SELECT secret_hash FROM reports WHERE tracking_code = ?', [res.json.trackingCode]);
    expect(Buffer.from(row?.secret_hash ?? []).toString('hex')).toBe(sha256(Buffer.from(res.json.secret)));
    const bytes = Buffer.concat([readFileSync(join(server.dataDir, 'portal.sqlite')), readFileSync(join(server.dataDir, 'portal.sqlite-wal'))]);
    expect(bytes.includes(Buffer.from(res.json.secret))).toBe(false);
  });
});

describe('origin policy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake();
  });
  afterAll(() => server.stop());

  test('a browser post from another site (Origin) answers 403 JSON and stores nothing', async () => {
    const res = await postForm(server.url, formOf(validFields()), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json.errors[0].code).toBe('cross_site');
    expect(await settledCounts(server.dataDir)).toEqual(EMPTY_STORE);
  });

  test('a browser post marked Sec-Fetch-Site: cross-site answers 403', async () => {
    const res = await postForm(server.url, formOf(validFields()), { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  test('an opaque Origin (null) answers 403', async () => {
    const res = await postForm(server.url, formOf(validFields()), { origin: 'null' });
    expect(res.status).toBe(403);
  });

  test('a same-origin browser post and a client without Origin are both accepted', async () => {
    const same = await postForm(server.url, formOf(validFields()), { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(201);
    const tool = await postForm(server.url, formOf(validFields()));
    expect(tool.status).toBe(201);
  });

  test('a tracking form posted from another site answers 403', async () => {
    const res = await fetch(`${server.url}/api/reports/track`, { method: 'POST', body: new URLSearchParams({ trackingCode: 'JB-2222-2222', secret: 'x' }), headers: { origin: 'https://evil.example', accept: 'application/json' } });
    expect(res.status).toBe(403);
  });
});

/** A form token as GET /report/ writes one into the form (the test serves a stand-in for the built form). */
async function formToken(server: TestServer): Promise<string> {
  const page = await fetch(`${server.url}/report/`).then((r) => r.text());
  const token = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error(`Expected GET /report/ to carry a form token; got: ${page.slice(0, 200)}`);
  return token;
}

describe('HTML answers for forms posted without JavaScript', () => {
  let server: TestServer;
  const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
  beforeAll(async () => {
    server = await startIntake();
    const form = join(server.dataDir, 'no-build', 'client', 'report');
    mkdirSync(form, { recursive: true });
    writeFileSync(
      join(form, 'index.html'),
      '<!doctype html><html lang="zh-CN"><body><form class="report-form" method="post" action="/api/reports" enctype="multipart/form-data">' +
        '<input type="radio" name="category" id="report-category-illegal-occupation" value="illegal-occupation"/><input type="radio" name="category" id="report-category-farmland-damage" value="farmland-damage"/>' +
        '<textarea id="report-description" name="description"></textarea><input type="text" name="lat" id="report-lat" inputmode="decimal"/><input type="text" name="lng" id="report-lng"/>' +
        '<input type="text" name="name" id="report-name"/><input type="checkbox" name="contactConsent" id="report-contactConsent" value="yes"/><input type="file" name="photos" id="report-photos"/>' +
        '<input type="text" name="website" id="report-website"/><input type="hidden" name="formToken" value/></form></body></html>',
    );
  });
  afterAll(() => server.stop());

  test('without a built template, a 201 page shows the tracking code and secret with the advice to write them down', async () => {
    const res = await postForm(server.url, formOf(validFields()), { accept: browserAccept });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<html lang="zh-CN">');
    const code = /JB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(res.text)?.[0];
    expect(code).toBeDefined();
    expect(res.text).toContain('抄下');
    const [row] = await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports WHERE tracking_code = ?', [code]);
    expect(row?.n).toBe(1);
  });

  test('reloading the answer page (the same form and its token posted again) shows the same receipt and stores one report', async () => {
    const fields = validFields({ description: '重新加载回执页时，浏览器会再次提交同一份表单内容。', formToken: await formToken(server) });
    const photo = await makeJpeg({ seed: 77 });
    const first = await postForm(server.url, formOf(fields, [{ name: 'a.jpg', bytes: photo }]), { accept: browserAccept });
    const again = await postForm(server.url, formOf(fields, [{ name: 'a.jpg', bytes: photo }]), { accept: browserAccept });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const code = /JB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(first.text)?.[0];
    expect(code).toBeDefined();
    expect(/JB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(again.text)?.[0]).toBe(code);
    const [row] = await queryStore<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM reports WHERE description = ?', [fields.description]);
    expect(row?.n).toBe(1);
    const other = await postForm(server.url, formOf({ ...fields, address: '另一处地标（示例）' }), { accept: browserAccept });
    expect(/JB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(other.text)?.[0]).not.toBe(code);
  });

  test("with the site's template, the answer is the template with the marker replaced", async () => {
    const dist = join(server.dataDir, 'no-build', 'client', 'report', 'received');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><body><header>站点页头</header><main><!--report-result--></main></body></html>');
    const res = await postForm(server.url, formOf(validFields()), { accept: browserAccept });
    expect(res.status).toBe(201);
    expect(res.text).toContain('站点页头');
    expect(res.text).not.toContain('<!--report-result-->');
    expect(res.text).toMatch(/JB-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  });

  test('a refused post without a built form answers a 4xx page listing every error, with user text escaped and a link back', async () => {
    const bare = await startIntake();
    try {
      const before = await settledCounts(bare.dataDir);
      const res = await postForm(
        bare.url,
        formOf({ category: 'illegal-occupation', description: '短' }, [{ name: '<img src=x onerror=alert(1)>.jpg', bytes: Buffer.alloc(0) }]),
        { accept: browserAccept },
      );
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(res.text).not.toContain('<img src=x');
      expect(res.text).toContain('href="/report/"');
      expect(await settledCounts(bare.dataDir)).toEqual(before);
    } finally {
      await bare.stop();
    }
  });

  test('a refused post comes back as the form itself: what was typed put back and escaped, each error at its field and in a summary, the photos to choose again, a fresh token', async () => {
    const token = await formToken(server);
    const res = await postForm(
      server.url,
      formOf({ category: 'farmland-damage', description: '<b>短</b>', lat: '91', lng: '116.5', name: '王某某', contactConsent: 'yes', website: '', formToken: token }, [{ name: 'a.jpg', bytes: await makeJpeg({ width: 64, height: 48 }) }]),
      { accept: browserAccept },
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('<textarea id="report-description" name="description" aria-invalid="true" aria-describedby="report-description-server-error">&lt;b&gt;短&lt;/b&gt;</textarea>');
    expect(res.text).not.toContain('<b>短');
    expect(res.text).toMatch(/<input type="radio" name="category" id="report-category-farmland-damage" value="farmland-damage" checked\/?>/);
    expect(res.text).toMatch(/<input type="radio" name="category" id="report-category-illegal-occupation" value="illegal-occupation"\/?>/);
    expect(res.text).toMatch(/name="lat" id="report-lat"[^>]* value="91"/);
    expect(res.text).toMatch(/name="name" id="report-name" value="王某某"/);
    expect(res.text).toMatch(/type="checkbox" name="contactConsent"[^>]* checked/);
    expect(res.text).toContain('<p class="form-error" id="report-description-server-error">');
    expect(res.text).toMatch(/<div class="error-summary" role="alert"[\s\S]*href="#report-description"[\s\S]*href="#report-lat"/);
    expect(res.text).toContain('您选择的 1 张照片没有保存，请重新选择照片');
    const fresh = /name="formToken" value="([^"]+)"/.exec(res.text)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(token);
  });
});

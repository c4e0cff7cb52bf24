import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_STORE, formOf, makeJpeg, multipart, postForm, queryStore, rawRequest, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';

/** A PNG whose header claims width × height but whose data is a few bytes: a decompression bomb's header. */
function pngClaiming(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BOUNDARY = '----zhifaTestBoundary7MA4YWxkTrZu0gW';
const multipartHeaders = (body: Buffer) => ({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length, accept: 'application/json' });
const textParts = (fields: Record<string, string>) => Object.entries(fields).map(([name, body]) => ({ name, body }));

describe('the bad-input corpus: each gets its clear 4xx and nothing is stored', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake();
  });
  afterAll(() => server.stop());
  afterEach(async () => {
    expect(await settledCounts(server.dataDir)).toEqual(EMPTY_STORE);
  });

  const errorsOf = (json: { errors: { field: string; code: string }[] }) => json.errors.map((e) => `${e.field}:${e.code}`);

  test('a multipart body cut off before its closing boundary answers 400', async () => {
    const body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="category"\r\n\r\nillegal-occupation\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\n半截`);
    const res = await rawRequest(server.url, { headers: multipartHeaders(body), body });
    expect(res.status).toBe(400);
    expect(errorsOf(JSON.parse(res.text))).toEqual([':malformed_body']);
  });

  test('a multipart content type without a boundary answers 400', async () => {
    const body = Buffer.from('category=x');
    const res = await rawRequest(server.url, { headers: { 'content-type': 'multipart/form-data', 'content-length': body.length }, body });
    expect(res.status).toBe(400);
  });

  test('a JSON body answers 415 naming the form encodings', async () => {
    const res = await fetch(`${server.url}/api/reports`, { method: 'POST', body: JSON.stringify(validFields()), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(415);
    expect(JSON.stringify(await res.json())).toContain('multipart/form-data');
  });

  test('a zero-byte photo answers 422 on photos', async () => {
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'empty.jpg', bytes: Buffer.alloc(0) }]));
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual(['photos:empty_file']);
  });

  test('a text file renamed photo.jpg answers 415 naming JPEG, PNG and WebP', async () => {
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'photo.jpg', bytes: Buffer.from('this is not a picture at all, only text '.repeat(20)) }]));
    expect(res.status).toBe(415);
    expect(res.json.errors[0]).toMatchObject({ field: 'photos', code: 'unsupported_type' });
    expect(res.json.errors[0].message).toMatch(/JPEG.*PNG.*WebP/);
  });

  test('a GIF and a PDF renamed .jpg answer 415', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 1)]);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'.repeat(4));
    for (const bytes of [gif, pdf]) {
      const res = await postForm(server.url, formOf(validFields(), [{ name: 'x.jpg', bytes }]));
      expect(res.status).toBe(415);
    }
  });

  test('polyglots (JPEG magic bytes before HTML; a GIF that is also JavaScript; a broken WebP) answer 415', async () => {
    const jpegHtml = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(document.cookie)</script></html>'.repeat(10))]);
    const gifJs = Buffer.from('GIF89a/*\x00\x00\x00*/=alert(1)//' + ' '.repeat(64));
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBP'), Buffer.from('<svg onload=alert(1)>'.repeat(5))]);
    for (const bytes of [jpegHtml, gifJs, webp]) {
      const res = await postForm(server.url, formOf(validFields(), [{ name: 'poly.jpg', bytes }]));
      expect(res.status).toBe(415);
    }
  });

  test('a photo over 10 MB answers 413 on photos', async () => {
    const big = Buffer.concat([await makeJpeg(), Buffer.alloc(11 * 1024 * 1024, 7)]);
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'big.jpg', bytes: big }]));
    expect(res.status).toBe(413);
    expect(errorsOf(res.json)).toEqual(['photos:too_large']);
  });

  test('a body declared larger than the limit answers 413 before the body is read', async () => {
    let sent = 0;
    const declared = 200 * 1024 * 1024;
    const res = await rawRequest(server.url, {
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': declared, accept: 'application/json' },
      body: async function* () {
        const chunk = Buffer.alloc(1024 * 1024, 1);
        while (sent < declared) {
          sent += chunk.length;
          yield chunk;
        }
      },
    });
    expect(res.status).toBe(413);
    expect(errorsOf(JSON.parse(res.text))).toEqual([':body_too_large']);
    expect(sent).toBeLessThan(declared);
  });

  test('seven photos answer 413: at most six', async () => {
    const jpeg = await makeJpeg({ width: 64, height: 64 });
    const photos = Array.from({ length: 7 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg }));
    const res = await postForm(server.url, formOf(validFields(), photos));
    expect(res.status).toBe(413);
    expect(errorsOf(res.json)).toEqual(['photos:too_many_photos']);
  });

  test('a decompression bomb (a PNG header claiming 30000 × 30000 pixels) answers 413 without decoding', async () => {
    const rssBefore = process.memoryUsage().rss;
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'bomb.png', bytes: pngClaiming(30000, 30000), type: 'image/png' }]));
    expect(res.status).toBe(413);
    expect(errorsOf(res.json)).toEqual(['photos:too_many_pixels']);
    // 900 million pixels decoded would take gigabytes; the refusal takes next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  test('a real, well-compressed 64-megapixel PNG answers 413', async () => {
    const png = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(png.length).toBeLessThan(2 * 1024 * 1024);
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'flat.png', bytes: png, type: 'image/png' }]));
    expect(res.status).toBe(413);
    expect(res.json.errors[0].code).toBe('too_many_pixels');
  });

  test.each([
    ['NaN', 'Infinity'],
    ['-Infinity', '1e999'],
    ['91', '116.5'],
    ['30.3', '-181'],
    ['0x1E', '116.5'],
  ])('coordinates lat=%s lng=%s answer 422 on the coordinate at fault', async (lat, lng) => {
    const res = await postForm(server.url, formOf(validFields({ lat, lng })));
    expect(res.status).toBe(422);
    const fields = (res.json.errors as { field: string }[]).map((e) => e.field);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f === 'lat' || f === 'lng')).toBe(true);
  });

  test('10,000 fields answer 413 too_many_fields', async () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, body: 'x' }));
    const body = multipart(BOUNDARY, [...textParts(validFields()), ...parts]);
    const res = await rawRequest(server.url, { headers: multipartHeaders(body), body });
    expect(res.status).toBe(413);
    expect(errorsOf(JSON.parse(res.text))).toEqual([':too_many_fields']);
  });

  test('10,000 urlencoded fields answer 413 too', async () => {
    const params = new URLSearchParams(validFields());
    for (let i = 0; i < 10_000; i += 1) params.append(`f${i}`, 'x');
    const res = await postForm(server.url, params);
    expect(res.status).toBe(413);
  });

  test('a description of 20,000 characters answers 413 on description before the rest is read', async () => {
    const res = await postForm(server.url, formOf(validFields({ description: '占'.repeat(20_000) })));
    expect(res.status).toBe(413);
    expect(errorsOf(res.json)).toEqual(['description:field_too_large']);
  });

  test('SQL in the category answers 422 unknown_category and the tables stay whole', async () => {
    const res = await postForm(server.url, formOf(validFields({ category: "illegal-occupation'; DROP TABLE reports; --" })));
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual(['category:unknown_category']);
    expect(await queryStore(server.dataDir, 'SELECT count(*) AS n FROM reports')).toEqual([{ n: 0 }]);
  });

  test('HTML in the category answers 422 as JSON, never as a page', async () => {
    const res = await postForm(server.url, formOf(validFields({ category: '<script>alert(1)</script>' })));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('a path-traversal file name is never used: the photo of an invalid report is not written anywhere', async () => {
    const jpeg = await makeJpeg({ width: 64, height: 64 });
    const res = await postForm(server.url, formOf(validFields({ description: '短' }), [{ name: '../../../../evil-traversal.jpg', bytes: jpeg }]));
    expect(res.status).toBe(422);
    expect(existsSync(resolve(server.dataDir, 'tmp', '../../../../evil-traversal.jpg'))).toBe(false);
    expect(existsSync(join(server.dataDir, 'evil-traversal.jpg'))).toBe(false);
  });

  test('a path-traversal name on a text file answers 415', async () => {
    const res = await postForm(server.url, formOf(validFields(), [{ name: '..\\..\\windows\\win.ini', bytes: Buffer.from('[fonts]\n'.repeat(10)) }]));
    expect(res.status).toBe(415);
  });

  test('a file under another field name answers 400', async () => {
    const form = formOf(validFields());
    form.append('attachment', new Blob([new Uint8Array(await makeJpeg())]), 'a.jpg');
    const res = await postForm(server.url, form);
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)).toEqual(['attachment:unexpected_file']);
  });

  test('a malformed Idempotency-Key answers 422', async () => {
    const res = await postForm(server.url, formOf(validFields()), { 'idempotency-key': 'short' });
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual(['idempotencyKey:invalid_idempotency_key']);
  });

  test('an upload the client abandons half-way stores nothing and leaves no temp file', async () => {
    const jpeg = await makeJpeg({ width: 1600, height: 1200 });
    const body = multipart(BOUNDARY, [...textParts(validFields()), { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', body: jpeg }]);
    await new Promise<void>((done) => {
      void import('node:http').then(({ request }) => {
        const req = request(new URL('/api/reports', server.url), { method: 'POST', headers: multipartHeaders(body) });
        req.on('error', () => done());
        req.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => {
          req.destroy();
          done();
        }, 100));
      });
    });
    await new Promise((r) => setTimeout(r, 200));
  });
});

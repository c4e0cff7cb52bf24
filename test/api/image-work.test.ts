// Image work is bounded: crafted metadata is refused before any image library
// reads it, every job runs in the image worker process under a time limit, and
// the server keeps answering while photos are being worked on.
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copiesMade, formOf, makeJpeg, originalFiles, postForm, queryStore, runSql, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';

/**
 * A small JPEG whose EXIF IFD0 holds `pointers` GPS-IFD pointers, each back to
 * IFD0 itself: libvips spent over 4 s reading the metadata of such a 65 KB file.
 */
async function loopingExifJpeg(pointers = 5400): Promise<Buffer> {
  const base = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const tiff = Buffer.alloc(8 + 2 + pointers * 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(pointers, 8);
  for (let i = 0; i < pointers; i += 1) {
    const at = 10 + i * 12;
    tiff.writeUInt16LE(0x8825, at); // GPS IFD pointer
    tiff.writeUInt16LE(4, at + 2); // LONG
    tiff.writeUInt32LE(1, at + 4);
    tiff.writeUInt32LE(8, at + 8); // … to IFD0
  }
  const body = Buffer.concat([Buffer.from('Exif\0\0'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([base.subarray(0, 2), marker, body, base.subarray(2)]);
}

/**
 * A valid photo that takes the image worker a while to check (about half a
 * second to a second here): a 49-megapixel 16-bit RGBA PNG of 8 MB, which is
 * decoded to its last row (a JPEG's check only walks its markers, see
 * jpeg-completeness.ts).
 */
async function slowPng(size = 7000): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 4);
  let x = 7;
  for (let i = 0; i < raw.length; i += 1) {
    if ((i & 255) === 0) x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = (x >>> 24) ^ (i & 7);
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 4 } }).toColourspace('rgb16').png({ compressionLevel: 6 }).toBuffer();
}

describe('image work', () => {
  let server: TestServer;
  let slow: Buffer;
  let heavy: Buffer;
  beforeAll(async () => {
    server = await startIntake();
    slow = await slowPng();
    heavy = await slowPng(5000);
  });
  afterAll(() => server.stop());

  test('a photo whose EXIF loops 5,400 times back to IFD0 answers 413 metadata_too_large at once, in every one of 4 reports × 6 photos, and stores nothing', async () => {
    const crafted = await loopingExifJpeg();
    expect(crafted.length).toBeLessThan(70_000);
    const before = await settledCounts(server.dataDir);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => postForm(server.url, formOf(validFields(), Array.from({ length: 6 }, (_, i) => ({ name: `x${i}.jpg`, bytes: crafted }))))),
    );
    for (const res of answers) {
      expect(res.status).toBe(413);
      expect(res.json.errors).toHaveLength(6);
      expect(new Set(res.json.errors.map((e: { code: string }) => e.code))).toEqual(new Set(['metadata_too_large']));
      expect(res.json.errors[0].message).toMatch(/^第 1 张照片：.*EXIF/);
    }
    expect(await settledCounts(server.dataDir)).toEqual(before);
    // Smaller loops (under the entry bound) are caught as loops.
    const small = await postForm(server.url, formOf(validFields(), [{ name: 'y.jpg', bytes: await loopingExifJpeg(3) }]));
    expect(small.status).toBe(422);
    expect(small.json.errors[0].code).toBe('metadata_invalid');
  });

  test('while 4 reports of slow photos are being checked, 20 tracking requests one after another are all answered before the first of those reports', async () => {
    const tracked = await postForm(server.url, formOf(validFields()));
    expect(tracked.status).toBe(201);
    const order: string[] = [];
    const uploads = [1, 2, 3, 4].map((n) =>
      postForm(server.url, formOf(validFields({ description: `第 ${n} 份：夜里有挖掘机在耕地上取土。` }), [1, 2].map((i) => ({ name: `s${i}.png`, bytes: heavy, type: 'image/png' })))).then((res) => {
        order.push(`upload ${res.status}`);
        return res;
      }),
    );
    // Once the uploads are in the image worker's queue.
    await new Promise((r) => setTimeout(r, 300));
    let answered = 0;
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${server.url}/api/reports/${tracked.json.trackingCode}`, { headers: { authorization: `Bearer ${tracked.json.secret}` } });
      if (res.status === 200) answered += 1;
      order.push('tracking');
    }
    const results = await Promise.all(uploads);
    expect(answered).toBe(20);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(order.indexOf('upload 201')).toBe(20);
  });

  test('a photo whose check overruns IMAGE_TIMEOUT_MS answers 422 photo_too_slow, the worker is replaced, and the next report goes through', async () => {
    const strict = await startIntake({ IMAGE_TIMEOUT_MS: '400' });
    try {
      const res = await postForm(strict.url, formOf(validFields(), [{ name: 'slow.png', bytes: slow, type: 'image/png' }]));
      expect(res.status).toBe(422);
      expect(res.json.errors).toEqual([{ field: 'photos', code: 'photo_too_slow', message: expect.stringContaining('限定时间') }]);
      expect(strict.logs().filter((l) => l.event === 'image_job_timeout')).toHaveLength(1);
      const next = await postForm(strict.url, formOf(validFields(), [{ name: 'ok.jpg', bytes: await makeJpeg({ width: 64, height: 48 }) }]));
      expect(next.status, JSON.stringify(next.json)).toBe(201);
    } finally {
      await strict.stop();
    }
  });

  test('copies keep being made while uploads keep coming: a flood photo gets its copies before the flood ends', async () => {
    const photo = await makeJpeg({ width: 1600, height: 1200, seed: 11 });
    // The copies of earlier tests' photos first, so that only the flood's are waiting.
    await copiesMade(server.dataDir, 120_000);
    const start = new Date().toISOString();
    const copiedSoFar = async () =>
      (
        await queryStore<{ copied: number }>(
          server.dataDir,
          'SELECT count(*) AS copied FROM photos p JOIN reports r ON r.id = p.report_id WHERE r.received_at >= ? AND p.derived_at IS NOT NULL',
          [start],
        )
      )[0]?.copied ?? 0;
    // Three clients post one report after another until a copy of a flood photo is made, 300 reports at most.
    const CAP = 300;
    let sent = 0;
    let copiedDuringFlood = 0;
    const client = async (n: number) => {
      while (copiedDuringFlood === 0 && sent < CAP) {
        sent += 1;
        const res = await postForm(server.url, formOf(validFields({ description: `洪峰 ${n}-${sent}：耕地上有人堆放建筑垃圾。` }), [{ name: 'f.jpg', bytes: photo }]));
        expect(res.status).toBe(201);
        if (sent % 5 === 0) copiedDuringFlood = await copiedSoFar();
      }
    };
    await Promise.all([1, 2, 3].map(client));
    // Copies run beside the checks, paced while the checks are busy (before, copies waited for a quiet moment: none came).
    expect(copiedDuringFlood).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThan(CAP);
    await copiesMade(server.dataDir);
  });

  test('a photo whose copies cannot be made later (its stored original no longer opens) is marked unreadable, logged, counted and shown to the reporter', async () => {
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: await makeJpeg({ seed: 21 }) }]));
    expect(res.status).toBe(201);
    await copiesMade(server.dataDir);
    await server.running.close();
    // Someone with the disk flips a byte of the sealed original; the copies are to be made again.
    const sha = res.json.photos[0].sha256 as string;
    const file = originalFiles(server.dataDir).find((f) => f.includes(sha)) ?? '';
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    await runSql(server.dataDir, 'UPDATE photos SET derived_at = NULL, display_sha256 = NULL, forward_sha256 = NULL WHERE original_sha256 = ?', [sha]);
    server = await startIntake({}, server.dataDir);
    await copiesMade(server.dataDir);
    const [row] = await queryStore<{ unreadable_reason: string | null }>(server.dataDir, 'SELECT unreadable_reason FROM photos WHERE original_sha256 = ?', [sha]);
    expect(row?.unreadable_reason).toBe('integrity');
    expect(server.logs().filter((l) => l.event === 'photo_unreadable')).toEqual([expect.objectContaining({ reason: 'integrity' })]);
    const tracking = await fetch(`${server.url}/api/reports/${res.json.trackingCode}`, { headers: { authorization: `Bearer ${res.json.secret}` } }).then((r) => r.json());
    expect(tracking.photos).toEqual([{ sha256: sha, state: 'unreadable' }]);
  });
});

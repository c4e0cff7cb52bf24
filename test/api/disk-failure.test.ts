import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formOf, makeJpeg, postForm, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';

describe('when a photo cannot be written', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake();
  });
  afterAll(() => server.stop());

  test('a failed write into the photo store answers a clear 500 and nothing is half-stored', async () => {
    const photos = join(server.dataDir, 'originals');
    // The originals' folder replaced by a plain file: every write under it fails (ENOTDIR), even as root.
    rmSync(photos, { recursive: true, force: true });
    writeFileSync(photos, 'not a folder');
    try {
      const res = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: await makeJpeg() }]));
      expect(res.status).toBe(500);
      expect(res.json.errors).toEqual([{ field: '', code: 'storage_failed', message: expect.stringContaining('未能保存') }]);
      const counts = await settledCounts(server.dataDir);
      expect(counts).toMatchObject({ reports: 0, photos: 0, events: 0, outbox: 0, tempFiles: 0 });
    } finally {
      rmSync(photos, { force: true });
      mkdirSync(photos);
    }
    const after = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: await makeJpeg() }]));
    expect(after.status).toBe(201);
  });
});

/** A 2 MB tmpfs as the data directory, when this machine lets the tests mount one (root on Linux). */
function mountSmallDisk(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const smallDisk = mountSmallDisk();
if (!smallDisk) console.warn('Skipping the full-disk test: mounting a small tmpfs needs root on Linux.');

describe.skipIf(!smallDisk)('when the disk is full', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIntake({ DISK_MIN_FREE_MB: '0' }, smallDisk);
  });
  afterAll(async () => {
    await server.running.close();
    execFileSync('umount', [smallDisk ?? '']);
    rmSync(smallDisk ?? '', { recursive: true, force: true });
  });

  test('an upload larger than the free space answers 507 and nothing is half-stored', async () => {
    const photo = await makeJpeg({ width: 2000, height: 1500, quality: 95 });
    expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await postForm(server.url, formOf(validFields(), [{ name: 'a.jpg', bytes: photo }]));
    expect(res.status).toBe(507);
    expect(res.json.errors[0].code).toBe('storage_full');
    expect(await settledCounts(server.dataDir)).toMatchObject({ reports: 0, photos: 0, events: 0, originalFiles: 0, photoFiles: 0, tempFiles: 0 });
    // Once the upload's temp file is gone there is room again for a text report.
    const text = await postForm(server.url, formOf(validFields()));
    expect(text.status).toBe(201);
  });
});

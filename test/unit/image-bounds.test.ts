import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { checkMetadataBounds, checkTiff } from '../../api/domain/image-bounds.ts';

/** A TIFF block (EXIF) with one IFD of the given entries: [tag, value]. */
function tiff(entries: [number, number][], next = 0): Buffer {
  const block = Buffer.alloc(8 + 2 + entries.length * 12 + 4);
  block.write('MM', 0, 'ascii');
  block.writeUInt16BE(42, 2);
  block.writeUInt32BE(8, 4);
  block.writeUInt16BE(entries.length, 8);
  entries.forEach(([tag, value], i) => {
    const at = 10 + i * 12;
    block.writeUInt16BE(tag, at);
    block.writeUInt16BE(4, at + 2);
    block.writeUInt32BE(1, at + 4);
    block.writeUInt32BE(value, at + 8);
  });
  block.writeUInt32BE(next, 10 + entries.length * 12);
  return block;
}

describe('checkTiff', () => {
  test('a camera-like EXIF (a few entries, no loops) is within bounds', () => {
    expect(checkTiff(tiff([[0x010f, 0], [0x0110, 0]]))).toEqual({ ok: true });
  });

  test('an IFD pointing back to itself, an IFD chain looping, a repeated pointer tag and 1,001 entries are refused', () => {
    expect(checkTiff(tiff([[0x8825, 8]]))).toMatchObject({ ok: false, code: 'metadata_invalid' });
    expect(checkTiff(tiff([[0x010f, 0]], 8))).toMatchObject({ ok: false, code: 'metadata_invalid' });
    expect(checkTiff(tiff([[0x8825, 0], [0x8825, 0]]))).toMatchObject({ ok: false, code: 'metadata_invalid' });
    expect(checkTiff(tiff(Array.from({ length: 1001 }, (_, i) => [0x1000 + i, 0] as [number, number])))).toMatchObject({ ok: false, code: 'metadata_too_large' });
  });
});

describe('checkMetadataBounds', () => {
  test('real JPEG, PNG and WebP files made by sharp, with EXIF, are within bounds', async () => {
    const base = sharp({ create: { width: 32, height: 24, channels: 3, background: '#123456' } }).withExif({ IFD0: { Make: 'Cam', Model: 'One' } });
    expect(checkMetadataBounds(await base.clone().jpeg().toBuffer(), 'jpeg')).toEqual({ ok: true });
    expect(checkMetadataBounds(await base.clone().png().toBuffer(), 'png')).toEqual({ ok: true });
    expect(checkMetadataBounds(await base.clone().webp().toBuffer(), 'webp')).toEqual({ ok: true });
  });

  test('a looping EXIF inside a PNG eXIf chunk and a WebP EXIF chunk is refused as in a JPEG', async () => {
    const looping = tiff([[0x8769, 8]]);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const chunk = Buffer.alloc(12 + looping.length);
    chunk.writeUInt32BE(looping.length, 0);
    chunk.write('eXIf', 4, 'ascii');
    looping.copy(chunk, 8);
    const withExif = Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
    expect(checkMetadataBounds(withExif, 'png')).toMatchObject({ ok: false, code: 'metadata_invalid' });

    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).webp().toBuffer();
    const exifChunk = Buffer.alloc(8 + looping.length + (looping.length % 2));
    exifChunk.write('EXIF', 0, 'ascii');
    exifChunk.writeUInt32LE(looping.length, 4);
    looping.copy(exifChunk, 8);
    const riff = Buffer.concat([webp, exifChunk]);
    riff.writeUInt32LE(riff.length - 8, 4);
    expect(checkMetadataBounds(riff, 'webp')).toMatchObject({ ok: false, code: 'metadata_invalid' });
  });

  test('more than 1 MB of metadata segments is refused', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const comment = Buffer.alloc(4 + 60_000);
    comment[0] = 0xff;
    comment[1] = 0xfe;
    comment.writeUInt16BE(60_002, 2);
    const padded = Buffer.concat([jpeg.subarray(0, 2), ...Array.from({ length: 18 }, () => comment), jpeg.subarray(2)]);
    expect(checkMetadataBounds(padded, 'jpeg')).toMatchObject({ ok: false, code: 'metadata_too_large' });
  });
});

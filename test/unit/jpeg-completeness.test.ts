// A JPEG cut off in transfer is found by walking its markers to the end, as a
// decoder would; real JPEGs from libvips (baseline, progressive, with restart
// intervals) and the decoder itself as the reference.
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { jpegEnd } from '../../api/domain/jpeg-completeness.ts';

function noise(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  let x = 3;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return raw;
}

/** Whether libjpeg (through libvips) finds the data complete: the reference this walk stands in for. */
async function decoderFindsComplete(bytes: Buffer): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: 'truncated' }).resize({ width: 64 }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

describe('jpegEnd', () => {
  const kinds: Record<string, Buffer> = {};
  beforeAll(async () => {
    const raw = noise(640, 480);
    const input = { raw: { width: 640, height: 480, channels: 3 as const } };
    kinds.baseline = await sharp(raw, input).jpeg({ quality: 85 }).toBuffer();
    kinds.progressive = await sharp(raw, input).jpeg({ quality: 85, progressive: true }).toBuffer();
    kinds.withExif = await sharp(raw, input).jpeg({ quality: 70 }).withMetadata({ orientation: 6 }).toBuffer();
    kinds.flat = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
    kinds.grey = await sharp(raw, input).greyscale().jpeg({ quality: 60, mozjpeg: true }).toBuffer();
  });

  test('every whole JPEG reaches its end, also with bytes appended after it (a phone trailer)', () => {
    for (const [kind, bytes] of Object.entries(kinds)) {
      expect(jpegEnd(bytes), kind).toEqual({ complete: true });
      expect(jpegEnd(Buffer.concat([bytes, Buffer.from('ftypmp42 motion photo trailer')])), kind).toEqual({ complete: true });
    }
  });

  test('a JPEG cut anywhere does not, and agrees with the decoder at every cut tried', async () => {
    for (const [kind, bytes] of Object.entries(kinds)) {
      for (const share of [0.002, 0.05, 0.2, 0.4, 0.7, 0.95, 0.999]) {
        const cut = bytes.subarray(0, Math.floor(bytes.length * share));
        const verdict = jpegEnd(cut);
        expect(verdict.complete, `${kind} at ${share}`).toBe(false);
        expect(await decoderFindsComplete(cut), `${kind} at ${share}`).toBe(false);
      }
      // Only the last byte of the EOI missing.
      expect(jpegEnd(bytes.subarray(0, bytes.length - 1)).complete, kind).toBe(false);
    }
  });

  test('restart markers and fill bytes inside and between scans are read as such', () => {
    // A hand-built minimal stream: SOI, SOF0, SOS, data with a stuffed 0xFF00 and a restart marker, fill bytes, EOI.
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00];
    const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56];
    const stream = Buffer.from([0xff, 0xd8, ...sof, ...sos, ...data, 0xff, 0xff, 0xff, 0xd9]);
    expect(jpegEnd(stream)).toEqual({ complete: true });
    expect(jpegEnd(stream.subarray(0, stream.length - 2)).complete).toBe(false);
  });

  test('not a JPEG, or an end before any scan, is not complete', () => {
    expect(jpegEnd(Buffer.from('GIF89a')).complete).toBe(false);
    expect(jpegEnd(Buffer.from([0xff, 0xd8, 0xff, 0xd9])).complete).toBe(false);
    expect(jpegEnd(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01])).complete).toBe(false);
  });
});

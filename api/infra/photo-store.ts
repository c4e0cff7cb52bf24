import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import exifr from 'exifr';
import { ACCEPTED_TYPES_TEXT, SNIFF_BYTES, sniffImageType, type ImageType } from '../domain/sniff-image-type.ts';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import { createSemaphore } from './semaphore.ts';
import { moveIntoPlace, writeSynced } from './durable-write.ts';
import { storageError } from './storage-error.ts';

// Memory, not speed, bounds a small server: libvips' cache is off and a
// handful of photos decode at a time, whatever the number of uploads.
sharp.cache(false);

/** An upload as received: bytes on disk in the temp folder, never under the reporter's file name. */
export interface ReceivedPhoto {
  tempPath: string;
  sha256: string;
  bytes: number;
  type: ImageType;
}

/** A photo checked and converted; its copies wait in the temp folder until `keep`. */
export interface ProcessedPhoto {
  originalSha256: string;
  originalBytes: number;
  originalType: ImageType;
  /** Size after orientation. */
  width: number;
  height: number;
  displaySha256: string;
  forwardSha256: string;
  exifLat: number | undefined;
  exifLng: number | undefined;
  /** Capture time as the camera wrote it (local time, no zone): 2026-05-12T10:30:00. */
  exifTakenAt: string | undefined;
  /** Temp files to move into the store. */
  copies: { sha256: string; tempPath: string }[];
}

export interface PhotoStoreOptions {
  dataDir: string;
  maxBytes: number;
  maxPixels: number;
  /** Photos decoded at once across all requests. */
  concurrency: number;
}

const DISPLAY_EDGE = 1600;
const FORWARD_EDGE = 2560;

/**
 * Photos in DATA_DIR/photos/<2 hex>/<sha256>.jpg, named by the SHA-256 of
 * their bytes. Copies are written and fsynced before the report's transaction
 * commits; a copy left by a failed commit is unreferenced and harmless.
 */
export function createPhotoStore(options: PhotoStoreOptions) {
  const tempDir = join(options.dataDir, 'tmp');
  const photoDir = join(options.dataDir, 'photos');
  const decode = createSemaphore(options.concurrency);
  const tempName = (label: string) => join(tempDir, `${label}-${randomBytes(12).toString('hex')}`);

  function pathOf(sha256: string): string {
    return join(photoDir, sha256.slice(0, 2), `${sha256}.jpg`);
  }

  /** Empties the temp folder: whatever is there belongs to a request a killed process never finished. */
  async function prepare(): Promise<void> {
    await rm(tempDir, { recursive: true, force: true });
    await mkdir(tempDir, { recursive: true });
    await mkdir(photoDir, { recursive: true });
  }

  /**
   * Streams one uploaded file to the temp folder, hashing as it goes. The
   * first bytes decide the type: anything but JPEG, PNG or WebP is refused
   * before the rest is read. `truncated()` tells whether busboy cut the file.
   */
  async function receive(stream: Readable, truncated: () => boolean, field: string): Promise<ReceivedPhoto | undefined> {
    const tempPath = tempName('upload');
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let type: ImageType | undefined;
    let bytes = 0;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        hash.update(chunk);
        if (!type) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
          if (head.length >= SNIFF_BYTES) {
            type = sniffImageType(head);
            if (!type) return done(unsupported(field));
          }
        }
        done(null, chunk);
      },
      flush(done) {
        if (bytes > 0 && !type) type = sniffImageType(head);
        if (bytes > 0 && !type) return done(unsupported(field));
        done();
      },
    });
    try {
      await pipeline(stream, inspect, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      stream.resume();
      await rm(tempPath, { force: true });
      if (error instanceof IntakeError) throw error;
      throw storageError(error);
    }
    if (truncated()) {
      await rm(tempPath, { force: true });
      throw fieldError('too-large', field, 'too_large', `每张照片不能超过 ${Math.floor(options.maxBytes / 1024 / 1024)} MB`);
    }
    if (bytes === 0 || !type) {
      await rm(tempPath, { force: true });
      return undefined;
    }
    return { tempPath, sha256: hash.digest('hex'), bytes, type };
  }

  /** Reads the header only: the pixel count is refused before any decoding. */
  async function inspectHeader(photo: ReceivedPhoto, field: string): Promise<void> {
    let meta: Metadata;
    try {
      meta = await sharp(photo.tempPath, { limitInputPixels: false }).metadata();
    } catch {
      throw notAnImage(field);
    }
    const pixels = (meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1);
    if (pixels > options.maxPixels) {
      throw fieldError('too-large', field, 'too_many_pixels', `照片像素过多（超过 ${Math.round(options.maxPixels / 1e6)} 百万像素），请缩小后再上传`);
    }
    if (meta.format !== photo.type) throw notAnImage(field);
  }

  /** Decodes, reads EXIF, rotates, strips metadata and writes the two copies to temp (fsynced). */
  function process(photo: ReceivedPhoto, field: string): Promise<ProcessedPhoto> {
    return decode(async () => {
      const exif = await readExif(photo.tempPath);
      const copies: ProcessedPhoto['copies'] = [];
      try {
        const source = () => sharp(photo.tempPath, { limitInputPixels: options.maxPixels, failOn: 'error' }).autoOrient();
        const display = await source()
          .resize({ width: DISPLAY_EDGE, height: DISPLAY_EDGE, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 78 })
          .toBuffer({ resolveWithObject: true });
        const forward = await source()
          .resize({ width: FORWARD_EDGE, height: FORWARD_EDGE, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 85 })
          .toBuffer({ resolveWithObject: true });
        for (const copy of [display.data, forward.data]) {
          const sha256 = createHash('sha256').update(copy).digest('hex');
          const tempPath = tempName('copy');
          await writeSynced(tempPath, copy).catch((error: unknown) => {
            throw storageError(error);
          });
          copies.push({ sha256, tempPath });
        }
        const [displayCopy, forwardCopy] = copies as [(typeof copies)[0], (typeof copies)[0]];
        return {
          originalSha256: photo.sha256,
          originalBytes: photo.bytes,
          originalType: photo.type,
          width: forward.info.width,
          height: forward.info.height,
          displaySha256: displayCopy.sha256,
          forwardSha256: forwardCopy.sha256,
          exifLat: exif.lat,
          exifLng: exif.lng,
          exifTakenAt: exif.takenAt,
          copies,
        };
      } catch (error) {
        await Promise.all(copies.map((c) => rm(c.tempPath, { force: true })));
        if (error instanceof IntakeError) throw error;
        if (error instanceof Error && /pixel limit/i.test(error.message)) {
          throw fieldError('too-large', field, 'too_many_pixels', '照片像素过多，请缩小后再上传');
        }
        throw notAnImage(field);
      }
    });
  }

  /** Moves the copies into the content-addressed store (fsynced); call before the database commit. */
  async function keep(photos: readonly ProcessedPhoto[]): Promise<void> {
    try {
      for (const photo of photos) {
        for (const copy of photo.copies) await moveIntoPlace(copy.tempPath, pathOf(copy.sha256));
      }
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Removes temp files of a request, whatever became of it. */
  async function discard(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.map((p) => rm(p, { force: true })));
  }

  return { prepare, receive, inspectHeader, process, keep, discard, pathOf };
}
export type PhotoStore = ReturnType<typeof createPhotoStore>;

function unsupported(field: string): IntakeError {
  return fieldError('unsupported-type', field, 'unsupported_type', `照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）`);
}

function notAnImage(field: string): IntakeError {
  return fieldError('unsupported-type', field, 'not_an_image', `这个文件不是完好的图片；照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）`);
}

async function readExif(path: string): Promise<{ lat: number | undefined; lng: number | undefined; takenAt: string | undefined }> {
  const none = { lat: undefined, lng: undefined, takenAt: undefined };
  try {
    const [gps, times] = await Promise.all([
      exifr.gps(path).catch(() => undefined),
      exifr.parse(path, { pick: ['DateTimeOriginal', 'CreateDate'], reviveValues: false }).catch(() => undefined) as Promise<Record<string, unknown> | undefined>,
    ]);
    const lat = Number(gps?.latitude);
    const lng = Number(gps?.longitude);
    const okPoint = Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    const raw = String(times?.DateTimeOriginal ?? times?.CreateDate ?? '');
    const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw);
    return {
      lat: okPoint ? lat : undefined,
      lng: okPoint ? lng : undefined,
      takenAt: match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}` : undefined,
    };
  } catch {
    return none;
  }
}

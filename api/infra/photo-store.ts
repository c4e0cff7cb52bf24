import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import exifr from 'exifr';
import { ACCEPTED_TYPES_TEXT, SNIFF_BYTES, sniffImageType, type ImageType } from '../domain/sniff-image-type.ts';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import { moveIntoPlace, writeSynced } from './durable-write.ts';
import { storageError } from './storage-error.ts';

// Memory, not speed, bounds a small server: libvips' cache is off.
sharp.cache(false);

/** An upload as received: bytes flushed to disk in the temp folder, never under the reporter's file name. */
export interface ReceivedPhoto {
  tempPath: string;
  sha256: string;
  bytes: number;
  type: ImageType;
}

/** A received photo whose header was read: a sound image within the pixel bound, with what its EXIF says. */
export interface InspectedPhoto extends ReceivedPhoto {
  exifLat: number | undefined;
  exifLng: number | undefined;
  /** Capture time as the camera wrote it (local time, no zone): 2026-05-12T10:30:00. */
  exifTakenAt: string | undefined;
}

/** The copies made from an original: orientation applied, metadata stripped. */
export interface DerivedCopies {
  displaySha256: string;
  forwardSha256: string;
  /** Size of the forwarding copy. */
  width: number;
  height: number;
}

export interface PhotoStoreOptions {
  dataDir: string;
  maxBytes: number;
  maxPixels: number;
}

const DISPLAY_EDGE = 1600;
// 2000 px: a 4032 px phone photo then decodes at half size (JPEG shrink-on-load), halving time and memory.
const FORWARD_EDGE = 2000;
const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/**
 * Two content-addressed folders under DATA_DIR, each file named by the
 * SHA-256 of its bytes: originals/ holds the photos exactly as sent (evidence,
 * EXIF included; never served nor forwarded), written and fsynced before the
 * report's transaction commits; photos/ holds the copies for display and
 * forwarding, made afterwards (see derivePhotos). A file left by a failed
 * commit is unreferenced and harmless.
 */
export function createPhotoStore(options: PhotoStoreOptions) {
  const tempDir = join(options.dataDir, 'tmp');
  const originalDir = join(options.dataDir, 'originals');
  const copyDir = join(options.dataDir, 'photos');
  const tempName = (label: string) => join(tempDir, `${label}-${randomBytes(12).toString('hex')}`);

  const originalPath = (sha256: string, type: ImageType) => join(originalDir, sha256.slice(0, 2), `${sha256}.${EXTENSION[type]}`);
  const copyPath = (sha256: string) => join(copyDir, sha256.slice(0, 2), `${sha256}.jpg`);

  /** Empties the temp folder: whatever is there belongs to a request a killed process never finished. */
  async function prepare(): Promise<void> {
    await rm(tempDir, { recursive: true, force: true });
    for (const dir of [tempDir, originalDir, copyDir]) await mkdir(dir, { recursive: true });
  }

  /**
   * Streams one uploaded file to the temp folder, hashing as it goes. The
   * first bytes decide the type: anything but JPEG, PNG or WebP is refused
   * before the rest is read. `truncated()` tells whether busboy cut the file.
   * Resolves undefined for an empty part (a file input left empty).
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
      // flush: the bytes reach the disk before the file is closed, so a later rename is durable.
      await pipeline(stream, inspect, createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true }));
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

  /**
   * Reads the header and the EXIF only, never the pixels: an image that is not
   * one, or claims more pixels than the bound (a decompression bomb), is
   * refused before anything is decoded.
   */
  async function inspect(photo: ReceivedPhoto, field: string): Promise<InspectedPhoto> {
    let meta: Metadata;
    try {
      meta = await sharp(photo.tempPath, { limitInputPixels: false }).metadata();
    } catch {
      throw notAnImage(field);
    }
    if (meta.format !== photo.type || !meta.width || !meta.height) throw notAnImage(field);
    const pixels = meta.width * meta.height * (meta.pages ?? 1);
    if (pixels > options.maxPixels) {
      throw fieldError('too-large', field, 'too_many_pixels', `照片像素过多（超过 ${Math.round(options.maxPixels / 1e6)} 百万像素），请缩小后再上传`);
    }
    const exif = await readExif(photo.tempPath);
    return { ...photo, exifLat: exif.lat, exifLng: exif.lng, exifTakenAt: exif.takenAt };
  }

  /** Moves the originals into their content-addressed place (fsynced); call before the database commit. */
  async function keepOriginals(photos: readonly ReceivedPhoto[]): Promise<void> {
    try {
      for (const photo of photos) await moveIntoPlace(photo.tempPath, originalPath(photo.sha256, photo.type));
    } catch (error) {
      throw storageError(error);
    }
  }

  /**
   * Decodes an original once (pixel bound enforced again), applies its
   * orientation, and writes the forwarding and display copies, metadata
   * stripped, fsynced. Throws `unreadable` when the pixels cannot be decoded.
   */
  async function derive(sha256: string, type: ImageType): Promise<DerivedCopies> {
    let forward: { data: Buffer; info: OutputInfo };
    let display: { data: Buffer; info: OutputInfo };
    try {
      forward = await sharp(originalPath(sha256, type), { limitInputPixels: options.maxPixels, failOn: 'error' })
        .autoOrient()
        .resize({ width: FORWARD_EDGE, height: FORWARD_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 85 })
        .toBuffer({ resolveWithObject: true });
      display = await sharp(forward.data)
        .resize({ width: DISPLAY_EDGE, height: DISPLAY_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
      throw new UnreadablePhoto(error instanceof Error ? error.message : String(error));
    }
    const hashes: string[] = [];
    for (const copy of [forward.data, display.data]) {
      const copySha = createHash('sha256').update(copy).digest('hex');
      const tempPath = tempName('copy');
      try {
        await writeSynced(tempPath, copy);
        await moveIntoPlace(tempPath, copyPath(copySha));
      } finally {
        await rm(tempPath, { force: true });
      }
      hashes.push(copySha);
    }
    return { forwardSha256: hashes[0] ?? '', displaySha256: hashes[1] ?? '', width: forward.info.width, height: forward.info.height };
  }

  /** Removes temp files of a request, whatever became of it. */
  async function discard(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.map((p) => rm(p, { force: true })));
  }

  return { prepare, receive, inspect, keepOriginals, derive, discard, originalPath, copyPath };
}
export type PhotoStore = ReturnType<typeof createPhotoStore>;

/** The original's pixels cannot be decoded (a corrupt or cut-off file whose header looked sound). */
export class UnreadablePhoto extends Error {}

function unsupported(field: string): IntakeError {
  return fieldError('unsupported-type', field, 'unsupported_type', `照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）`);
}

function notAnImage(field: string): IntakeError {
  return fieldError('unsupported-type', field, 'not_an_image', `这个文件不是完好的图片；照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）`);
}

async function readExif(path: string): Promise<{ lat: number | undefined; lng: number | undefined; takenAt: string | undefined }> {
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
}

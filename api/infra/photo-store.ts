import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ACCEPTED_TYPES_TEXT, SNIFF_BYTES, sniffImageType, type ImageType } from '../domain/sniff-image-type.ts';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import type { DiskReservation } from './disk-guard.ts';
import type { ImageFailureCode } from './image-job.ts';
import { UnreadablePhoto, type DerivedCopies, type ExifReading, type InspectedPhoto, type ReceivedPhoto } from '../domain/photos.ts';
import { ImageJobFailed, type ImageWorkers } from './image-workers.ts';
import type { KeyRing } from './key-ring.ts';
import { openBytes, sealBytes, sealingStream } from './sealed-bytes.ts';
import { coalesceChunks } from './coalesce-chunks.ts';
import { moveIntoPlace, writeSynced } from './durable-write.ts';
import { storageError } from '../domain/storage-error.ts';

export interface PhotoStoreOptions {
  dataDir: string;
  maxBytes: number;
  maxPixels: number;
  keys: KeyRing;
  workers: ImageWorkers;
}

const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
/** Associated data of every sealed original: a sealed contact or EXIF reading moved into its place does not open. */
export const ORIGINAL_AAD = 'original';

/** What a reporter reads when the image worker refuses a photo. */
const REFUSALS: Partial<Record<ImageFailureCode, { kind: IntakeError['kind']; code: string; message: string }>> = {
  not_an_image: { kind: 'unsupported-type', code: 'not_an_image', message: `这个文件不是完好的图片；照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）` },
  too_many_pixels: { kind: 'too-large', code: 'too_many_pixels', message: '' },
  metadata_too_large: { kind: 'too-large', code: 'metadata_too_large', message: '照片附带的拍摄信息（EXIF 等元数据）过大，无法处理；请换一张照片，或截图后再上传' },
  metadata_invalid: { kind: 'invalid', code: 'metadata_invalid', message: '照片附带的拍摄信息（EXIF）结构异常，无法处理；请换一张照片，或截图后再上传' },
  incomplete: { kind: 'invalid', code: 'photo_incomplete', message: '照片不完整（可能没有传完或已损坏），请重新选择这张照片再提交' },
  timeout: { kind: 'invalid', code: 'photo_too_slow', message: '照片无法在限定时间内处理，请换一张照片，或截图后再上传' },
  crashed: { kind: 'invalid', code: 'photo_too_slow', message: '照片无法处理，请换一张照片，或截图后再上传' },
};

/**
 * Two content-addressed folders under DATA_DIR: originals/ holds the photos
 * exactly as sent (the evidence), sealed with AES-256-GCM so the EXIF they
 * carry (GPS, camera serial, owner's name) is unreadable at rest, named by the
 * SHA-256 of the bytes as sent and fsynced before the report's transaction
 * commits; photos/ holds the copies for display and forwarding, metadata
 * stripped, made afterwards (see derivePhotos). All pixel work runs in the
 * image worker processes. A file left by a failed commit is unreferenced and harmless.
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
    for (const dir of [tempDir, originalDir, copyDir]) await mkdir(dir, { recursive: true, mode: 0o700 });
  }

  /**
   * Streams one uploaded file to the temp folder, hashing the bytes as sent
   * and sealing them on the way, so they never reach the disk in clear. The
   * first bytes decide the type: anything but JPEG, PNG or WebP is refused
   * before the rest is read. `truncated()` tells whether busboy cut the file.
   * Resolves undefined for an empty part (a file input left empty).
   */
  async function receive(stream: Readable, truncated: () => boolean, field: string, disk?: DiskReservation): Promise<ReceivedPhoto | undefined> {
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
        if (!disk) return done(null, chunk);
        disk.grow(chunk.length).then(
          () => done(null, chunk),
          (error: unknown) => done(error as Error),
        );
      },
      flush(done) {
        if (bytes > 0 && !type) type = sniffImageType(head);
        if (bytes > 0 && !type) return done(unsupported(field));
        done();
      },
    });
    try {
      // flush: the bytes reach the disk before the file is closed, so a later rename is durable.
      await pipeline(stream, inspect, sealingStream(options.keys, 'photo', ORIGINAL_AAD), coalesceChunks(), createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true }));
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
   * Has the image worker check a received photo before the report is
   * accepted: metadata within bounds, a real image of its type within the
   * pixel bound, pixels that decode to the end; and read its EXIF position
   * and time. Throws the reporter's error when any of it fails.
   */
  async function inspect(photo: ReceivedPhoto, field: string): Promise<InspectedPhoto> {
    try {
      const result = await options.workers.run({ op: 'inspect', path: photo.tempPath, type: photo.type, sha256: photo.sha256, maxPixels: options.maxPixels }, 'intake');
      return { ...photo, exif: result.exif };
    } catch (error) {
      if (!(error instanceof ImageJobFailed)) throw error;
      const refusal = REFUSALS[error.code];
      if (!refusal) throw storageError(error);
      const message =
        refusal.code === 'too_many_pixels' ? `照片像素过多（超过 ${Math.round(options.maxPixels / 1e6)} 百万像素），请缩小后再上传` : refusal.message;
      throw fieldError(refusal.kind, field, refusal.code, message);
    }
  }

  /** Moves the sealed originals into their content-addressed place (fsynced); call before the database commit. */
  async function keepOriginals(photos: readonly ReceivedPhoto[]): Promise<void> {
    try {
      for (const photo of photos) await moveIntoPlace(photo.tempPath, originalPath(photo.sha256, photo.type));
    } catch (error) {
      throw storageError(error);
    }
  }

  /**
   * Has the image worker decode an original (pixel bound enforced again,
   * bytes checked against their hash), apply its orientation and make the
   * forwarding and display copies, metadata stripped; writes them fsynced.
   * Throws UnreadablePhoto when the pixels cannot be made into copies.
   */
  async function derive(sha256: string, type: ImageType): Promise<DerivedCopies> {
    let made: { forward: Uint8Array; display: Uint8Array; width: number; height: number };
    try {
      made = await options.workers.run({ op: 'derive', path: originalPath(sha256, type), type, sha256, maxPixels: options.maxPixels }, 'background');
    } catch (error) {
      if (error instanceof ImageJobFailed && error.code !== 'failed' && error.code !== 'missing') throw new UnreadablePhoto(error.code);
      throw error;
    }
    const hashes: string[] = [];
    for (const copy of [made.forward, made.display]) {
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
    return { forwardSha256: hashes[0] ?? '', displaySha256: hashes[1] ?? '', width: made.width, height: made.height };
  }

  /** The original's bytes as sent (for the office's evidence download). */
  async function readOriginal(sha256: string, type: ImageType): Promise<Buffer> {
    return openBytes(options.keys, 'photo', await readFile(originalPath(sha256, type)), ORIGINAL_AAD);
  }

  /** Seals what the photo's EXIF said (its position may be the reporter's home) for storage beside it. */
  function sealExif(photo: InspectedPhoto): Buffer | null {
    const { lat, lng, takenAt } = photo.exif;
    if (lat === undefined && takenAt === undefined) return null;
    return sealBytes(options.keys, 'photo', Buffer.from(JSON.stringify({ lat, lng, takenAt })), `exif:${photo.sha256}`);
  }

  function openExif(sealed: Uint8Array, sha256: string): ExifReading {
    return JSON.parse(openBytes(options.keys, 'photo', sealed, `exif:${sha256}`).toString('utf8')) as ExifReading;
  }

  /** Removes temp files of a request, whatever became of it. */
  async function discard(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.map((p) => rm(p, { force: true })));
  }

  return { prepare, receive, inspect, keepOriginals, derive, readOriginal, sealExif, openExif, discard, originalPath, copyPath };
}
export type PhotoStore = ReturnType<typeof createPhotoStore>;

function unsupported(field: string): IntakeError {
  return fieldError('unsupported-type', field, 'unsupported_type', `照片只接受 ${ACCEPTED_TYPES_TEXT} 格式（JPEG, PNG, WebP）`);
}

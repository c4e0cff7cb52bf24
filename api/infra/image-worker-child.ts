// The image worker: a child process that does all the service's image work
// (reading headers and EXIF, checking that a photo decodes completely, making
// the copies). Apart from the server on purpose: sharp, sqlite3 and the file
// system share one libuv thread pool per process, so a slow photo here can no
// longer hold up the database or the site, and one that takes too long is
// ended by killing this process (see image-workers.ts).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import exifr from 'exifr';
import { checkMetadataBounds } from '../domain/image-bounds.ts';
import { jpegEnd } from '../domain/jpeg-completeness.ts';
import type { ImageType } from '../domain/sniff-image-type.ts';
import type { KeyRing } from './key-ring.ts';
import { isSealed, openBytes } from './sealed-bytes.ts';
import type { ExifReading, ImageFailureCode, ImageJob, ImageJobResult, WorkerInbox, WorkerMessage } from './image-job.ts';

sharp.cache(false);
sharp.concurrency(1);

const DISPLAY_EDGE = 1600;
// 2000 px: a 4032 px phone photo then decodes at half size (JPEG shrink-on-load), halving time and memory.
const FORWARD_EDGE = 2000;
/** The check decode of PNG and WebP: small, so that it costs little beyond reading the data. */
const CHECK_EDGE = 256;

let keys: KeyRing | undefined;

class JobFailure extends Error {
  readonly code: ImageFailureCode;
  constructor(code: ImageFailureCode, detail: string) {
    super(detail);
    this.code = code;
  }
}

/** The photo's bytes as sent: opened when sealed, and checked against the hash recorded for them. */
async function plainBytes(path: string, sha256: string): Promise<Buffer> {
  const stored = await readFile(path);
  let bytes: Buffer;
  try {
    bytes = isSealed(stored) && keys ? openBytes(keys, 'photo', stored, 'original') : stored;
  } catch (error) {
    throw new JobFailure('integrity', error instanceof Error ? error.message : String(error));
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new JobFailure('integrity', 'the stored bytes do not hash to the recorded SHA-256');
  return bytes;
}

function assertBounds(bytes: Buffer, type: ImageType): void {
  const verdict = checkMetadataBounds(bytes, type);
  if (!verdict.ok) throw new JobFailure(verdict.code, verdict.detail);
}

async function readExif(bytes: Buffer): Promise<ExifReading> {
  const [gps, times] = await Promise.all([
    exifr.gps(bytes).catch(() => undefined),
    exifr.parse(bytes, { pick: ['DateTimeOriginal', 'CreateDate'], reviveValues: false }).catch(() => undefined) as Promise<Record<string, unknown> | undefined>,
  ]);
  const lat = Number(gps?.latitude);
  const lng = Number(gps?.longitude);
  const okPoint = Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  const raw = String(times?.DateTimeOriginal ?? times?.CreateDate ?? '');
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw);
  return {
    ...(okPoint ? { lat, lng } : {}),
    ...(match ? { takenAt: `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}` } : {}),
  };
}

async function inspect(job: Extract<ImageJob, { op: 'inspect' }>): Promise<ImageJobResult> {
  const bytes = await plainBytes(job.path, job.sha256);
  assertBounds(bytes, job.type);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new JobFailure('not_an_image', error instanceof Error ? error.message : String(error));
  }
  if (meta.format !== job.type || !meta.width || !meta.height) throw new JobFailure('not_an_image', `format ${meta.format}`);
  if (meta.width * meta.height * (meta.pages ?? 1) > job.maxPixels) throw new JobFailure('too_many_pixels', `${meta.width}×${meta.height}`);
  // A file cut off in transfer is refused now, not found later. A JPEG's structure is walked to its
  // end marker (all that decoding it would tell, see jpeg-completeness.ts); PNG and WebP, whose
  // decoders also check the data itself, are decoded once at a small size.
  if (job.type === 'jpeg') {
    const end = jpegEnd(bytes);
    if (!end.complete) throw new JobFailure('incomplete', end.detail);
  } else {
    try {
      await sharp(bytes, { limitInputPixels: job.maxPixels, failOn: 'truncated' })
        .resize({ width: CHECK_EDGE, height: CHECK_EDGE, fit: 'inside' })
        .raw()
        .toBuffer();
    } catch (error) {
      throw new JobFailure('incomplete', error instanceof Error ? error.message : String(error));
    }
  }
  return { op: 'inspect', width: meta.width, height: meta.height, exif: await readExif(bytes) };
}

async function derive(job: Extract<ImageJob, { op: 'derive' }>): Promise<ImageJobResult> {
  const bytes = await plainBytes(job.path, job.sha256);
  assertBounds(bytes, job.type);
  try {
    const forward = await sharp(bytes, { limitInputPixels: job.maxPixels, failOn: 'truncated' })
      .autoOrient()
      .resize({ width: FORWARD_EDGE, height: FORWARD_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const display = await sharp(forward.data)
      .resize({ width: DISPLAY_EDGE, height: DISPLAY_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer();
    return { op: 'derive', forward: forward.data, display, width: forward.info.width, height: forward.info.height };
  } catch (error) {
    throw new JobFailure('incomplete', error instanceof Error ? error.message : String(error));
  }
}

async function warmUp(): Promise<void> {
  const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  await sharp(tiny).metadata();
  await sharp(tiny, { failOn: 'truncated' }).resize({ width: 4 }).raw().toBuffer();
  await readExif(tiny);
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

process.on('message', (message: WorkerInbox) => {
  if (message.type === 'init') {
    // Only the photo keys: this process never sees the keys for contacts, secrets or the timeline.
    const byId = new Map(message.photoKeys.map((k) => [k.id, Buffer.from(k.key, 'hex')]));
    const [first] = message.photoKeys;
    if (first) {
      const ringKey = (id: string) => ({ id, key: () => byId.get(id) ?? Buffer.alloc(32) });
      keys = { current: ringKey(first.id), byId: (id) => (byId.has(id) ? ringKey(id) : undefined), all: () => [...byId.keys()].map(ringKey), dir: undefined };
    }
    // Warm up before saying ready: the first job's time limit then counts the job, not libvips' and exifr's first use.
    void warmUp().finally(() => send({ type: 'ready' }));
    return;
  }
  const { id, job } = message;
  // The CPU this process used for the job (exact for copies, which run one at a time): the server paces copies by it.
  const started = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(started);
    return Math.round((used.user + used.system) / 1000);
  };
  const work = job.op === 'inspect' ? inspect(job) : derive(job);
  work.then(
    (result) => send({ type: 'done', id, result, cpuMs: cpuMs() }),
    (error: unknown) =>
      send({
        type: 'failed',
        id,
        cpuMs: cpuMs(),
        code: error instanceof JobFailure ? error.code : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'failed',
        detail: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300),
      }),
  );
});

// The server going away takes this process with it.
process.on('disconnect', () => process.exit(0));

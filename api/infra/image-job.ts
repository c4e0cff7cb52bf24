import type { ImageType } from '../domain/sniff-image-type.ts';

// The messages between the server and its image worker (image-worker-child.ts).

import type { ExifReading } from '../domain/photos.ts';
export type { ExifReading };

/** A job for the image worker. `path` holds the photo, sealed or not; `sha256` is that of the bytes as sent. */
export type ImageJob =
  | { op: 'inspect'; path: string; type: ImageType; sha256: string; maxPixels: number }
  | { op: 'derive'; path: string; type: ImageType; sha256: string; maxPixels: number };

export type ImageJobResult =
  | { op: 'inspect'; width: number; height: number; exif: ExifReading }
  | { op: 'derive'; forward: Uint8Array; display: Uint8Array; width: number; height: number };

/** Why a photo was refused or could not be worked on. */
export type ImageFailureCode =
  /** Not an image of the type its bytes announce. */
  | 'not_an_image'
  | 'too_many_pixels'
  | 'metadata_too_large'
  | 'metadata_invalid'
  /** The pixels do not decode to the end (cut off, corrupt). */
  | 'incomplete'
  /** The stored bytes do not open or do not hash to the recorded evidence. */
  | 'integrity'
  /** The job took longer than the time limit; the worker was ended. */
  | 'timeout'
  /** The worker died (out of memory…) while on the job. */
  | 'crashed'
  | 'missing'
  | 'failed';

export type WorkerInbox = { type: 'init'; photoKeys: { id: string; key: string }[] } | { type: 'job'; id: number; job: ImageJob };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: ImageJobResult; cpuMs?: number }
  | { type: 'failed'; id: number; code: ImageFailureCode; detail: string; cpuMs?: number };

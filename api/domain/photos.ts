import type { ImageType } from './sniff-image-type.ts';

/** What a camera's EXIF said: where (WGS-84) and when (local time, no zone). */
export interface ExifReading {
  lat?: number;
  lng?: number;
  takenAt?: string;
}

/** An upload as received: sealed and flushed to disk in the temp folder, never under the reporter's file name. */
export interface ReceivedPhoto {
  tempPath: string;
  /** SHA-256 of the bytes exactly as sent: the evidence, and the original's name in the store. */
  sha256: string;
  bytes: number;
  type: ImageType;
}

/** A received photo that decodes completely within the bounds, with what its EXIF says. */
export interface InspectedPhoto extends ReceivedPhoto {
  exif: ExifReading;
}

/** The copies made from an original: orientation applied, metadata stripped. */
export interface DerivedCopies {
  displaySha256: string;
  forwardSha256: string;
  /** Size of the forwarding copy. */
  width: number;
  height: number;
}

/** The original's pixels cannot be made into copies (corrupt, too slow, or its stored bytes no longer match). */
export class UnreadablePhoto extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`photo unreadable: ${reason}`);
    this.reason = reason;
  }
}


import type { ImageType } from './sniff-image-type.ts';

// Image libraries walk a photo's metadata before its pixels, and a crafted
// EXIF block (thousands of IFD pointers looping back to IFD0) kept libvips
// busy for seconds on a 113 KB file. Before any library sees a photo, its
// container is walked here, with bounds no camera comes near: a phone's EXIF
// has 4–6 IFDs of at most a few hundred entries, in one APP1 of under 64 KB.

export const METADATA_BOUNDS = {
  /** All metadata segments or chunks together (EXIF, XMP, ICC, comments…). */
  metadataBytes: 1024 * 1024,
  /** IFDs reachable in one EXIF block (IFD0, IFD1, Exif, GPS, Interop, a few more). */
  ifds: 16,
  /** Entries in one IFD. */
  entriesPerIfd: 1000,
  /** Metadata segments or chunks, pixels and frames aside. */
  segments: 64,
} as const;

/**
 * `not_an_image`: the container itself is broken (not a photo of its type);
 * `metadata_invalid`: a sound container whose EXIF is malformed (loops, repeats);
 * `metadata_too_large`: beyond the bounds.
 */
export type BoundsCode = 'not_an_image' | 'metadata_too_large' | 'metadata_invalid';
export type BoundsVerdict = { ok: true } | { ok: false; code: BoundsCode; detail: string };

const fail = (code: BoundsCode, detail: string): BoundsVerdict => ({ ok: false, code, detail });
const OK: BoundsVerdict = { ok: true };

/** Tags whose value is the offset of another IFD (TIFF 6.0, EXIF 2.32). */
const POINTER_TAGS = new Set([0x8769, 0x8825, 0xa005, 0x014a]);

/** Walks the IFDs of a TIFF structure (an EXIF block) without following a pointer twice. */
export function checkTiff(tiff: Uint8Array): BoundsVerdict {
  if (tiff.length < 8) return fail('metadata_invalid', 'EXIF block shorter than its header');
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return fail('metadata_invalid', 'EXIF byte order is neither II nor MM');
  const little = order === 'II';
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  if (u16(2) !== 42) return fail('metadata_invalid', 'EXIF header lacks the TIFF magic number');

  const visited = new Set<number>();
  const queue = [u32(4)];
  while (queue.length > 0) {
    const offset = queue.shift() ?? 0;
    if (offset === 0) continue;
    if (visited.has(offset)) return fail('metadata_invalid', `EXIF IFD at ${offset} is reached twice (a loop)`);
    visited.add(offset);
    if (visited.size > METADATA_BOUNDS.ifds) return fail('metadata_too_large', `EXIF has more than ${METADATA_BOUNDS.ifds} IFDs`);
    if (offset + 2 > tiff.length) return fail('metadata_invalid', `EXIF IFD offset ${offset} lies outside the block`);
    const entries = u16(offset);
    if (entries > METADATA_BOUNDS.entriesPerIfd) return fail('metadata_too_large', `an EXIF IFD has ${entries} entries (at most ${METADATA_BOUNDS.entriesPerIfd})`);
    const end = offset + 2 + entries * 12;
    if (end + 4 > tiff.length) return fail('metadata_invalid', 'an EXIF IFD runs past the end of the block');
    const pointersSeen = new Set<number>();
    for (let i = 0; i < entries; i += 1) {
      const at = offset + 2 + i * 12;
      const tag = u16(at);
      if (!POINTER_TAGS.has(tag)) continue;
      if (pointersSeen.has(tag)) return fail('metadata_invalid', `an EXIF IFD repeats the pointer tag 0x${tag.toString(16)}`);
      pointersSeen.add(tag);
      queue.push(u32(at + 8));
    }
    queue.push(u32(end));
  }
  return OK;
}

function checkJpeg(bytes: Uint8Array): BoundsVerdict {
  let at = 2;
  let metadata = 0;
  let segments = 0;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return fail('not_an_image', `JPEG marker expected at byte ${at}`);
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return OK; // start of scan (pixels follow) or end of image
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.length) return fail('not_an_image', `JPEG segment 0x${marker.toString(16)} overruns the file`);
    const isMetadata = (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
    if (isMetadata) {
      segments += 1;
      metadata += length;
      if (segments > METADATA_BOUNDS.segments) return fail('metadata_too_large', `JPEG has more than ${METADATA_BOUNDS.segments} metadata segments`);
      if (metadata > METADATA_BOUNDS.metadataBytes) return fail('metadata_too_large', 'JPEG metadata exceeds 1 MB');
      const body = bytes.subarray(at + 4, at + 2 + length);
      if (marker === 0xe1 && body.length >= 6 && String.fromCharCode(...body.subarray(0, 6)) === 'Exif\0\0') {
        const verdict = checkTiff(body.subarray(6));
        if (!verdict.ok) return verdict;
      }
    }
    at += 2 + length;
  }
  return fail('not_an_image', 'JPEG ends before its image data');
}

function checkPng(bytes: Uint8Array): BoundsVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let metadata = 0;
  let segments = 0;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return fail('not_an_image', `PNG chunk ${type} overruns the file`);
    if (type === 'IEND') return OK;
    if (type !== 'IDAT' && type !== 'fdAT') {
      segments += 1;
      metadata += length;
      if (segments > METADATA_BOUNDS.segments) return fail('metadata_too_large', `PNG has more than ${METADATA_BOUNDS.segments} chunks besides image data`);
      if (metadata > METADATA_BOUNDS.metadataBytes) return fail('metadata_too_large', 'PNG metadata exceeds 1 MB');
      if (type === 'eXIf') {
        const verdict = checkTiff(bytes.subarray(at + 8, at + 8 + length));
        if (!verdict.ok) return verdict;
      }
    }
    at += 12 + length;
  }
  return fail('not_an_image', 'PNG ends without its IEND chunk');
}

function checkWebp(bytes: Uint8Array): BoundsVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  let metadata = 0;
  let segments = 0;
  while (at + 8 <= bytes.length) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4, true);
    if (at + 8 + length > bytes.length) return fail('not_an_image', `WebP chunk ${type} overruns the file`);
    if (type === 'EXIF' || type === 'XMP ' || type === 'ICCP') {
      segments += 1;
      metadata += length;
      if (segments > METADATA_BOUNDS.segments) return fail('metadata_too_large', `WebP has more than ${METADATA_BOUNDS.segments} metadata chunks`);
      if (metadata > METADATA_BOUNDS.metadataBytes) return fail('metadata_too_large', 'WebP metadata exceeds 1 MB');
      if (type === 'EXIF') {
        const body = bytes.subarray(at + 8, at + 8 + length);
        // Some writers keep JPEG's "Exif\0\0" prefix inside the chunk.
        const tiff = body.length >= 6 && String.fromCharCode(...body.subarray(0, 6)) === 'Exif\0\0' ? body.subarray(6) : body;
        const verdict = checkTiff(tiff);
        if (!verdict.ok) return verdict;
      }
    }
    at += 8 + length + (length % 2);
  }
  return OK;
}

/**
 * Walks the container of a photo (JPEG segments, PNG chunks, WebP chunks) and
 * the IFDs of its EXIF, answering whether they stay within METADATA_BOUNDS.
 * Reads structure only, never pixels; linear in the file's size.
 */
export function checkMetadataBounds(bytes: Uint8Array, type: ImageType): BoundsVerdict {
  switch (type) {
    case 'jpeg':
      return checkJpeg(bytes);
    case 'png':
      return checkPng(bytes);
    case 'webp':
      return checkWebp(bytes);
  }
}

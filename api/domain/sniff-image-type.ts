/** The photo types the service accepts, by what their bytes say (never by name or header). */
export type ImageType = 'jpeg' | 'png' | 'webp';

/** Bytes needed to tell the accepted types apart. */
export const SNIFF_BYTES = 12;

export const ACCEPTED_TYPES_TEXT = 'JPEG、PNG 或 WebP';

/** The type the leading bytes announce, or undefined when none of the accepted ones. */
export function sniffImageType(head: Uint8Array): ImageType | undefined {
  const at = (i: number) => head[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => at(i) === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

import type { DraftPhoto } from './report-form-model.ts';
import { round6, type LatLng } from './parse-coordinates.ts';

// Photos are re-encoded in the browser before upload: a phone's 4000 px
// JPEGs shrink about tenfold, and re-encoding drops the EXIF block, so the
// reporter's position travels only if they accept it as the report's location.

/** The long side of an uploaded photo; enough to read a sign or a licence plate. */
export const MAX_LONG_SIDE = 2048;
const JPEG_QUALITY = 0.85;

export interface PreparedPhoto {
  photo: DraftPhoto;
  /** Where the photo was taken (WGS-84), if the camera wrote it. */
  gps?: LatLng;
}

/**
 * The photo ready to upload, or undefined when the browser cannot decode it:
 * the server would refuse it too (JPEG, PNG, WebP only), so it is not sent.
 */
export async function preparePhoto(file: File, id: string): Promise<PreparedPhoto | undefined> {
  const blob = await downscale(file);
  if (!blob) return undefined;
  const gps = await readGps(file);
  const photo: DraftPhoto = { id, name: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, blob };
  return { photo, ...(gps ? { gps } : {}) };
}

async function readGps(file: File): Promise<LatLng | undefined> {
  try {
    const { gps } = await import('exifr/dist/mini.esm.mjs');
    const found = await gps(file);
    if (!found || !Number.isFinite(found.latitude) || !Number.isFinite(found.longitude)) return undefined;
    if (found.latitude === 0 && found.longitude === 0) return undefined;
    return { lat: round6(found.latitude), lng: round6(found.longitude) };
  } catch {
    return undefined;
  }
}

async function downscale(file: File): Promise<Blob | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  const scale = Math.min(1, MAX_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return undefined;
  }
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? undefined), 'image/jpeg', JPEG_QUALITY));
}

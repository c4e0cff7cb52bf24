import { createHash } from 'node:crypto';

/** The parts of a report that never change once it is received. */
export interface ReportContent {
  trackingCode: string;
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  startedOn: string | null;
  receivedAt: string;
  /** SHA-256 of each photo as sent, in order. */
  photos: readonly string[];
  /** SHA-256 of the sealed contact (IV, tag, ciphertext), or null when the reporter left none. */
  contact: string | null;
}

/**
 * The digest a report's `received` event binds: change a word of the
 * description, a photo row or remove the sealed contact, and the digest no
 * longer matches the one in the authenticated timeline.
 */
export function reportDigest(content: ReportContent): string {
  const canonical = JSON.stringify([
    1,
    content.trackingCode,
    content.category,
    content.description,
    content.lat,
    content.lng,
    content.address,
    content.startedOn,
    content.receivedAt,
    content.photos,
    content.contact,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The digest of a sealed contact as stored. */
export function contactDigest(sealed: { iv: Uint8Array; tag: Uint8Array; ciphertext: Uint8Array } | undefined): string | null {
  if (!sealed) return null;
  return createHash('sha256').update(sealed.iv).update(sealed.tag).update(sealed.ciphertext).digest('hex');
}

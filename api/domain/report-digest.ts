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
  /**
   * Whether the reporter left a contact. Its ciphertext is not bound: AES-GCM
   * with the tracking code as associated data already tells a changed or moved
   * one (the verifier opens each), and re-sealing under a new key must not break
   * the record. A removed one is told by this flag.
   */
  contact: boolean;
  /** What an Open311 client sent besides the report (its key, media link and answers), when one filed it. */
  channel?: { apiKeyId: number; mediaUrl: string | null; attributes: Readonly<Record<string, string | string[]>> } | undefined;
}

/**
 * The digest a report's `received` event binds: change a word of the
 * description, a photo row, or remove the sealed contact, and the digest no
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
    // Only when there is one, so the digests of reports filed without a channel stay what they were.
    ...(content.channel ? [[content.channel.apiKeyId, content.channel.mediaUrl, content.channel.attributes]] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

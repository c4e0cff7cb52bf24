import { createHash } from 'node:crypto';

/** The hash before the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event commits to: everything but its own hash. */
export interface ChainedEvent {
  reportId: number;
  type: string;
  /** JSON text of the event's data, exactly as stored. */
  data: string;
  /** ISO-8601 time of the event. */
  at: string;
  prevHash: string;
}

/**
 * SHA-256 over the previous hash and the event's fields (length-prefixed, so no
 * two different events can serialise alike). Changing, removing or reordering
 * any stored event breaks every hash after it (执法全过程记录: tamper-evident).
 */
export function hashEvent(event: ChainedEvent): string {
  const hash = createHash('sha256');
  for (const part of [event.prevHash, String(event.reportId), event.type, event.data, event.at]) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Checks a chain in order; returns the index of the first broken event, or -1 when intact. */
export function findBrokenLink(events: readonly (ChainedEvent & { hash: string })[]): number {
  let prev = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.prevHash !== prev || hashEvent(event) !== event.hash) return i;
    prev = event.hash;
  }
  return -1;
}

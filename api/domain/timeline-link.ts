import { createHash, createHmac } from 'node:crypto';

// The timeline (执法全过程记录) is one chain over every event of every report:
// each event carries a link computed over the link before it and its own
// fields. Since version 3 of the store the link is an HMAC under a key kept
// outside the database, so an event cannot be rewritten, nor the chain after
// it recomputed, by someone who has only the database; earlier links were
// plain SHA-256 and are still checked as such.

/** The link before the first event of the chain. */
export const GENESIS_LINK = '0'.repeat(64);

/** What an event commits to: everything but its own link. */
export interface ChainedEvent {
  reportId: number;
  type: string;
  /** JSON text of the event's data, exactly as stored. */
  data: string;
  /** ISO-8601 time of the event. */
  at: string;
  prevHash: string;
}

/** A stored event: its link (`hash`) and the id of the key that made it (null for a plain SHA-256 link). */
export interface StoredLink extends ChainedEvent {
  id: number;
  hash: string;
  keyId: string | null;
}

function feed(update: (part: string) => void, event: ChainedEvent): void {
  // Length-prefixed, so no two different events serialise alike.
  for (const part of [event.prevHash, String(event.reportId), event.type, event.data, event.at]) {
    update(`${Buffer.byteLength(part)}:`);
    update(part);
  }
}

/** The authenticated link of an event. */
export function linkEvent(key: Buffer, event: ChainedEvent): string {
  const mac = createHmac('sha256', key);
  feed((part) => mac.update(part), event);
  return mac.digest('hex');
}

/** The plain link events carried before version 3 of the store. */
export function legacyLink(event: ChainedEvent): string {
  const hash = createHash('sha256');
  feed((part) => hash.update(part), event);
  return hash.digest('hex');
}

export type ChainFault =
  | { kind: 'link'; index: number; eventId: number; reason: string }
  | { kind: 'order'; index: number; eventId: number; reason: string };

/**
 * Checks a chain in order. Plain links may only precede authenticated ones
 * (a plain link after an authenticated one is a forgery made without the key).
 * Answers the first fault, or undefined when the chain is intact.
 */
export function findChainFault(events: readonly StoredLink[], keyFor: (keyId: string) => Buffer | undefined): ChainFault | undefined {
  let prev = GENESIS_LINK;
  let authenticated = false;
  for (const [index, event] of events.entries()) {
    const at = { index, eventId: event.id };
    if (event.prevHash !== prev) return { kind: 'link', ...at, reason: 'it does not carry the link of the event before it (an event was removed, inserted or reordered)' };
    if (event.keyId === null) {
      if (authenticated) return { kind: 'order', ...at, reason: 'an unauthenticated link follows authenticated ones' };
      if (legacyLink(event) !== event.hash) return { kind: 'link', ...at, reason: 'its content does not match its link (changed)' };
    } else {
      authenticated = true;
      const key = keyFor(event.keyId);
      if (!key) return { kind: 'link', ...at, reason: `it was signed with key ${event.keyId}, which is not in the key ring` };
      if (linkEvent(key, event) !== event.hash) return { kind: 'link', ...at, reason: 'its MAC does not match (changed, or re-chained without the key)' };
    }
    prev = event.hash;
  }
  return undefined;
}

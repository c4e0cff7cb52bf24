import { createHash, randomBytes } from 'node:crypto';

// An Open311 client's key (api_key). 256 random bits, so its SHA-256 is all the
// store needs: nobody can search that space, and a stolen table opens nothing.

const PREFIX = 'o311_';
/** The prefix and 43 base64url characters (32 bytes). */
const SHAPE = /^o311_[A-Za-z0-9_-]{43}$/;

/** A new key, to be shown once to the operator who made it. */
export function drawApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** True when the text could be a key (anything else is refused before the store is asked). */
export function looksLikeApiKey(text: string): boolean {
  return SHAPE.test(text);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What the list shows of a key: enough to tell keys apart, far too little to use one. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX.length + 6);
}

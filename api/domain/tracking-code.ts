// Tracking codes and secrets are read aloud on the phone and copied by hand,
// so they use an alphabet without look-alikes: no 0/O, 1/I/L, and no U (V/U).
export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_PREFIX = 'JB';
const CODE_LENGTH = 8;
/** 28 symbols of a 30-letter alphabet carry about 137 bits. */
const SECRET_LENGTH = 28;

/**
 * Maps random bytes to symbols of the readable alphabet. Bytes at or above the
 * largest multiple of the alphabet size are skipped so every symbol is equally
 * likely; returns undefined when the bytes run out (ask for more).
 */
export function bytesToSymbols(bytes: Uint8Array, count: number): string | undefined {
  const size = READABLE_ALPHABET.length;
  const ceiling = 256 - (256 % size);
  let out = '';
  for (const byte of bytes) {
    if (byte >= ceiling) continue;
    out += READABLE_ALPHABET[byte % size];
    if (out.length === count) return out;
  }
  return undefined;
}

function group(symbols: string): string {
  return symbols.match(/.{1,4}/g)?.join('-') ?? symbols;
}

/** A tracking code such as JB-7K4M-Q2XD from random bytes (at least 16 bytes). */
export function formatTrackingCode(bytes: Uint8Array): string | undefined {
  const symbols = bytesToSymbols(bytes, CODE_LENGTH);
  return symbols === undefined ? undefined : `${CODE_PREFIX}-${group(symbols)}`;
}

/** A secret in groups of four readable symbols from random bytes (at least 48 bytes). */
export function formatSecret(bytes: Uint8Array): string | undefined {
  const symbols = bytesToSymbols(bytes, SECRET_LENGTH);
  return symbols === undefined ? undefined : group(symbols);
}

/**
 * People copy codes with spaces, dashes and lower case, and may hear V as U; normalise them to
 * the canonical form (`JB-XXXX-XXXX`), or undefined when it cannot be one.
 */
export function normalizeTrackingCode(input: string): string | undefined {
  const compact = readableSymbols(input);
  const body = compact.startsWith(CODE_PREFIX) ? compact.slice(CODE_PREFIX.length) : compact;
  if (body.length !== CODE_LENGTH || ![...body].every((c) => READABLE_ALPHABET.includes(c))) return undefined;
  return `${CODE_PREFIX}-${group(body)}`;
}

/** Normalises a typed secret the same way. */
export function normalizeSecret(input: string): string {
  return group(readableSymbols(input));
}

function readableSymbols(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.·—]/g, '')
    .replace(/U/g, 'V');
}

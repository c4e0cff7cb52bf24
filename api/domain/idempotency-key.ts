// A retry key is a bearer credential: whoever presents it with the same
// content gets the receipt, secret included. So it must be unguessable — at
// least 128 bits — and the service refuses keys that cannot be.

export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9_.:-]{16,128}$/;

/** Bits a key must carry at the least (RFC 4086's bar for a secret). */
export const MIN_KEY_BITS = 128;

/** How long a key finds its first answer; afterwards the same post is a new report. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

/**
 * The most a key could carry: its length times log2 of the alphabet its
 * character classes span (digits 10, lower and upper case 26 each, `_.:-` 4).
 * A 32-digit hex key (the report form's) or a UUID spans more than 128 bits.
 */
export function nominalBits(key: string): number {
  let alphabet = 0;
  if (/[0-9]/.test(key)) alphabet += 10;
  if (/[a-z]/.test(key)) alphabet += 26;
  if (/[A-Z]/.test(key)) alphabet += 26;
  if (/[_.:-]/.test(key)) alphabet += 4;
  return alphabet === 0 ? 0 : key.length * Math.log2(alphabet);
}

/** Shannon entropy of the key's own symbol counts, in bits per symbol. */
function symbolEntropy(key: string): number {
  const counts = new Map<string, number>();
  for (const c of key) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / key.length) * Math.log2(n / key.length);
  return bits;
}

/**
 * True when a word of four different characters recurs three times or more
 * without overlapping ("report-report-report…"). A run of one character in a
 * random key ("8888") is left to the entropy test.
 */
function repeats(key: string): boolean {
  const seen = new Map<string, { count: number; end: number }>();
  for (let i = 0; i + 4 <= key.length; i += 1) {
    const gram = key.slice(i, i + 4);
    if (new Set(gram).size < 3) continue;
    const last = seen.get(gram);
    if (last && i < last.end) continue;
    const count = (last?.count ?? 0) + 1;
    if (count >= 3) return true;
    seen.set(gram, { count, end: i + 4 });
  }
  return false;
}

export type KeyVerdict = { ok: true } | { ok: false; code: 'invalid_idempotency_key' | 'weak_idempotency_key'; message: string };

/**
 * Accepts a key of the right form that may carry 128 bits and looks drawn at
 * random: a random 32-digit hex key has about 3.6 bits per symbol (below 2.5
 * fewer than one in ten million do), while "aaaa…" or "abab…" have 0 or 1,
 * and a repeated word recurs; both are refused. (No test can prove
 * randomness; this one refuses the keys people type, never the form's.)
 */
export function checkIdempotencyKey(key: string): KeyVerdict {
  if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
    return {
      ok: false,
      code: 'invalid_idempotency_key',
      message: 'Idempotency-Key 应为 16 到 128 个字母、数字或 -_.: 字符；请使用至少 128 位的随机值，例如 32 位十六进制随机数或 UUID',
    };
  }
  if (nominalBits(key) < MIN_KEY_BITS || symbolEntropy(key) < 2.5 || repeats(key)) {
    return {
      ok: false,
      code: 'weak_idempotency_key',
      message: 'Idempotency-Key 不够随机（至少需要 128 位随机性）：请使用 32 位十六进制随机数、UUID 或 22 位以上的 base64url 随机串',
    };
  }
  return { ok: true };
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The report form without JavaScript cannot send an Idempotency-Key, and a
// reload of its answer page posts it again. So the server writes a fresh token
// into each copy of the form it serves: 128 random bits and the time it was
// issued, signed. Posted back, the token is that browser's retry key — no one
// else has it — and it expires.

/** How long a served form's token stays good: a day to fill in the form and reload its answer. */
export const FORM_TOKEN_TTL_MS = 24 * 3600_000;

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function sign(key: Buffer, body: string): string {
  return b64(createHmac('sha256', key).update(`form-token\0${body}`).digest().subarray(0, 16));
}

export function issueFormToken(key: Buffer, now: Date): string {
  const body = `${b64(randomBytes(16))}.${Math.floor(now.getTime() / 1000).toString(36)}`;
  return `${body}.${sign(key, body)}`;
}

/** True for a token this server issued that has not expired. */
export function verifyFormToken(key: Buffer, token: string, now: Date, ttlMs = FORM_TOKEN_TTL_MS): boolean {
  const match = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return false;
  const body = `${match[1]}.${match[2]}`;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(match[3] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const issuedMs = Number.parseInt(match[2] ?? '', 36) * 1000;
  return issuedMs <= now.getTime() + 60_000 && now.getTime() - issuedMs <= ttlMs;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// After a reporter has shown their code and secret, the tracking page lets
// them add information. The page carries this short-lived signed token rather
// than their secret, so the secret is never written into a page.

export const REPORTER_TOKEN_TTL_MS = 2 * 3600_000;

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`reporter-token\0${body}`).digest().subarray(0, 18).toString('base64url');
}

export function signReporterToken(key: Buffer, trackingCode: string, now: Date): string {
  const body = `r1.${trackingCode}.${Math.floor((now.getTime() + REPORTER_TOKEN_TTL_MS) / 1000).toString(36)}`;
  return `${body}.${mac(key, body)}`;
}

/** The tracking code a token was issued for, when it is sound and unexpired. */
export function verifyReporterToken(key: Buffer, token: string, now: Date): string | undefined {
  const match = /^r1\.(JB-[0-9A-Z]{4}-[0-9A-Z]{4})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!match) return undefined;
  const body = token.slice(0, token.lastIndexOf('.'));
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(match[3] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  if (Number.parseInt(match[2] ?? '0', 36) * 1000 < now.getTime()) return undefined;
  return match[1];
}

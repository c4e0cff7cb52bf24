import { createHmac, timingSafeEqual } from 'node:crypto';

// An office opens its leads through links it was sent: no accounts, no
// passwords to share in a township office. Each link is signed with a key of
// its own office and version (HMAC), names what it opens (the office's inbox,
// or one lead) and expires; issuing a new version for an office voids every
// link it had.

export type OfficeScope = { kind: 'inbox' } | { kind: 'lead'; leadId: number };

export interface OfficeClaim {
  officeCode: string;
  scope: OfficeScope;
  /** Seconds since the epoch. */
  expires: number;
  version: number;
}

/** The key that signs one office's links of one version. */
export function officeKey(base: Buffer, officeCode: string, version: number): Buffer {
  return createHmac('sha256', base).update(`office-link\0${officeCode}\0${version}`).digest();
}

const scopeText = (scope: OfficeScope) => (scope.kind === 'inbox' ? 'inbox' : `lead-${scope.leadId}`);

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, 18).toString('base64url');
}

export function signOfficeToken(base: Buffer, claim: OfficeClaim): string {
  const body = `o1.${claim.officeCode}.${scopeText(claim.scope)}.${claim.expires.toString(36)}.${claim.version}`;
  return `${body}.${mac(officeKey(base, claim.officeCode, claim.version), body)}`;
}

export type TokenVerdict = { ok: true; claim: OfficeClaim } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' };

/**
 * Checks a token's signature with the key of the office and version it names,
 * then its version against the office's current one and its expiry.
 */
export function verifyOfficeToken(base: Buffer, token: string, now: Date, currentVersion: (officeCode: string) => number): TokenVerdict {
  const match = /^o1\.(\d{6})\.(inbox|lead-(\d{1,12}))\.([0-9a-z]{1,10})\.(\d{1,6})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, officeCode = '', scope = '', leadId, expires36 = '', versionText = '', given = ''] = match;
  const version = Number(versionText);
  const body = token.slice(0, token.lastIndexOf('.'));
  const expected = Buffer.from(mac(officeKey(base, officeCode, version), body));
  if (expected.length !== given.length || !timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' };
  if (version !== currentVersion(officeCode)) return { ok: false, reason: 'revoked' };
  const expires = Number.parseInt(expires36, 36);
  if (expires * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { officeCode, scope: scope === 'inbox' ? { kind: 'inbox' } : { kind: 'lead', leadId: Number(leadId) }, expires, version } };
}

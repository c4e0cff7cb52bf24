import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OfficeClaim, TokenVerdict } from '../domain/office-token.ts';

// An office's session is the signed link it opened, kept in a cookie so the
// token leaves the address bar (and the browser's history) at once. The
// cookie is HttpOnly and SameSite=Lax (a link clicked in a webmail is a
// cross-site navigation); every form carries a CSRF token derived from it,
// and the origin policy refuses posts from other sites besides.

export const SESSION_COOKIE = 'zhifa_office';

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, claim: OfficeClaim, secure: boolean, now: Date): string {
  const maxAge = Math.max(0, claim.expires - Math.floor(now.getTime() / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/office/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/office/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function csrfFor(key: Buffer, token: string): string {
  return createHmac('sha256', key).update(`csrf\0${token}`).digest('base64url').slice(0, 32);
}

export function csrfMatches(key: Buffer, token: string, given: string | undefined): boolean {
  const expected = Buffer.from(csrfFor(key, token));
  const presented = Buffer.from(given ?? '');
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** Why a link or session does not open a page, in words an officer understands. */
export function refusalText(verdict: Exclude<TokenVerdict, { ok: true }>['reason'] | 'missing' | 'other-lead'): string {
  switch (verdict) {
    case 'expired':
      return '这个链接已过期。请打开最新的线索邮件中的链接，或请管理员用“npm run office:link”重新生成本单位的链接。';
    case 'revoked':
      return '这个链接已作废（本单位的链接已重新签发）。请使用最新的链接。';
    case 'other-lead':
      return '这个链接只能打开邮件中的那一条线索。要查看本单位的全部线索，请打开邮件中的“本单位线索列表”链接。';
    case 'missing':
      return '请通过线索邮件中的链接打开本页面。';
    default:
      return '这个链接无效（可能不完整或被改动过）。请从线索邮件中完整复制链接后再打开。';
  }
}

import type { Database } from './database.ts';
import type { KeyRing } from './key-ring.ts';
import { signOfficeToken, verifyOfficeToken, type OfficeScope, type TokenVerdict } from '../domain/office-token.ts';

/**
 * Signed links to the office pages. The signing key is derived from the
 * current master key; the version of each office's links lives in the
 * database, read at each check so a re-issue takes effect at once, even from
 * another process (npm run office:link -- <code> --reissue).
 */
export function createOfficeLinks(db: Database, keys: KeyRing, options: { publicUrl: string; days: number }) {
  const base = () => keys.current.key('office');

  async function version(officeCode: string): Promise<number> {
    return (await db.read.get<{ version: number }>('SELECT version FROM office_link_versions WHERE office_code = ?', [officeCode]))?.version ?? 1;
  }

  async function token(officeCode: string, scope: OfficeScope, now: Date): Promise<string> {
    const expires = Math.floor(now.getTime() / 1000) + options.days * 86_400;
    return signOfficeToken(base(), { officeCode, scope, expires, version: await version(officeCode) });
  }

  return {
    token,
    async inboxUrl(officeCode: string, now: Date): Promise<string> {
      return `${options.publicUrl}/office/?t=${await token(officeCode, { kind: 'inbox' }, now)}`;
    },
    async leadUrl(officeCode: string, leadId: number, now: Date): Promise<string> {
      return `${options.publicUrl}/office/leads/${leadId}/?t=${await token(officeCode, { kind: 'lead', leadId }, now)}`;
    },
    async verify(text: string, now: Date): Promise<TokenVerdict> {
      const office = /^o1\.(\d{6})\./.exec(text)?.[1];
      const current = office ? await version(office) : 1;
      return verifyOfficeToken(base(), text, now, () => current);
    },
    /** Voids every link of the office issued so far; answers the new version. */
    async reissue(officeCode: string, now: Date): Promise<number> {
      const next = (await version(officeCode)) + 1;
      await db.transaction((tx) =>
        tx.run(
          'INSERT INTO office_link_versions (office_code, version, issued_at) VALUES (?, ?, ?) ON CONFLICT (office_code) DO UPDATE SET version = excluded.version, issued_at = excluded.issued_at',
          [officeCode, next, now.toISOString()],
        ),
      );
      return next;
    },
  };
}
export type OfficeLinks = ReturnType<typeof createOfficeLinks>;

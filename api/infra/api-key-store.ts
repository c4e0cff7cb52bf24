import type { Database } from './database.ts';
import { apiKeyPrefix, drawApiKey, hashApiKey, looksLikeApiKey } from '../domain/api-key.ts';

/** An API key as stored: never the key itself. */
export interface ApiKeyRow {
  id: number;
  organisation: string;
  key_prefix: string;
  created_at: string;
  revoked_at: string | null;
}

/** The Open311 clients' keys: made (shown once), revoked, listed, and looked up on every request. */
export function createApiKeyStore(db: Database) {
  return {
    /** Makes a key for an organisation; the only time the key itself exists outside the client. */
    async create(organisation: string, at: string): Promise<{ id: number; key: string }> {
      const name = organisation.trim();
      if (name.length < 2 || name.length > 100) throw new Error(`Expected the organisation's name, 2 to 100 characters; got "${organisation}".`);
      const key = drawApiKey();
      const id = await db.transaction(
        async (tx) => (await tx.run('INSERT INTO api_keys (organisation, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?)', [name, hashApiKey(key), apiKeyPrefix(key), at])).lastID,
      );
      return { id, key };
    },
    /** Revokes a key; false when there is no such key or it was revoked already. */
    async revoke(id: number, at: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const row = await tx.get<ApiKeyRow>('SELECT * FROM api_keys WHERE id = ?', [id]);
        if (!row || row.revoked_at !== null) return false;
        await tx.run('UPDATE api_keys SET revoked_at = ? WHERE id = ?', [at, id]);
        return true;
      });
    },
    list: () => db.read.all<ApiKeyRow>('SELECT id, organisation, key_prefix, created_at, revoked_at FROM api_keys ORDER BY id'),
    byId: (id: number) => db.read.get<ApiKeyRow>('SELECT id, organisation, key_prefix, created_at, revoked_at FROM api_keys WHERE id = ?', [id]),
    /**
     * The live key a client presented, read from the database on every request,
     * so a revocation holds from the next request on; undefined for a wrong or revoked key.
     */
    async live(key: string): Promise<ApiKeyRow | undefined> {
      if (!looksLikeApiKey(key)) return undefined;
      return db.read.get<ApiKeyRow>('SELECT id, organisation, key_prefix, created_at, revoked_at FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL', [hashApiKey(key)]);
    },
  };
}
export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;

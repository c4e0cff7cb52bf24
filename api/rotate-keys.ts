// `npm run keys:rotate`: makes a new master key current and re-seals what the
// old one sealed. The old key is kept under SECRETS_DIR/retired/: the
// timeline's earlier links and anchor lines were signed with it and are still
// verified with it; contacts, original photos and EXIF readings are re-sealed
// under the new key, so once this has run a copy of the old key alone no
// longer opens the current data. Stop the service first, run, start it again.
// Safe to interrupt: run it again with --reseal-only to finish re-sealing.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readConfig } from './config.ts';
import { openDatabase } from './infra/database.ts';
import { migrate } from './infra/migrations.ts';
import { CURRENT_KEY_FILE, RETIRED_DIR, loadKeyRing, masterKey, parseKey, writeNewKeyFile, type KeyRing } from './infra/key-ring.ts';
import { openContact, sealContact } from './domain/contact-seal.ts';
import { isSealed, openBytes, sealBytes, sealedKeyId } from './infra/sealed-bytes.ts';
import { fsyncDir, writeSynced } from './infra/durable-write.ts';
import { ORIGINAL_AAD } from './infra/photo-store.ts';
import type { ImageType } from './domain/sniff-image-type.ts';

const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

function syncedCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** Retires the current key file and writes a new one in its place; answers the old and new key ids. */
export function rotateKeyFile(secretsDir: string): { retired: string; current: string } {
  const file = join(secretsDir, CURRENT_KEY_FILE);
  if (!existsSync(file)) throw new Error(`Expected a key at ${file}; start the service once to create it.`);
  const old = masterKey(parseKey(readFileSync(file, 'utf8'), file));
  mkdirSync(join(secretsDir, RETIRED_DIR), { recursive: true, mode: 0o700 });
  // First a durable copy of the old key among the retired ones, then the new key over the current file.
  syncedCopy(file, join(secretsDir, RETIRED_DIR, `${old.id}.key`));
  const next = join(secretsDir, `${CURRENT_KEY_FILE}.next`);
  writeNewKeyFile(next);
  renameSync(next, file);
  return { retired: old.id, current: masterKey(parseKey(readFileSync(file, 'utf8'), file)).id };
}

/** Re-seals under the current key every contact, EXIF reading and original sealed with another; answers the counts. */
export async function resealAll(dataDir: string, keys: KeyRing): Promise<{ contacts: number; exif: number; originals: number }> {
  const db = await openDatabase(join(dataDir, 'portal.sqlite'));
  const counts = { contacts: 0, exif: 0, originals: 0 };
  try {
    await migrate(db);
    const current = keys.current;
    const contacts = await db.read.all<{ report_id: number; key_id: string; iv: Buffer; tag: Buffer; ciphertext: Buffer; tracking_code: string }>(
      'SELECT c.*, r.tracking_code FROM report_contacts c JOIN reports r ON r.id = c.report_id WHERE c.key_id != ?',
      [current.id],
    );
    for (const row of contacts) {
      const old = keys.byId(row.key_id);
      if (!old) throw new Error(`The contact of ${row.tracking_code} is sealed with key ${row.key_id}, which is in neither SECRETS_DIR nor its retired folder.`);
      const contact = openContact({ keyId: row.key_id, iv: row.iv, tag: row.tag, ciphertext: row.ciphertext }, old.key('contact'), row.tracking_code);
      const sealed = sealContact(contact, current.key('contact'), current.id, row.tracking_code);
      await db.transaction((tx) => tx.run('UPDATE report_contacts SET key_id = ?, iv = ?, tag = ?, ciphertext = ? WHERE report_id = ?', [sealed.keyId, sealed.iv, sealed.tag, sealed.ciphertext, row.report_id]));
      counts.contacts += 1;
    }
    const photos = await db.read.all<{ id: number; original_sha256: string; original_type: ImageType; exif_sealed: Buffer | null }>('SELECT id, original_sha256, original_type, exif_sealed FROM photos');
    for (const photo of photos) {
      if (photo.exif_sealed && sealedKeyId(photo.exif_sealed) !== current.id) {
        const aad = `exif:${photo.original_sha256}`;
        const resealed = sealBytes(keys, 'photo', openBytes(keys, 'photo', photo.exif_sealed, aad), aad);
        await db.transaction((tx) => tx.run('UPDATE photos SET exif_sealed = ? WHERE id = ?', [resealed, photo.id]));
        counts.exif += 1;
      }
      const path = join(dataDir, 'originals', photo.original_sha256.slice(0, 2), `${photo.original_sha256}.${EXTENSION[photo.original_type]}`);
      const bytes = await readFile(path).catch(() => undefined);
      if (bytes && isSealed(bytes) && sealedKeyId(bytes) !== current.id) {
        const temp = `${path}.resealing`;
        await writeSynced(temp, sealBytes(keys, 'photo', openBytes(keys, 'photo', bytes, ORIGINAL_AAD), ORIGINAL_AAD));
        renameSync(temp, path);
        await fsyncDir(dirname(path));
        counts.originals += 1;
      }
    }
  } finally {
    await db.close();
  }
  return counts;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const config = readConfig();
  if (config.reporterKey) {
    console.error('REPORTER_KEY is set: rotate it in the secret store it comes from, put the old key in SECRETS_DIR/retired/<id>.key, then run with --reseal-only.');
    process.exit(2);
  }
  if (!process.argv.includes('--reseal-only')) {
    const { retired, current } = rotateKeyFile(config.secretsDir);
    console.log(`key ${retired} retired; key ${current} is now current`);
  }
  const counts = await resealAll(config.dataDir, loadKeyRing(config.secretsDir, undefined));
  console.log(`re-sealed under the current key: ${counts.contacts} contacts, ${counts.exif} EXIF readings, ${counts.originals} original photos`);
}

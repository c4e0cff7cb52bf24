import { readFile, rm } from 'node:fs/promises';
import type { Database } from './database.ts';
import type { KeyRing } from './key-ring.ts';
import { ORIGINAL_AAD, type PhotoStore } from './photo-store.ts';
import type { PhotoRow } from '../domain/records.ts';
import { isSealed, sealBytes } from './sealed-bytes.ts';
import { moveIntoPlace, writeSynced } from './durable-write.ts';

/**
 * Stores from before version 3 kept originals and their EXIF readings in
 * clear. At start, each such photo's original is sealed in place (written
 * sealed beside it, fsynced, renamed over it) and its EXIF reading moved into
 * exif_sealed; the row is then marked sealed. Safe to interrupt: a file
 * already sealed is recognised by its header.
 */
export async function sealLegacyPhotos(db: Database, keys: KeyRing, photos: PhotoStore): Promise<number> {
  const rows = await db.read.all<PhotoRow & { exif_lat: number | null; exif_lng: number | null; exif_taken_at: string | null }>(
    'SELECT * FROM photos WHERE sealed = 0 ORDER BY id',
  );
  for (const row of rows) {
    const path = photos.originalPath(row.original_sha256, row.original_type);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes && !isSealed(bytes)) {
      const temp = `${path}.sealing`;
      await rm(temp, { force: true });
      await writeSynced(temp, sealBytes(keys, 'photo', bytes, ORIGINAL_AAD));
      await rm(path);
      await moveIntoPlace(temp, path);
    }
    const exif =
      row.exif_lat === null && row.exif_taken_at === null
        ? null
        : sealBytes(keys, 'photo', Buffer.from(JSON.stringify({ lat: row.exif_lat ?? undefined, lng: row.exif_lng ?? undefined, takenAt: row.exif_taken_at ?? undefined })), `exif:${row.original_sha256}`);
    await db.transaction((tx) =>
      tx.run('UPDATE photos SET exif_sealed = ?, exif_lat = NULL, exif_lng = NULL, exif_taken_at = NULL, sealed = 1 WHERE id = ?', [exif, row.id]),
    );
  }
  return rows.length;
}

import type { Database } from './database.ts';

/** Numbered schema steps; a step once released is never edited, only followed by another. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reports, contacts, photos, timeline, outbox',
    sql: `
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        tracking_code TEXT NOT NULL UNIQUE,
        -- SHA-256 of the reporter's secret; the secret itself is never stored.
        secret_hash BLOB NOT NULL,
        -- SHA-256 of the client's Idempotency-Key, so a retry finds the first result.
        idempotency_key_hash TEXT UNIQUE,
        -- SHA-256 of the validated fields; a retry with other fields is refused.
        fingerprint TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        lat REAL,
        lng REAL,
        address TEXT,
        started_on TEXT,
        status TEXT NOT NULL,
        office_code TEXT,
        routing TEXT NOT NULL CHECK (routing IN ('county', 'no-county', 'no-point')),
        photo_count INTEGER NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX reports_office ON reports (office_code, status);

      -- Who reported: apart from the report, AES-256-GCM encrypted, only for the assigned office.
      CREATE TABLE report_contacts (
        report_id INTEGER PRIMARY KEY REFERENCES reports (id),
        key_id TEXT NOT NULL,
        iv BLOB NOT NULL,
        tag BLOB NOT NULL,
        ciphertext BLOB NOT NULL
      );

      CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports (id),
        position INTEGER NOT NULL,
        -- Evidence: the SHA-256 of the bytes exactly as the reporter sent them.
        original_sha256 TEXT NOT NULL,
        original_bytes INTEGER NOT NULL,
        original_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        -- Content-addressed copies under photos/ (metadata stripped, orientation applied).
        display_sha256 TEXT NOT NULL,
        forward_sha256 TEXT NOT NULL,
        exif_lat REAL,
        exif_lng REAL,
        exif_taken_at TEXT,
        UNIQUE (report_id, position)
      );

      -- Append-only; each event carries the hash of the one before (the whole store is one chain).
      CREATE TABLE timeline_events (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports (id),
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX timeline_report ON timeline_events (report_id, id);
      CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline_events
        BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
      CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline_events
        BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

      -- Mail to send, as rows (the sender comes with forwarding to offices).
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports (id),
        kind TEXT NOT NULL,
        office_code TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        sent_at TEXT,
        dead_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (sent_at, dead_at, next_attempt_at);
    `,
  },
  {
    version: 2,
    name: 'photos: originals kept as sent, copies derived after the commit',
    sql: `
      CREATE TABLE photos_v2 (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports (id),
        position INTEGER NOT NULL,
        -- Evidence: the SHA-256 of the bytes exactly as the reporter sent them (also the original's file name).
        original_sha256 TEXT NOT NULL,
        original_bytes INTEGER NOT NULL,
        original_type TEXT NOT NULL CHECK (original_type IN ('jpeg', 'png', 'webp')),
        exif_lat REAL,
        exif_lng REAL,
        exif_taken_at TEXT,
        -- Set when the display and forwarding copies exist under photos/ (metadata stripped, orientation applied).
        display_sha256 TEXT,
        forward_sha256 TEXT,
        width INTEGER,
        height INTEGER,
        derived_at TEXT,
        -- Set instead when the original's pixels cannot be decoded; the original stays as evidence.
        unreadable_at TEXT,
        UNIQUE (report_id, position)
      );
      INSERT INTO photos_v2 (id, report_id, position, original_sha256, original_bytes, original_type, exif_lat, exif_lng, exif_taken_at,
          display_sha256, forward_sha256, width, height, derived_at)
        SELECT id, report_id, position, original_sha256, original_bytes, original_type, exif_lat, exif_lng, exif_taken_at,
          display_sha256, forward_sha256, width, height, CASE WHEN display_sha256 IS NOT NULL THEN datetime('now') END FROM photos;
      DROP TABLE photos;
      ALTER TABLE photos_v2 RENAME TO photos;
      CREATE INDEX photos_to_derive ON photos (id) WHERE derived_at IS NULL AND unreadable_at IS NULL;
    `,
  },
];

/** Applies the steps not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(db: Database): Promise<number[]> {
  await db.transaction((tx) =>
    tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'),
  );
  const applied = new Set(
    (await db.read.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const done: number[] = [];
  for (const step of MIGRATIONS) {
    if (applied.has(step.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(step.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        step.version,
        step.name,
        new Date().toISOString(),
      ]);
    });
    done.push(step.version);
  }
  return done;
}

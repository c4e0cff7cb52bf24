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
  {
    version: 3,
    name: 'authenticated timeline, content-bound retry keys, sealed EXIF, no replacing of records',
    sql: `
      -- From here on each event's link is an HMAC under a key kept outside the database; key_id names it.
      -- Links made before (key_id NULL) were plain SHA-256 and are verified as such.
      ALTER TABLE timeline_events ADD COLUMN key_id TEXT;

      -- Retry keys are bound to the content they came with and expire; the older, unbound ones are retired.
      -- fingerprint holds from now on the SHA-256 content digest that the report's received event binds.
      UPDATE reports SET idempotency_key_hash = NULL;
      ALTER TABLE reports ADD COLUMN idempotency_expires_at TEXT;

      -- What a photo's EXIF said (its position may be the reporter's home), sealed like the original;
      -- the plain columns are emptied by the service at start, which holds the key.
      ALTER TABLE photos ADD COLUMN exif_sealed BLOB;
      -- 1 once the original file is sealed and its EXIF reading moved into exif_sealed; rows from before are 0.
      ALTER TABLE photos ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
      -- Why copies could not be made (incomplete, timeout, integrity…), beside unreadable_at.
      ALTER TABLE photos ADD COLUMN unreadable_reason TEXT;

      -- INSERT OR REPLACE (and REPLACE INTO) delete the row in the way without firing DELETE triggers:
      -- refuse any insert that would replace a row of the record, and any delete of one.
      CREATE TRIGGER timeline_no_replace BEFORE INSERT ON timeline_events
        WHEN EXISTS (SELECT 1 FROM timeline_events WHERE id = NEW.id OR hash = NEW.hash)
        BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
      CREATE TRIGGER reports_no_replace BEFORE INSERT ON reports
        WHEN EXISTS (SELECT 1 FROM reports WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'a report is never replaced'); END;
      -- These two keep the messages of the unique constraints they stand in front of (the store tells them apart).
      CREATE TRIGGER reports_no_replace_code BEFORE INSERT ON reports
        WHEN EXISTS (SELECT 1 FROM reports WHERE tracking_code = NEW.tracking_code)
        BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: reports.tracking_code'); END;
      CREATE TRIGGER reports_no_replace_key BEFORE INSERT ON reports
        WHEN NEW.idempotency_key_hash IS NOT NULL AND EXISTS (SELECT 1 FROM reports WHERE idempotency_key_hash = NEW.idempotency_key_hash)
        BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: reports.idempotency_key_hash'); END;
      CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
        BEGIN SELECT RAISE(ABORT, 'a report is never deleted'); END;
      CREATE TRIGGER reports_content_fixed BEFORE UPDATE OF id, tracking_code, category, description, lat, lng, address, started_on, photo_count, received_at ON reports
        BEGIN SELECT RAISE(ABORT, 'what a reporter sent is never changed'); END;
      CREATE TRIGGER photos_no_replace BEFORE INSERT ON photos
        WHEN EXISTS (SELECT 1 FROM photos WHERE id = NEW.id OR (report_id = NEW.report_id AND position = NEW.position))
        BEGIN SELECT RAISE(ABORT, 'a photo record is never replaced'); END;
      CREATE TRIGGER photos_no_delete BEFORE DELETE ON photos
        BEGIN SELECT RAISE(ABORT, 'a photo record is never deleted'); END;
      CREATE TRIGGER photos_evidence_fixed BEFORE UPDATE OF id, report_id, position, original_sha256, original_bytes, original_type ON photos
        BEGIN SELECT RAISE(ABORT, 'the evidence of a photo is never changed'); END;
      CREATE TRIGGER contacts_no_replace BEFORE INSERT ON report_contacts
        WHEN EXISTS (SELECT 1 FROM report_contacts WHERE report_id = NEW.report_id)
        BEGIN SELECT RAISE(ABORT, 'a contact is never replaced'); END;
      CREATE TRIGGER contacts_no_delete BEFORE DELETE ON report_contacts
        BEGIN SELECT RAISE(ABORT, 'a contact is never deleted'); END;
    `,
  },
  {
    version: 4,
    name: 'leads: sources, state, deadlines, alerts, additions; outbox claims and message ids; office link versions',
    sql: `
      -- A report is a lead: where it came from, and its state (a projection of its events, kept here to query by).
      ALTER TABLE reports ADD COLUMN source TEXT NOT NULL DEFAULT 'public';
      -- The source's own reference: a 图斑 number (遥感监测), a 交办 document number…
      ALTER TABLE reports ADD COLUMN source_ref TEXT;
      -- The office that registered a lead from its own work (执法巡查, 遥感监测, 随机抽查, 上级交办).
      ALTER TABLE reports ADD COLUMN registered_by TEXT;
      ALTER TABLE reports ADD COLUMN assigned_at TEXT;
      ALTER TABLE reports ADD COLUMN acknowledged_at TEXT;
      ALTER TABLE reports ADD COLUMN concluded_at TEXT;
      ALTER TABLE reports ADD COLUMN outcome TEXT;
      ALTER TABLE reports ADD COLUMN public_summary TEXT;
      ALTER TABLE reports ADD COLUMN supervised_at TEXT;
      -- Deadlines (dates, China time) from assigned_at and the office's policy.
      ALTER TABLE reports ADD COLUMN acknowledge_by TEXT;
      ALTER TABLE reports ADD COLUMN conclude_by TEXT;
      UPDATE reports SET assigned_at = received_at WHERE office_code IS NOT NULL;
      CREATE INDEX reports_open ON reports (status, office_code);

      -- Reminders and escalations made, once each per lead, stage and office.
      CREATE TABLE lead_alerts (
        report_id INTEGER NOT NULL REFERENCES reports (id),
        kind TEXT NOT NULL CHECK (kind IN ('remind-acknowledge', 'escalate-acknowledge', 'remind-conclude', 'escalate-conclude')),
        office_code TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (report_id, kind, office_code)
      );

      -- What a reporter added to an open lead (text; photos are rows of photos with addition_id).
      CREATE TABLE report_additions (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports (id),
        text TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      ALTER TABLE photos ADD COLUMN addition_id INTEGER REFERENCES report_additions (id);
      CREATE TRIGGER additions_no_change BEFORE UPDATE ON report_additions
        BEGIN SELECT RAISE(ABORT, 'what a reporter sent is never changed'); END;
      CREATE TRIGGER additions_no_delete BEFORE DELETE ON report_additions
        BEGIN SELECT RAISE(ABORT, 'what a reporter sent is never deleted'); END;

      -- The outbox sends lead e-mails, notices, reminders, alerts and summaries (some concern no report). A row is
      -- claimed before it is sent (claimed_by: the process's run id) and carries its Message-ID from creation, so a
      -- row re-sent after a crash is recognisably the same message. payload: what the message needs besides the
      -- lead (never the reporter's identity, which is opened from the sealed contact when a notice is sent).
      CREATE TABLE outbox_v4 (
        id INTEGER PRIMARY KEY,
        report_id INTEGER REFERENCES reports (id),
        kind TEXT NOT NULL,
        office_code TEXT,
        message_id TEXT NOT NULL UNIQUE,
        payload TEXT,
        dedupe_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        claimed_at TEXT,
        claimed_by TEXT,
        last_error TEXT,
        smtp_response TEXT,
        sent_at TEXT,
        dead_at TEXT
      );
      INSERT INTO outbox_v4 (id, report_id, kind, office_code, message_id, created_at, attempts, next_attempt_at, last_error, sent_at, dead_at)
        SELECT id, report_id, kind, office_code, 'lead-' || report_id || '-' || id, next_attempt_at, attempts, next_attempt_at, last_error, sent_at, dead_at FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v4 RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
      CREATE INDEX outbox_report ON outbox (report_id);

      -- Office links are signed with a key per office and version; a new version (npm run office:link -- <code> --reissue)
      -- voids every link issued before.
      CREATE TABLE office_link_versions (
        office_code TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        issued_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'Open311: API keys (channels) and what an Open311 client sent besides the report',
    sql: `
      -- An organisation's key for the Open311 API. Only the key's SHA-256 is kept (a 256-bit random key needs no
      -- slow hash); the key is shown once, when it is made. A revoked key answers 403 from the next request on.
      CREATE TABLE api_keys (
        id INTEGER PRIMARY KEY,
        organisation TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        -- The key's first characters, so an operator can tell keys apart in the list; never enough to use one.
        key_prefix TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TRIGGER api_keys_no_delete BEFORE DELETE ON api_keys
        BEGIN SELECT RAISE(ABORT, 'a key that filed leads is revoked, never deleted'); END;
      CREATE TRIGGER api_keys_fixed BEFORE UPDATE OF id, organisation, key_hash, key_prefix, created_at ON api_keys
        BEGIN SELECT RAISE(ABORT, 'an API key is only ever revoked'); END;

      -- The channel a lead came through (one row per lead an Open311 client filed), with what the client sent that a
      -- report has no column for: media_url (kept as given, never fetched by the server) and the service's attributes.
      CREATE TABLE open311_requests (
        report_id INTEGER PRIMARY KEY REFERENCES reports (id),
        api_key_id INTEGER NOT NULL REFERENCES api_keys (id),
        media_url TEXT,
        attributes TEXT NOT NULL
      );
      CREATE INDEX open311_requests_key ON open311_requests (api_key_id);
      CREATE INDEX reports_received ON reports (received_at);
      CREATE TRIGGER open311_no_change BEFORE UPDATE ON open311_requests
        BEGIN SELECT RAISE(ABORT, 'what a client sent is never changed'); END;
      CREATE TRIGGER open311_no_delete BEFORE DELETE ON open311_requests
        BEGIN SELECT RAISE(ABORT, 'what a client sent is never deleted'); END;
      CREATE TRIGGER open311_no_replace BEFORE INSERT ON open311_requests
        WHEN EXISTS (SELECT 1 FROM open311_requests WHERE report_id = NEW.report_id)
        BEGIN SELECT RAISE(ABORT, 'what a client sent is never replaced'); END;
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

// `npm run verify:timeline`: checks the record (执法全过程记录) in DATA_DIR's
// store against the keys in SECRETS_DIR and the anchor file: every event's
// authenticated link, every report's content against the digest its received
// event binds, its office and status against its events, and the chain's
// length and head against the anchor. Exits 0 when all hold; 1 listing each
// problem found (the first of each kind).
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { readConfig } from './config.ts';
import { findChainFault, type StoredLink } from './domain/timeline-link.ts';
import { reportDigest } from './domain/report-digest.ts';
import { stateOf } from './domain/lead-state.ts';
import type { TimelineEventType } from './domain/report-status.ts';
import { additionDigest } from './app/add-information.ts';
import { openContact } from './domain/contact-seal.ts';
import { loadKeyRing, type KeyRing } from './infra/key-ring.ts';
import { readAnchor } from './infra/timeline-anchor.ts';

interface EventRow {
  id: number;
  report_id: number;
  type: string;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

interface ReportRow {
  id: number;
  tracking_code: string;
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  started_on: string | null;
  received_at: string;
  status: string;
  office_code: string | null;
  photo_count: number;
  acknowledged_at: string | null;
  concluded_at: string | null;
  outcome: string | null;
  public_summary: string | null;
  supervised_at: string | null;
}

export interface Verification {
  events: number;
  reports: number;
  /** Each problem in words, with the event or report it concerns; empty when the record is intact. */
  problems: string[];
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((ok, fail) => db.all(sql, (e: Error | null, rows: T[]) => (e ? fail(e) : ok(rows))));
}

/** Checks the store read-only. */
export async function verifyTimeline(dataDir: string, keys: KeyRing, anchorFile: string): Promise<Verification> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(join(dataDir, 'portal.sqlite'), sqlite3.OPEN_READONLY, (e) => (e ? fail(e) : ok(d)));
  });
  try {
    const problems: string[] = [];
    const events = await all<EventRow>(db, 'SELECT * FROM timeline_events ORDER BY id');
    const links: StoredLink[] = events.map((e) => ({ id: e.id, reportId: e.report_id, type: e.type, data: e.data, at: e.at, prevHash: e.prev_hash, hash: e.hash, keyId: e.key_id }));
    const fault = findChainFault(links, (id) => keys.byId(id)?.key('timeline'));
    if (fault) problems.push(`event ${fault.eventId}: ${fault.reason}`);

    // The chain must reach every head the anchor recorded, at the event it named.
    const anchor = readAnchor(anchorFile, keys);
    problems.push(...anchor.faults);
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const line of anchor.lines) {
      const event = byId.get(line.lastEventId);
      if (!event) {
        problems.push(`anchor of ${line.at}: the chain had ${line.lastEventId} events, the store now ends at event ${events.at(-1)?.id ?? 0} (events removed)`);
        break;
      }
      if (event.hash !== line.head) {
        problems.push(`anchor of ${line.at}: event ${line.lastEventId} no longer carries the link recorded then (the chain was rewritten)`);
        break;
      }
    }

    const reports = await all<ReportRow>(db, 'SELECT * FROM reports ORDER BY id');
    const photos = await all<{ report_id: number; position: number; original_sha256: string; addition_id: number | null }>(db, 'SELECT report_id, position, original_sha256, addition_id FROM photos ORDER BY report_id, position');
    const additions = new Map((await all<{ id: number; report_id: number; text: string; received_at: string }>(db, 'SELECT * FROM report_additions')).map((a) => [a.id, a]));
    const contacts = await all<{ report_id: number; key_id: string; iv: Buffer; tag: Buffer; ciphertext: Buffer }>(db, 'SELECT * FROM report_contacts');
    const eventsOf = Map.groupBy(events, (e) => e.report_id);
    const photosOf = Map.groupBy(photos, (p) => p.report_id);
    const contactOf = new Map(contacts.map((c) => [c.report_id, c]));
    // The channel of the leads an Open311 client filed (store version 5 on).
    const hasChannels = (await all<{ n: number }>(db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'open311_requests'"))[0]?.n === 1;
    const channels = hasChannels ? await all<{ report_id: number; api_key_id: number; media_url: string | null; attributes: string }>(db, 'SELECT * FROM open311_requests') : [];
    const channelOf = new Map(channels.map((c) => [c.report_id, { apiKeyId: c.api_key_id, mediaUrl: c.media_url, attributes: JSON.parse(c.attributes) as Record<string, string | string[]> }]));
    for (const report of reports) {
      const own = eventsOf.get(report.id) ?? [];
      const received = own.filter((e) => e.type === 'received');
      if (received.length !== 1) {
        problems.push(`report ${report.tracking_code}: ${received.length} received events (expected one)`);
        continue;
      }
      const bound = (JSON.parse(received[0]?.data ?? '{}') as { digest?: string }).digest;
      if (bound === undefined) continue; // received before version 3 of the store: content was not bound then
      const digest = reportDigest({
        trackingCode: report.tracking_code,
        category: report.category,
        description: report.description,
        lat: report.lat,
        lng: report.lng,
        address: report.address,
        startedOn: report.started_on,
        receivedAt: report.received_at,
        photos: (photosOf.get(report.id) ?? []).filter((p) => p.addition_id === null).map((p) => p.original_sha256),
        contact: contactOf.has(report.id),
        channel: channelOf.get(report.id),
      });
      if (digest !== bound) problems.push(`report ${report.tracking_code}: its content, photos or contact differ from what its received event bound`);
      const contact = contactOf.get(report.id);
      const contactKey = contact ? keys.byId(contact.key_id)?.key('contact') : undefined;
      if (contact) {
        try {
          if (!contactKey) throw new Error('unknown key');
          openContact({ keyId: contact.key_id, iv: contact.iv, tag: contact.tag, ciphertext: contact.ciphertext }, contactKey, report.tracking_code);
        } catch {
          problems.push(`report ${report.tracking_code}: its sealed contact does not open (changed, moved from another report, or sealed with a key not in the key ring)`);
        }
      }
      // The stored state must be what the events say.
      const state = stateOf(own.map((e) => ({ type: e.type as TimelineEventType, data: e.data, at: e.at })));
      const columns: [string, unknown, unknown][] = [
        ['status', report.status, state.status],
        ['office', report.office_code, state.officeCode],
        ['acknowledged', report.acknowledged_at, state.acknowledgedAt],
        ['concluded', report.concluded_at, state.concludedAt],
        ['outcome', report.outcome, state.outcome],
        ['summary', report.public_summary, state.publicSummary],
        ['supervised', report.supervised_at, state.supervisedAt],
      ];
      const differ = columns.filter(([, stored, derived]) => (stored ?? null) !== (derived ?? null));
      if (differ.length > 0) {
        problems.push(`report ${report.tracking_code}: ${differ.map(([name, stored, derived]) => `${name} ${String(stored ?? '—')} differs from its events (${String(derived ?? '—')})`).join('; ')}`);
      }
      // Each addition the reporter made matches the digest its event binds.
      for (const event of own.filter((e) => e.type === 'info-added')) {
        const data = JSON.parse(event.data) as { additionId?: number; digest?: string };
        const addition = data.additionId === undefined ? undefined : additions.get(data.additionId);
        const added = (photosOf.get(report.id) ?? []).filter((p) => p.addition_id === data.additionId).map((p) => p.original_sha256);
        if (!addition || addition.report_id !== report.id || additionDigest(addition.text, addition.received_at, added) !== data.digest) {
          problems.push(`report ${report.tracking_code}: the information added at ${event.at} differs from what its event bound`);
        }
      }
    }
    const known = new Set(reports.map((r) => r.id));
    const orphan = events.find((e) => !known.has(e.report_id));
    if (orphan) problems.push(`event ${orphan.id}: its report ${orphan.report_id} is gone`);
    return { events: events.length, reports: reports.length, problems };
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const config = readConfig();
  const keys = loadKeyRing(config.secretsDir, config.reporterKey, join(config.dataDir, 'secrets'));
  const result = await verifyTimeline(config.dataDir, keys, config.anchorFile);
  if (result.problems.length === 0) {
    console.log(`record intact: ${result.events} events, ${result.reports} reports`);
  } else {
    console.error(`record NOT intact (${result.events} events, ${result.reports} reports):`);
    for (const problem of result.problems) console.error(`- ${problem}`);
    process.exitCode = 1;
  }
}

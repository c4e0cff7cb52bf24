import type { ImageType } from './sniff-image-type.ts';
import type { LeadSource, Outcome, ReportStatus, TimelineEventType } from './report-status.ts';

// The rows the service stores, as the use cases read them (the store's
// columns, snake_case as in SQL). Declared here so that use cases and stores
// share them without depending on each other.

/** A report (a lead) as stored. */
export interface ReportRow {
  id: number;
  tracking_code: string;
  secret_hash: Buffer;
  /** HMAC of the retry key and the content it came with; NULL once the retry window is over. */
  idempotency_key_hash: string | null;
  idempotency_expires_at: string | null;
  /** SHA-256 content digest, the one the received event binds (reportDigest). */
  fingerprint: string;
  category: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  started_on: string | null;
  status: ReportStatus;
  office_code: string | null;
  routing: 'county' | 'no-county' | 'no-point';
  photo_count: number;
  received_at: string;
  source: LeadSource;
  source_ref: string | null;
  registered_by: string | null;
  assigned_at: string | null;
  acknowledged_at: string | null;
  concluded_at: string | null;
  outcome: Outcome | null;
  public_summary: string | null;
  supervised_at: string | null;
  acknowledge_by: string | null;
  conclude_by: string | null;
}

export interface TimelineRow {
  id: number;
  report_id: number;
  type: TimelineEventType;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

export interface PhotoRow {
  id: number;
  report_id: number;
  position: number;
  original_sha256: string;
  original_type: ImageType;
  display_sha256: string | null;
  forward_sha256: string | null;
  width: number | null;
  height: number | null;
  derived_at: string | null;
  unreadable_at: string | null;
  unreadable_reason: string | null;
  exif_sealed: Buffer | null;
  sealed: number;
  /** Set for a photo the reporter added later (report_additions.id). */
  addition_id: number | null;
}

export interface AdditionRow {
  id: number;
  report_id: number;
  text: string;
  received_at: string;
}

/** What the outbox sends. */
export type OutboxKind =
  /** The lead to its office (or the desk, for an unrouted one). */
  | 'forward-lead'
  /** The reporter's information added to an open lead, to its office. */
  | 'info-added'
  /** A short notice to a reporter who consented and left an e-mail. */
  | 'reporter-notice'
  /** A deadline passed: to the office. */
  | 'reminder'
  /** Still overdue: to the desk. */
  | 'escalation'
  /** A message could not be delivered: to ADMIN_EMAIL. */
  | 'admin-alert'
  /** The day's figures and the record's anchor: to ADMIN_EMAIL. */
  | 'daily-summary';

export interface OutboxRow {
  id: number;
  report_id: number | null;
  kind: OutboxKind;
  office_code: string | null;
  message_id: string;
  payload: string | null;
  dedupe_key: string | null;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  claimed_by: string | null;
  last_error: string | null;
  smtp_response: string | null;
  sent_at: string | null;
  dead_at: string | null;
}

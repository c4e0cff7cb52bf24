import { createHash, createHmac, randomBytes } from 'node:crypto';
import { cleanText, fieldErrors, reportInputSchema, type FieldError, type ReportInput } from '../domain/report-input.ts';
import { IntakeError, type IntakeErrorKind } from '../domain/intake-error.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../domain/idempotency-key.ts';
import { reportDigest } from '../domain/report-digest.ts';
import { routeReport, type Routing } from '../domain/route-report.ts';
import { REPORT_STATUSES, statusOf } from '../domain/report-status.ts';
import { deadlinesFrom } from '../domain/deadlines.ts';
import { formatSecret, formatTrackingCode, normalizeSecret } from '../domain/tracking-code.ts';
import { hasContact, sealContact } from '../domain/contact-seal.ts';
import type { InspectedPhoto, ReceivedPhoto } from '../domain/photos.ts';
import { storageError } from '../domain/storage-error.ts';
import { DuplicateIdempotencyKey, DuplicateTrackingCode } from '../domain/store-errors.ts';
import type { ReportRow } from '../domain/records.ts';
import type { LeadSource } from '../domain/report-status.ts';
import type { NewChannel, NewEvent, NewOutboxRow } from './ports.ts';
import type { IntakeDeps, Receipt } from './intake-deps.ts';

/** A parsed request: text fields, photos already streamed to temp files, and the client's retry key. */
export interface Submission {
  fields: Readonly<Record<string, string>>;
  photos: readonly ReceivedPhoto[];
  /**
   * The client's retry key, already checked (at least 128 bits): the
   * island's Idempotency-Key, or the token of the no-script form it was served.
   * Undefined: every post is a new report.
   */
  idempotencyKey: string | undefined;
  /** Where the lead comes from: the public or the media through the form (default), or an office's own work. */
  source?: { kind: LeadSource; ref?: string | undefined; registeredBy?: string | undefined; routeTo?: string | undefined } | undefined;
  /** The Open311 client that filed it (its key), with what it sent that a report has no field for. */
  channel?: NewChannel | undefined;
}

/** The result, and whether anything was stored (a filled honeypot stores nothing). */
export interface SubmitResult {
  receipt: Receipt;
  stored: boolean;
  /** The lead's id in the store (undefined when nothing was stored). */
  leadId?: number | undefined;
}

/** SHA-256 of the secret as typed back (normalised); the only form in which it is kept. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(normalizeSecret(secret)).digest();
}

function drawSymbols(format: (bytes: Uint8Array) => string | undefined, seed?: Buffer): string {
  // Rejection sampling may need more bytes than one draw; a seeded draw is extended by counter.
  for (let round = 0; ; round += 1) {
    const bytes = seed ? createHmac('sha512', seed).update(String(round)).digest() : randomBytes(64);
    const symbols = format(bytes);
    if (symbols) return symbols;
  }
}

/**
 * What a retry must repeat: every validated field and every photo's bytes.
 * Keyed, so the store's copy tells nothing to someone who guesses a report's content.
 */
function contentFingerprint(deps: IntakeDeps, input: ReportInput, photos: readonly InspectedPhoto[]): string {
  return createHmac('sha256', deps.keys.current.key('secret'))
    .update(JSON.stringify([input, photos.map((p) => p.sha256)]))
    .digest('hex');
}

/**
 * The retry key bound to the content it came with. The same key with other
 * content is simply another submission: answering "this key is taken" would
 * tell a stranger that somebody used it.
 */
function boundKey(deps: IntakeDeps, key: string, fingerprint: string): string {
  return createHmac('sha256', deps.keys.current.key('secret')).update(`retry\0${key}\0${fingerprint}`).digest('hex');
}

/**
 * The secret for a submission: derived (HMAC under a server key) from its
 * bound retry key, so a retry from the same client gets the same secret back
 * while only its hash is stored; drawn at random when there is no key.
 */
function secretFor(deps: IntakeDeps, keyHash: string | null): string {
  const seed = keyHash === null ? undefined : createHmac('sha256', deps.keys.current.key('secret')).update(`secret\0${keyHash}`).digest();
  return drawSymbols(formatSecret, seed);
}

function officeOf(deps: IntakeDeps, code: string | null): { code: string; name: string } | null {
  const office = code === null ? undefined : deps.offices.find((o) => o.code === code);
  return office ? { code: office.code, name: office.name } : null;
}

function receiptOf(deps: IntakeDeps, row: Pick<ReportRow, 'tracking_code' | 'status' | 'office_code' | 'received_at'>, secret: string, photoHashes: readonly string[]): Receipt {
  return {
    trackingCode: row.tracking_code,
    secret,
    status: row.status,
    statusLabel: REPORT_STATUSES[row.status],
    office: officeOf(deps, row.office_code),
    receivedAt: row.received_at,
    photos: photoHashes.map((sha256) => ({ sha256 })),
  };
}

/** The status a set of errors answers with: a wrong photo type first, then size, then the rest. */
function kindOf(kinds: ReadonlySet<IntakeErrorKind>): IntakeErrorKind {
  for (const kind of ['unsupported-type', 'too-large', 'malformed'] as const) if (kinds.has(kind)) return kind;
  return 'invalid';
}

/** Checks every field and every photo (by the image worker); throws one error listing all faults. Stores nothing. */
export async function checkSubmission(deps: IntakeDeps, submission: Submission): Promise<void> {
  await validate(deps, submission);
}

/** Checks every field and every photo (by the image worker); throws one error listing all faults. */
async function validate(deps: IntakeDeps, submission: Submission): Promise<{ input: ReportInput; routing: Routing; photos: InspectedPhoto[] }> {
  const errors: FieldError[] = [];
  const kinds = new Set<IntakeErrorKind>();
  const parsed = reportInputSchema.safeParse(submission.fields);
  if (!parsed.success) {
    errors.push(...fieldErrors(parsed.error));
    kinds.add('invalid');
  }
  const faulty = new Set(errors.map((e) => e.field));

  const code = cleanText(submission.fields.category ?? '');
  const category = deps.categories.find((c) => c.code === code);
  if (code && !faulty.has('category')) {
    if (!category) errors.push({ field: 'category', code: 'unknown_category', message: '没有这个违法类型，请从列表中选择' });
    else if (!category.inScope) errors.push({ field: 'category', code: 'out_of_scope', message: category.redirect ?? '本渠道不受理此类事项' });
    if (!category || !category.inScope) kinds.add('invalid');
  }

  let routing: Routing = { kind: 'unrouted', desk: undefined, reason: 'no-point' };
  const lat = Number(submission.fields.lat);
  const lng = Number(submission.fields.lng);
  const hasPoint = (submission.fields.lat ?? '').trim() !== '' && (submission.fields.lng ?? '').trim() !== '';
  if (!faulty.has('lat') && !faulty.has('lng')) {
    routing = routeReport(hasPoint ? { lat, lng } : undefined, deps.offices);
    if (routing.kind === 'outside') {
      errors.push({
        field: 'lat',
        code: 'outside_area',
        message: `这个位置不在${deps.regionName}的管辖范围内，本平台无法受理。请拨打 ${deps.hotline} 自然资源违法举报电话，或向当地自然资源部门举报。`,
      });
      kinds.add('invalid');
    }
  }

  // All at once: the image worker checks several photos at a time. A refused photo's message
  // names its place in the form, in form order whatever order the checks end in.
  const checked = await Promise.allSettled(submission.photos.map((photo) => deps.photos.inspect(photo, 'photos')));
  const photos: InspectedPhoto[] = [];
  for (const [i, outcome] of checked.entries()) {
    if (outcome.status === 'fulfilled') {
      photos.push(outcome.value);
      continue;
    }
    const error: unknown = outcome.reason;
    if (!(error instanceof IntakeError)) throw error;
    kinds.add(error.kind);
    errors.push(...error.errors.map((e) => ({ ...e, message: `第 ${i + 1} 张照片：${e.message}` })));
  }

  if (errors.length > 0 || !parsed.success) throw new IntakeError(kindOf(kinds), errors);
  return { input: parsed.data, routing, photos };
}

function eventsFor(routing: Routing, category: string, digest: string, at: string): NewEvent[] {
  const received = { type: 'received' as const, data: { category, digest }, at };
  if (routing.kind === 'routed') return [received, { type: 'routed', data: { officeCode: routing.office.code, officeName: routing.office.name }, at }];
  const desk = routing.kind === 'unrouted' ? routing.desk : undefined;
  const reason = routing.kind === 'unrouted' ? routing.reason : 'no-county';
  return [received, { type: 'unrouted', data: { officeCode: desk?.code ?? null, officeName: desk?.name ?? null, reason }, at }];
}

/**
 * The answer to a bot that filled the honeypot: validated like any report (an
 * invalid one gets the same 422) and shaped like a real receipt — routed as the
 * point would be, its photos listed — but nothing is stored. With a retry key
 * the code and secret are derived from it, so a retry gets the same answer.
 */
function decoyReceipt(deps: IntakeDeps, routing: Routing, photos: readonly InspectedPhoto[], keyHash: string | null): SubmitResult {
  const seed = keyHash === null ? undefined : createHmac('sha256', deps.keys.current.key('secret')).update(`decoy\0${keyHash}`).digest();
  const status = statusOf(routing);
  return {
    receipt: receiptOf(
      deps,
      { tracking_code: drawSymbols(formatTrackingCode, seed), status, office_code: routing.kind === 'routed' ? routing.office.code : null, received_at: deps.now().toISOString() },
      secretFor(deps, keyHash),
      photos.map((p) => p.sha256),
    ),
    stored: false,
  };
}

/**
 * Takes a report: check everything (fields, routing, each photo in the image
 * worker), answer a retry by the same client with its first receipt, move the
 * sealed originals into the store (fsynced), then commit the report, its photo
 * records, contact, first timeline events and outbox row at once; the photos'
 * copies are made after the answer. Temp files are the caller's to discard.
 */
export async function submitReport(deps: IntakeDeps, submission: Submission): Promise<SubmitResult> {
  const validated = await validate(deps, submission);
  const { input, photos } = validated;
  // A lead an office registers from its own work, with no point, stays with that office.
  // A correction request (routeTo) goes to the office that published the decision.
  const registrar = deps.offices.find((o) => o.code === (submission.source?.routeTo ?? submission.source?.registeredBy) && o.role === 'county');
  const routing: Routing = validated.routing.kind === 'unrouted' && validated.routing.reason === 'no-point' && registrar ? { kind: 'routed', office: registrar } : validated.routing;
  const fingerprint = contentFingerprint(deps, input, photos);
  const keyHash = submission.idempotencyKey === undefined ? null : boundKey(deps, submission.idempotencyKey, fingerprint);
  if (cleanText(submission.fields.website ?? '') !== '') return decoyReceipt(deps, routing, photos, keyHash);

  const receivedAt = deps.now().toISOString();
  if (keyHash) {
    const earlier = await deps.store.byIdempotencyKeyHash(keyHash, receivedAt);
    if (earlier) return replay(deps, earlier, keyHash);
  }

  // The originals reach the disk (sealed, fsynced, content-addressed) before the commit; their copies are made after it.
  await deps.photos.keepOriginals(photos);

  const secret = secretFor(deps, keyHash);
  const status = statusOf(routing);
  const officeCode = routing.kind === 'routed' ? routing.office.code : null;
  const deadlines = officeCode ? deps.policy.deadlinesFor(officeCode) : undefined;
  const due = officeCode && deadlines ? deadlinesFrom(deps.policy.calendar, receivedAt, deadlines) : undefined;
  const source: LeadSource = submission.source?.kind ?? (input.journalist ? 'media' : 'public');
  // The lead goes by e-mail to its county office, or to the desk that assigns the unrouted ones.
  const recipient = officeCode ?? (routing.kind === 'unrouted' ? (routing.desk?.code ?? null) : null);
  const outbox: NewOutboxRow[] = recipient ? [{ kind: 'forward-lead', reportId: null, officeCode: recipient }] : [];
  const contact = {
    name: input.name,
    phone: input.phone,
    email: input.email,
    contactConsent: input.contactConsent,
    journalist: input.journalist,
    outlet: input.outlet,
  };
  const newPhotos = photos.map((p) => ({ sha256: p.sha256, bytes: p.bytes, type: p.type, exifSealed: deps.photos.sealExif(p) }));
  for (let attempt = 0; ; attempt += 1) {
    const trackingCode = drawSymbols(formatTrackingCode);
    const sealed = hasContact(contact) ? sealContact(contact, deps.keys.current.key('contact'), deps.keys.current.id, trackingCode) : undefined;
    const content = {
      trackingCode,
      category: input.category,
      description: input.description,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address ?? null,
      startedOn: input.startedOn ?? null,
      receivedAt,
      photos: photos.map((p) => p.sha256),
      contact: sealed !== undefined,
      channel: submission.channel,
    };
    const digest = reportDigest(content);
    const report = {
      tracking_code: trackingCode,
      secret_hash: hashSecret(secret),
      idempotency_key_hash: keyHash,
      idempotency_expires_at: keyHash ? new Date(Date.parse(receivedAt) + IDEMPOTENCY_WINDOW_MS).toISOString() : null,
      fingerprint: digest,
      category: content.category,
      description: content.description,
      lat: content.lat,
      lng: content.lng,
      address: content.address,
      started_on: content.startedOn,
      status,
      office_code: officeCode,
      routing: routing.kind === 'routed' ? ('county' as const) : routing.kind === 'unrouted' ? routing.reason : ('no-county' as const),
      photo_count: photos.length,
      received_at: receivedAt,
      source,
      source_ref: submission.source?.ref ?? null,
      registered_by: submission.source?.registeredBy ?? null,
      assigned_at: officeCode ? receivedAt : null,
      acknowledged_at: null,
      concluded_at: null,
      outcome: null,
      public_summary: null,
      supervised_at: null,
      acknowledge_by: due?.acknowledgeBy ?? null,
      conclude_by: due?.concludeBy ?? null,
    };
    try {
      const leadId = await deps.store.insert({ report, photos: newPhotos, contact: sealed, events: eventsFor(routing, input.category, digest, receivedAt), outbox, channel: submission.channel });
      if (photos.length > 0) deps.deriver.kick();
      return { receipt: receiptOf(deps, report, secret, content.photos), stored: true, leadId };
    } catch (error) {
      if (error instanceof DuplicateTrackingCode && attempt < 5) continue;
      if (error instanceof DuplicateIdempotencyKey && keyHash) {
        // A simultaneous retry of the same submission won the race: answer with its receipt.
        const earlier = await deps.store.byIdempotencyKeyHash(keyHash, receivedAt);
        if (earlier) return replay(deps, earlier, keyHash);
      }
      throw storageError(error);
    }
  }
}

async function replay(deps: IntakeDeps, row: ReportRow, keyHash: string): Promise<SubmitResult> {
  const photos = await deps.store.photos(row.id);
  return { receipt: receiptOf(deps, row, secretFor(deps, keyHash), photos.map((p) => p.original_sha256)), stored: true, leadId: row.id };
}

import { openContact } from '../domain/contact-seal.ts';
import type { KeyRing } from '../domain/keys.ts';
import { PermanentMailError, type MailMessage } from '../domain/mail-message.ts';
import type { OutboxRow } from '../domain/records.ts';
import { additionMail, alertMail, attachPhotos, dailySummary, deliveryAlert, leadMail, reporterNotice, type DailyFigures, type MailContext } from './compose-mail.ts';
import type { Clock, LeadChannel, LeadPolicy, LeadStore, LeadView, Mailer, Outbox, Tx } from './ports.ts';
import { createSemaphore } from './semaphore.ts';

/** An office as the outbox addresses it. */
export interface OfficeAddress {
  code: string;
  name: string;
  email: string;
  role: 'county' | 'desk';
}

export interface OfficeLinkMaker {
  leadUrl(officeCode: string, leadId: number, now: Date): Promise<string>;
  inboxUrl(officeCode: string, now: Date): Promise<string>;
}

export interface RetryPolicy {
  /** First wait after a transient failure; doubled after each further one (capped). */
  baseMs: number;
  capMs: number;
  /** A message still undelivered this long after it was queued is given up (dead). */
  giveUpMs: number;
}

export interface DeliveryDeps {
  outbox: Outbox;
  leads: LeadStore;
  mailer: Mailer;
  clock: Clock;
  keys: KeyRing;
  links: OfficeLinkMaker;
  mail: MailContext;
  policy: LeadPolicy;
  office(code: string | null): OfficeAddress | undefined;
  deskCode: string | undefined;
  adminEmail: string | undefined;
  copyPath(sha256: string): string;
  fileSize(path: string): number;
  /** The Open311 channel a lead came through, if one did. */
  channelOf(reportId: number, category: string): Promise<LeadChannel | undefined>;
  retry: RetryPolicy;
  log: { sent(row: OutboxRow, response: string): void; failed(row: OutboxRow, error: string, dead: boolean): void };
}

/** The wait before the next attempt: base × 2^(attempts − 1), capped (p-retry's rule; FixMyStreet retries after 5, then 30 minutes). */
export function backoffMs(attempts: number, retry: RetryPolicy): number {
  return Math.min(retry.capMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The contact of a lead, opened only for the office or the notice that may use it. */
function contactOf(deps: DeliveryDeps, lead: LeadView) {
  if (!lead.contact) return undefined;
  const key = deps.keys.byId(lead.contact.keyId)?.key('contact');
  return key ? openContact(lead.contact, key, lead.report.tracking_code) : undefined;
}

/** The message a row stands for, or undefined when there is nobody to send it to (it is then done). */
async function compose(deps: DeliveryDeps, row: OutboxRow, lead: LeadView | undefined): Promise<MailMessage | undefined> {
  const now = deps.clock.now();
  const payload = (row.payload ? JSON.parse(row.payload) : {}) as Record<string, unknown>;
  const office = deps.office(row.office_code);
  switch (row.kind) {
    case 'forward-lead': {
      if (!lead || !office) return undefined;
      const { attachments, left, unreadable } = attachPhotos(deps.mail, lead.photos.filter((p) => p.addition_id === null), deps.copyPath, deps.fileSize);
      const conclude = lead.report.conclude_by;
      return leadMail(deps.mail, {
        report: lead.report,
        photos: lead.photos.filter((p) => p.addition_id === null),
        contact: contactOf(deps, lead),
        to: office.email,
        messageId: row.message_id,
        leadUrl: await deps.links.leadUrl(office.code, lead.report.id, now),
        inboxUrl: await deps.links.inboxUrl(office.code, now),
        attachments,
        photosLeft: left,
        photosUnreadable: unreadable,
        deadlinesCertain: !conclude || deps.policy.calendar.isYearPublished(Number(conclude.slice(0, 4))),
        channel: await deps.channelOf(lead.report.id, lead.report.category),
      });
    }
    case 'info-added': {
      const addition = lead?.additions.find((a) => a.id === payload.additionId);
      if (!lead || !office || !addition) return undefined;
      const { attachments } = attachPhotos(deps.mail, lead.photos.filter((p) => p.addition_id === addition.id), deps.copyPath, deps.fileSize);
      return additionMail(deps.mail, { report: lead.report, addition, to: office.email, messageId: row.message_id, leadUrl: await deps.links.leadUrl(office.code, lead.report.id, now), attachments });
    }
    case 'reporter-notice': {
      const contact = lead ? contactOf(deps, lead) : undefined;
      if (!lead || !contact?.contactConsent || !contact.email) return undefined;
      return reporterNotice(deps.mail, { report: lead.report, to: contact.email, messageId: row.message_id });
    }
    case 'reminder':
    case 'escalation': {
      if (!lead || !office) return undefined;
      const kind = row.kind === 'escalation' ? 'escalate' : payload.supervised ? 'supervised' : 'remind';
      const stage = payload.stage === 'acknowledge' ? 'acknowledge' : 'conclude';
      return alertMail(deps.mail, { kind, stage, daysLate: Number(payload.daysLate ?? 0), report: lead.report, to: office.email, messageId: row.message_id, leadUrl: await deps.links.leadUrl(office.code, lead.report.id, now) });
    }
    case 'admin-alert': {
      if (!deps.adminEmail) return undefined;
      return deliveryAlert(deps.mail, {
        to: deps.adminEmail,
        messageId: row.message_id,
        failed: payload.failed as { kind: string; reportCode: string | null; office: string | null; error: string; attempts: number },
        deskUrl: deps.deskCode ? await deps.links.inboxUrl(deps.deskCode, now) : deps.mail.publicUrl,
      });
    }
    case 'daily-summary': {
      if (!deps.adminEmail) return undefined;
      return dailySummary(deps.mail, { to: deps.adminEmail, messageId: row.message_id, figures: payload.figures as DailyFigures, deskUrl: deps.deskCode ? await deps.links.inboxUrl(deps.deskCode, now) : deps.mail.publicUrl });
    }
  }
}

/** After a send: the row done, and the lead's record says so. */
async function recordSent(deps: DeliveryDeps, tx: Tx, row: OutboxRow, messageId: string, response: string, at: string): Promise<void> {
  await deps.outbox.markSent(tx, row.id, at, response);
  if (row.report_id === null) return;
  if (row.kind === 'forward-lead' || row.kind === 'info-added') {
    await deps.leads.record(tx, row.report_id, [{ type: 'sent', data: { kind: row.kind, officeCode: row.office_code, messageId }, at }]);
  } else if (row.kind === 'reporter-notice') {
    await deps.leads.record(tx, row.report_id, [{ type: 'reporter-notified', data: { messageId }, at }]);
  }
}

/**
 * A failed send: a transient failure is tried again later (capped
 * exponential back-off); a permanent one, or one still failing after
 * `giveUpMs`, is dead — recorded on the lead, shown on the desk's page, and the
 * administrator alerted (unless what failed was itself an alert).
 */
async function recordFailure(deps: DeliveryDeps, row: OutboxRow, lead: LeadView | undefined, error: unknown): Promise<'retried' | 'dead'> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const text = error instanceof Error ? error.message : String(error);
  const dead = error instanceof PermanentMailError || now.getTime() - Date.parse(row.created_at) >= deps.retry.giveUpMs;
  deps.log.failed(row, text, dead);
  await deps.leads.write(async (tx) => {
    if (dead) {
      await deps.outbox.markDead(tx, row.id, text, at);
      if (row.report_id !== null) await deps.leads.record(tx, row.report_id, [{ type: 'delivery-dead', data: { kind: row.kind, officeCode: row.office_code, error: text }, at }]);
      if (row.kind !== 'admin-alert' && row.kind !== 'daily-summary' && deps.adminEmail) {
        const failed = { kind: row.kind, reportCode: lead?.report.tracking_code ?? null, office: row.office_code, error: text, attempts: row.attempts };
        await deps.leads.queue(tx, [{ kind: 'admin-alert', reportId: row.report_id, officeCode: null, payload: { failed }, dedupeKey: `alert:${row.id}` }], at);
      }
    } else {
      await deps.outbox.markFailed(tx, row.id, text, new Date(now.getTime() + backoffMs(row.attempts, deps.retry)).toISOString());
      if (row.attempts === 1 && row.report_id !== null) await deps.leads.record(tx, row.report_id, [{ type: 'delivery-failed', data: { kind: row.kind, officeCode: row.office_code, error: text }, at }]);
    }
  });
  return dead ? 'dead' : 'retried';
}

/** Sends one claimed row: compose, send, record — or record the failure. */
async function deliverOne(deps: DeliveryDeps, row: OutboxRow): Promise<'sent' | 'retried' | 'dead' | 'skipped'> {
  const lead = row.report_id === null ? undefined : await deps.leads.lead(row.report_id);
  const message = await compose(deps, row, lead);
  const at = () => deps.clock.now().toISOString();
  if (!message) {
    await deps.leads.write((tx) => deps.outbox.markSent(tx, row.id, at(), 'nothing to send'));
    return 'skipped';
  }
  let result;
  try {
    result = await deps.mailer.send(message);
  } catch (error) {
    return recordFailure(deps, row, lead, error);
  }
  deps.log.sent(row, result.response);
  await deps.leads.write((tx) => recordSent(deps, tx, row, result.messageId, result.response, at()));
  return 'sent';
}

/**
 * One round of the outbox: claims what is due (claimed rows are this
 * process's for a lease; a crash leaves them to be claimed again and re-sent
 * under the same Message-ID) and sends them, a few at a time.
 */
export async function deliverDue(deps: DeliveryDeps, limit = 20, parallel = 4): Promise<Record<'sent' | 'retried' | 'dead' | 'skipped', number>> {
  const counts = { sent: 0, retried: 0, dead: 0, skipped: 0 };
  const rows = await deps.outbox.claimDue(deps.clock.now().toISOString(), limit);
  // A few at a time over the mailer's pooled connections: each send mostly waits on the mail server.
  const send = createSemaphore(parallel);
  await Promise.all(rows.map((row) => send(async () => void (counts[await deliverOne(deps, row)] += 1))));
  return counts;
}

/**
 * While messages wait out their back-off after the mail server failed, one of
 * them is tried early, every so often (a circuit breaker's half-open probe):
 * when it goes through, the server is back and every deferred message is made
 * due at once, so the queue drains in seconds rather than at the end of the
 * longest back-off.
 */
export async function probeDeferred(deps: DeliveryDeps): Promise<boolean> {
  const row = await deps.outbox.claimProbe(deps.clock.now().toISOString());
  if (!row) return false;
  const outcome = await deliverOne(deps, row);
  if (outcome === 'sent') await deps.outbox.releaseDeferred(deps.clock.now().toISOString());
  return outcome === 'sent';
}

import { workingDaysLate } from '../domain/deadlines.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import type { DailyFigures } from './compose-mail.ts';
import type { Clock, LeadPolicy, LeadStore, Outbox } from './ports.ts';

export interface DeadlineDeps {
  leads: LeadStore;
  outbox: Pick<Outbox, 'dead'>;
  clock: Clock;
  policy: LeadPolicy;
  deskCode: string | undefined;
  officeName(code: string | null): string;
  chainHead(): Promise<{ events: number; head: string }>;
  adminEmail: string | undefined;
}

/**
 * Presses leads that passed a deadline. The day after a lead's deadline (a
 * working day) its office gets a reminder; once it is `escalateAfter` working
 * days late, the desk gets an escalation (督办). Each is made once per lead,
 * stage and office, recorded on the timeline, and mailed.
 */
export async function checkDeadlines(deps: DeadlineDeps): Promise<{ reminded: number; escalated: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = todayInChina(now);
  let reminded = 0;
  let escalated = 0;
  for (const lead of await deps.leads.overdue(today)) {
    if (!lead.office_code) continue;
    const stage = lead.acknowledged_at === null && lead.acknowledge_by !== null && lead.acknowledge_by < today ? 'acknowledge' : 'conclude';
    const due = stage === 'acknowledge' ? lead.acknowledge_by : lead.conclude_by;
    if (!due) continue;
    const late = workingDaysLate(deps.policy.calendar, due, now);
    const office = lead.office_code;
    const escalateAfter = deps.policy.deadlinesFor(office).escalateAfterWorkingDays;
    if (late >= 1) {
      await deps.leads.write(async (tx) => {
        if (!(await deps.leads.noteAlert(tx, lead.id, `remind-${stage}`, office, at))) return;
        await deps.leads.record(tx, lead.id, [{ type: 'reminded', data: { stage, officeCode: office, daysLate: late }, at }]);
        await deps.leads.queue(tx, [{ kind: 'reminder', reportId: lead.id, officeCode: office, payload: { stage, daysLate: late } }], at);
        reminded += 1;
      });
    }
    if (late >= 1 + escalateAfter && deps.deskCode) {
      const desk = deps.deskCode;
      await deps.leads.write(async (tx) => {
        if (!(await deps.leads.noteAlert(tx, lead.id, `escalate-${stage}`, office, at))) return;
        await deps.leads.record(tx, lead.id, [{ type: 'escalated', data: { stage, officeCode: office, daysLate: late, to: desk }, at }]);
        await deps.leads.queue(tx, [{ kind: 'escalation', reportId: lead.id, officeCode: desk, payload: { stage, daysLate: late } }], at);
        escalated += 1;
      });
    }
  }
  return { reminded, escalated };
}

/** Hour (China time) after which the day's summary goes to the administrator. */
export const SUMMARY_HOUR = 8;

/**
 * Once a day, from 08:00 China time: the day's figures and the record's head
 * to ADMIN_EMAIL (an anchor of the record kept outside the server). Queued
 * under the day's key, so a restart never sends two.
 */
export async function queueDailySummary(deps: DeadlineDeps): Promise<boolean> {
  if (!deps.adminEmail) return false;
  const now = deps.clock.now();
  const china = new Date(now.getTime() + 8 * 3600_000);
  if (china.getUTCHours() < SUMMARY_HOUR) return false;
  const date = todayInChina(now);
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const counts = await deps.leads.counts(since, date);
  const overdue = (await deps.leads.overdue(date)).map((lead) => {
    const stage = lead.acknowledged_at === null && lead.acknowledge_by !== null && lead.acknowledge_by < date ? '签收' : '办结';
    const due = stage === '签收' ? lead.acknowledge_by : lead.conclude_by;
    return { code: lead.tracking_code, office: deps.officeName(lead.office_code), stage, daysLate: due ? workingDaysLate(deps.policy.calendar, due, now) : 0 };
  });
  const figures: DailyFigures = { date, received: counts.received, open: counts.open, overdue, dead: (await deps.outbox.dead(1000)).length, chain: await deps.chainHead() };
  await deps.leads.write((tx) => deps.leads.queue(tx, [{ kind: 'daily-summary', reportId: null, officeCode: null, payload: { figures }, dedupeKey: `summary:${date}` }], now.toISOString()));
  return true;
}

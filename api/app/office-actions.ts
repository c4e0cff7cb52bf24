import { openContact } from '../domain/contact-seal.ts';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import type { KeyRing } from '../domain/keys.ts';
import { assignInputSchema, noteInputSchema, resultInputSchema } from '../domain/office-input.ts';
import { fieldErrors } from '../domain/report-input.ts';
import { outcomesFor } from '../domain/report-status.ts';
import type { Clock, LeadStore, LeadView, NewEvent, NewOutboxRow, Tx } from './ports.ts';

/** Who acts: an office, from the link it was sent. The desk (role `desk`) may act on every lead. */
export interface Actor {
  officeCode: string;
  role: 'county' | 'desk';
}

export interface OfficeDeps {
  leads: LeadStore;
  clock: Clock;
  keys: KeyRing;
  offices: readonly { code: string; name: string; role: 'county' | 'desk' }[];
}

const notFound = () => fieldError('not-found', '', 'not_found', '没有这条线索，或它不属于本单位。');

/** The lead if the actor may see it: its own office's, or any for the desk. Another office's lead looks like none at all. */
export async function leadFor(deps: OfficeDeps, actor: Actor, leadId: number): Promise<LeadView> {
  const lead = await deps.leads.lead(leadId);
  if (!lead || (actor.role !== 'desk' && lead.report.office_code !== actor.officeCode)) throw notFound();
  return lead;
}

function invalid(error: import('zod').ZodError): IntakeError {
  return new IntakeError('invalid', fieldErrors(error));
}

/** A notice to the reporter, queued only if they consented and left an e-mail. */
function reporterNotice(deps: OfficeDeps, lead: LeadView): NewOutboxRow[] {
  const sealed = lead.contact;
  const key = sealed ? deps.keys.byId(sealed.keyId)?.key('contact') : undefined;
  const contact = sealed && key ? openContact(sealed, key, lead.report.tracking_code) : undefined;
  return contact?.contactConsent && contact.email ? [{ kind: 'reporter-notice', reportId: lead.report.id, officeCode: null }] : [];
}

async function recordWith(deps: OfficeDeps, lead: LeadView, events: NewEvent[], outbox: (tx: Tx) => NewOutboxRow[] = () => []): Promise<void> {
  await deps.leads.write(async (tx) => {
    await deps.leads.record(tx, lead.report.id, events);
    await deps.leads.queue(tx, outbox(tx), events[0]?.at ?? deps.clock.now().toISOString());
  });
}

/** 签收. Acknowledging twice (a double click, a second officer) changes nothing. */
export async function acknowledgeLead(deps: OfficeDeps, actor: Actor, leadId: number): Promise<void> {
  const lead = await leadFor(deps, actor, leadId);
  if (lead.report.acknowledged_at !== null || lead.report.office_code === null) return;
  const at = deps.clock.now().toISOString();
  await recordWith(deps, lead, [{ type: 'acknowledged', data: { officeCode: lead.report.office_code, by: actor.officeCode }, at }], () => reporterNotice(deps, lead));
}

/**
 * 核查结果: 核查中, or an outcome with what it requires (a case number, the
 * body referred to, the other lead, the departments copied). Every result has
 * a public summary; the reporter is told of an outcome.
 */
export async function recordResult(deps: OfficeDeps, actor: Actor, leadId: number, fields: Record<string, unknown>): Promise<void> {
  const parsed = resultInputSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  const lead = await leadFor(deps, actor, leadId);
  if (lead.report.office_code === null) throw fieldError('invalid', 'outcome', 'not_assigned', '这条线索还没有分派给承办单位，请先分派。');
  if (input.outcome !== 'verifying' && !outcomesFor(lead.report.source).includes(input.outcome)) {
    throw fieldError('invalid', 'outcome', 'outcome_not_for_source', '这个核查结果不适用于这一来源的线索，请重新选择');
  }
  if (input.duplicateOf) {
    const other = await deps.leads.leadByCode(input.duplicateOf);
    if (!other || other.id === lead.report.id) throw fieldError('invalid', 'duplicateOf', 'unknown_lead', '没有这个查询码的另一条线索');
  }
  const at = deps.clock.now().toISOString();
  const outcome = input.outcome === 'verifying' ? undefined : input.outcome;
  const data = {
    officeCode: lead.report.office_code,
    by: actor.officeCode,
    ...(outcome ? { outcome } : {}),
    summary: input.summary,
    ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}),
    ...(input.referral ? { referral: input.referral } : {}),
    ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
    ...(input.departments.length ? { departments: input.departments } : {}),
  };
  await recordWith(deps, lead, [{ type: 'result', data, at }], () => (outcome ? reporterNotice(deps, lead) : []));
}

/** A note only offices see. */
export async function addNote(deps: OfficeDeps, actor: Actor, leadId: number, fields: Record<string, unknown>): Promise<void> {
  const parsed = noteInputSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  const lead = await leadFor(deps, actor, leadId);
  await recordWith(deps, lead, [{ type: 'note', data: { by: actor.officeCode, note: parsed.data.note }, at: deps.clock.now().toISOString() }]);
}

/** The desk assigns a lead to a county office (from its unrouted queue, or away from an office); the lead is sent there. */
export async function assignLead(deps: OfficeDeps, actor: Actor, leadId: number, fields: Record<string, unknown>): Promise<void> {
  if (actor.role !== 'desk') throw fieldError('forbidden', '', 'desk_only', '只有市级执法监察机构可以分派线索。');
  const parsed = assignInputSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  const office = deps.offices.find((o) => o.code === parsed.data.officeCode && o.role === 'county');
  if (!office) throw fieldError('invalid', 'officeCode', 'unknown_office', '请选择一个区县自然资源局');
  const lead = await leadFor(deps, actor, leadId);
  if (lead.report.office_code === office.code) return;
  await recordWith(deps, lead, [{ type: 'assigned', data: { officeCode: office.code, officeName: office.name, by: actor.officeCode }, at: deps.clock.now().toISOString() }], () => [
    { kind: 'forward-lead', reportId: lead.report.id, officeCode: office.code },
  ]);
}

/** 挂牌督办: the desk supervises a lead; the office is told, and the public list shows it. */
export async function superviseLead(deps: OfficeDeps, actor: Actor, leadId: number): Promise<void> {
  if (actor.role !== 'desk') throw fieldError('forbidden', '', 'desk_only', '只有市级执法监察机构可以挂牌督办。');
  const lead = await leadFor(deps, actor, leadId);
  if (lead.report.supervised_at !== null) return;
  await recordWith(deps, lead, [{ type: 'supervised', data: { by: actor.officeCode, officeCode: lead.report.office_code }, at: deps.clock.now().toISOString() }], () =>
    lead.report.office_code ? [{ kind: 'reminder', reportId: lead.report.id, officeCode: lead.report.office_code, payload: { supervised: true }, dedupeKey: `supervised:${lead.report.id}` }] : [],
  );
}

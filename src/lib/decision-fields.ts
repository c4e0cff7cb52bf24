import { PENALTY_LABEL } from './decision-labels.ts';
import type { Decision } from './content/load-decisions.ts';
import type { WorkingCalendar } from './working-days.ts';
import { workingDaysBetween } from './working-days.ts';
import { toWanYuan } from './format.ts';
import { articleLabel } from './article-label.ts';

export { PENALTY_LABEL, ORDER_LABEL, CREDIT_CLASS_LABEL } from './decision-labels.ts';

export const PARTY_KIND_LABEL = {
  'legal-person': '法人及非法人组织',
  'individual-business': '个体工商户',
  'natural-person': '自然人',
} as const;

export const STATUS_LABEL = { 'in-force': '生效', executed: '执行完毕', withdrawn: '已撤回' } as const;

export const EXECUTION_LABEL = {
  'not-started': '尚未执行',
  'in-progress': '执行中',
  completed: '执行完毕',
  court: '已申请人民法院强制执行',
} as const;

export const AREA_LABEL = {
  basicFarmland: '永久基本农田',
  farmland: '耕地',
  otherAgricultural: '其他农用地',
  construction: '建设用地',
  unused: '未利用地',
} as const;

/** The statutory publication period: within 7 working days of the decision (国办发〔2018〕118号). */
export const PUBLICATION_LIMIT_WORKING_DAYS = 7;

/** Total fines in 元 (CF_NR_FK is this in 万元). */
export function totalFine(d: Pick<Decision, 'penalties'>): number {
  return d.penalties.filter((p) => p.kind === 'fine').reduce((sum, p) => sum + (p.amount ?? 0), 0);
}

/** Total confiscated, income and property, in 元 (CF_NR_WFFF is this in 万元). */
export function totalConfiscated(d: Pick<Decision, 'penalties'>): number {
  return d.penalties
    .filter((p) => p.kind === 'confiscate-income' || p.kind === 'confiscate-property')
    .reduce((sum, p) => sum + (p.amount ?? 0), 0);
}

/** Total area involved in m². */
export function totalArea(d: Pick<Decision, 'area'>): number {
  return Object.values(d.area).reduce((sum: number, v) => sum + (v ?? 0), 0);
}

/** Distinct penalty labels in order (CF_CFLB): penalties only, never correction orders. */
export function penaltyCategories(d: Pick<Decision, 'penalties'>): string[] {
  return [...new Set(d.penalties.map((p) => PENALTY_LABEL[p.kind]))];
}

/** Working days from decision to publication, and whether it was late. */
export function publicationLag(calendar: WorkingCalendar, d: Pick<Decision, 'decidedOn' | 'publishedOn'>) {
  const { days, certain } = workingDaysBetween(calendar, d.decidedOn, d.publishedOn);
  return { days, certain, late: days > PUBLICATION_LIMIT_WORKING_DAYS };
}

/** The 双公示 fields of a decision, amounts in 万元 as the standard wants. */
export function toCreditFields(d: Pick<Decision, 'docNo' | 'facts' | 'basis' | 'penalties' | 'orders' | 'decidedOn' | 'validUntil' | 'displayUntil' | 'party'>, authority: { name: string; creditCode: string }, categoryName: string) {
  const licences = d.penalties.flatMap((p) => (p.licence ? [p.licence] : []));
  return {
    CF_WSH: d.docNo,
    CF_WFXW: categoryName,
    CF_SY: d.facts.join('\n'),
    CF_YJ: d.basis.map((b) => articleLabel(b)).join('；'),
    CF_CFLB: penaltyCategories(d).join(';'),
    CF_NR: [...d.penalties.map((p) => p.text), ...d.orders.map((o) => o.text)].join('；'),
    CF_NR_FK: toWanYuan(totalFine(d)),
    CF_NR_WFFF: toWanYuan(totalConfiscated(d)),
    CF_NR_ZKDX: licences.join(';'),
    CF_JDRQ: d.decidedOn,
    CF_YXQ: d.validUntil ?? '',
    CF_GSJZQ: d.displayUntil,
    CF_CFJG: authority.name,
    CF_CFJGDM: authority.creditCode,
    CF_XDR_MC: d.party.name,
    CF_XDR_LB: PARTY_KIND_LABEL[d.party.kind],
    CF_XDR_SHXYM: d.party.kind === 'natural-person' ? '' : d.party.creditCode,
    CF_FRDB: d.party.kind === 'legal-person' ? d.party.legalRepresentative : '',
  };
}

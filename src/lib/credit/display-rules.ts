import type { CreditClass } from '../../schemas/decision.ts';
import { addMonths } from '../dates.ts';

/** The bounds of a display period, in months from the decision date. */
export interface DisplayBounds {
  minMonths: number;
  maxMonths: number;
}

/** One regime of credit-publicity rules, by the date the decision was made. */
export interface DisplayRegime {
  /** First decision date the regime governs. */
  from: string;
  /** Last decision date, when a later regime replaced it. */
  to?: string;
  /** The rule, as cited on the pages. */
  source: string;
  /** Bounds per class; a class the regime lacks cannot be used under it. */
  bounds: Partial<Record<CreditClass, DisplayBounds>>;
  /** What the regime says of the class beyond its bounds. */
  notes: string[];
}

/**
 * Display periods (公示期限) of penalty information, from the decision date.
 * 2023: 失信行为纠正后的信用信息修复管理办法（试行）(国家发展改革委令2023年第58号,
 * in force 2023-05-01): 一般失信 3 months to 1 year, 严重失信 1 to 3 years.
 * 2026: 信用修复管理办法 (国家发展改革委, adopted 2025-11-19, in force
 * 2026-04-01, repealing the 2023 measures): three classes; 轻微 in principle
 * not published, at most 3 months where the sector authority finds it
 * necessary; 一般 3 months to 1 year; 严重 1 to 3 years; the period counts from
 * the day the document found the violation; a repair is possible once the
 * minimum has run, and the information stops at the maximum.
 */
export const DISPLAY_REGIMES: readonly DisplayRegime[] = [
  {
    from: '2023-05-01',
    to: '2026-03-31',
    source: '《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号，2023年5月1日起施行）',
    bounds: { general: { minMonths: 3, maxMonths: 12 }, serious: { minMonths: 12, maxMonths: 36 } },
    notes: ['涉及一般失信行为的行政处罚信息公示期最短3个月、最长1年；涉及严重失信行为的最短1年、最长3年。'],
  },
  {
    from: '2026-04-01',
    source: '《信用修复管理办法》（国家发展改革委，2025年11月19日委务会议审议通过，2026年4月1日起施行）',
    bounds: { minor: { minMonths: 0, maxMonths: 3 }, general: { minMonths: 3, maxMonths: 12 }, serious: { minMonths: 12, maxMonths: 36 } },
    notes: [
      '轻微失信信息原则上不予公示；行业主管部门认为确有必要公示的，公示期最长不超过3个月。',
      '一般失信信息最短公示期3个月、最长1年；严重失信信息最短1年、最长3年；公示期自行政公务文书认定之日起计算。',
      '最短公示期届满后，信用主体可以申请信用修复；最长公示期届满后自动停止公示。',
    ],
  },
];

/** The regime that governs a decision of this date, if any. */
export function regimeFor(decidedOn: string): DisplayRegime | undefined {
  return DISPLAY_REGIMES.find((r) => r.from <= decidedOn && (r.to === undefined || decidedOn <= r.to));
}

export type DisplayCheck =
  | { ok: true; regime: DisplayRegime; earliest: string; latest: string; repairFrom: string }
  | { ok: false; expected: string; field: 'creditClass' | 'displayUntil' | 'creditRepair.date' };

/** Whether a decision's 公示截止期 (and repair) fits the bounds of its credit class. */
export function checkDisplayPeriod(d: { decidedOn: string; creditClass: CreditClass; displayUntil: string; creditRepair?: { date: string } | undefined }): DisplayCheck {
  const regime = regimeFor(d.decidedOn);
  if (!regime) return { ok: false, field: 'creditClass', expected: `expected a decision date under a known credit-publicity regime (from ${DISPLAY_REGIMES[0]?.from})` };
  const bounds = regime.bounds[d.creditClass];
  if (!bounds) {
    return { ok: false, field: 'creditClass', expected: `expected a class the rules in force on ${d.decidedOn} know (${Object.keys(regime.bounds).join(', ')}): ${regime.source}` };
  }
  const earliest = addMonths(d.decidedOn, bounds.minMonths);
  const latest = addMonths(d.decidedOn, bounds.maxMonths);
  if (d.displayUntil < earliest || d.displayUntil > latest) {
    return { ok: false, field: 'displayUntil', expected: `expected a date from ${earliest} to ${latest}: ${bounds.minMonths}–${bounds.maxMonths} months from decidedOn for the class ${d.creditClass} (${regime.source}); got ${d.displayUntil}` };
  }
  if (d.creditRepair && d.creditRepair.date < earliest) {
    return { ok: false, field: 'creditRepair.date', expected: `expected a repair on or after ${earliest}, once the minimum period of the class ${d.creditClass} has run (${regime.source})` };
  }
  return { ok: true, regime, earliest, latest, repairFrom: earliest };
}

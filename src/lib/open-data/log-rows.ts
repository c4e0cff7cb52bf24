import type { Decision } from '../content/load-decisions.ts';
import { addDays } from '../dates.ts';
import { withdrawalLag } from '../decision-deadlines.ts';
import { decisionPath } from '../decision-slug.ts';
import { getCalendar, getContent, officeName, sortNewestFirst, visibilityOf } from '../site-data.ts';

// The records of decisions that left the site, as data: when and why, never
// what they said (a withdrawn or expired decision is no longer published).

export function withdrawnRow(d: Decision, siteUrl: string) {
  const w = d.withdrawal;
  if (!w) throw new Error(`Expected a withdrawal record for ${d.docNo}.`);
  const lag = withdrawalLag(getCalendar(), w);
  return {
    docNo: d.docNo,
    authority: d.authority,
    authorityName: officeName(d.authority),
    decidedOn: d.decidedOn,
    revokedOn: w.revokedOn,
    revokedBy: w.revokedBy,
    takenDownOn: w.takenDownOn,
    takenDownWorkingDays: lag.days,
    late: lag.late,
    reason: w.reason,
    url: new URL(decisionPath(d.docNo), siteUrl).href,
  };
}
export type WithdrawnRow = ReturnType<typeof withdrawnRow>;

export function endedRow(d: Decision, siteUrl: string) {
  const repaired = visibilityOf(d) === 'repaired' && d.creditRepair;
  return {
    docNo: d.docNo,
    authority: d.authority,
    authorityName: officeName(d.authority),
    decidedOn: d.decidedOn,
    displayUntil: d.displayUntil,
    endedOn: repaired ? d.creditRepair!.date : addDays(d.displayUntil, 1),
    reason: repaired ? ('repaired' as const) : ('expired' as const),
    basis: repaired ? d.creditRepair!.basis : '',
    url: new URL(decisionPath(d.docNo), siteUrl).href,
  };
}
export type EndedRow = ReturnType<typeof endedRow>;

/** Withdrawn decisions, the latest taken down first. */
export function withdrawnDecisions(): Decision[] {
  return sortNewestFirst(getContent().decisions.filter((d) => visibilityOf(d) === 'withdrawn')).sort((a, b) => (b.withdrawal?.takenDownOn ?? '').localeCompare(a.withdrawal?.takenDownOn ?? ''));
}

/** Decisions whose display ended (expired or repaired), the latest ended first. */
export function endedDecisions(siteUrl: string): EndedRow[] {
  return getContent()
    .decisions.filter((d) => visibilityOf(d) === 'expired' || visibilityOf(d) === 'repaired')
    .map((d) => endedRow(d, siteUrl))
    .sort((a, b) => b.endedOn.localeCompare(a.endedOn) || b.docNo.localeCompare(a.docNo));
}

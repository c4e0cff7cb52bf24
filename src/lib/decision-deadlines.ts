import type { Decision } from './content/load-decisions.ts';
import { addDays, daysBetween } from './dates.ts';
import { workingDaysBetween, type WorkingCalendar } from './working-days.ts';

/** 行政处罚法 2021 art. 48 ¶2: a revoked decision is withdrawn within 3 days, working days by art. 85. */
export const WITHDRAWAL_LIMIT_WORKING_DAYS = 3;

/** Working days from the revoking decision to the take-down, and whether that was too late. */
export function withdrawalLag(calendar: WorkingCalendar, w: NonNullable<Decision['withdrawal']>) {
  const { days, certain } = workingDaysBetween(calendar, w.revokedOn, w.takenDownOn);
  return { days, certain, late: days > WITHDRAWAL_LIMIT_WORKING_DAYS };
}

/** 行政处罚法 2021 art. 60: a decision within 90 days of 立案, unless a law, regulation or rule provides otherwise. */
export const CASE_LIMIT_DAYS = 90;

/**
 * Days from 立案 to the decision against the limit: 90 days, plus an approved
 * extension, plus periods not counted (鉴定、听证、公告…), as the
 * 自然资源行政处罚办法 (2024) allows.
 */
export function caseDuration(d: Pick<Decision, 'filedOn' | 'decidedOn' | 'caseLimit'>) {
  const days = daysBetween(d.filedOn, d.decidedOn);
  const extended = d.caseLimit?.extendedDays ?? 0;
  const excluded = (d.caseLimit?.excluded ?? []).reduce((s, e) => s + e.days, 0);
  const limit = CASE_LIMIT_DAYS + extended + excluded;
  return { days, limit, extended, excluded, dueBy: addDays(d.filedOn, limit), late: days > limit };
}

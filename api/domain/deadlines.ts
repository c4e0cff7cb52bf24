import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../src/lib/working-days.ts';
import { todayInChina } from '../../src/lib/dates.ts';

/**
 * How long an office has for a lead, in working days (the State Council's
 * arrangement, with 调休), counted from the day it reached the office (that
 * day not counted, as 行政处罚法 art. 85 counts periods). No statute sets
 * these limits for a lead: they are local practice (12336 practice: register
 * within 1 working day, dispatch within 2), set in content/site.yaml and per
 * office, and the public pages say so.
 */
export interface DeadlinePolicy {
  acknowledgeWithinWorkingDays: number;
  concludeWithinWorkingDays: number;
  /** A lead still overdue this many working days after a deadline is escalated to the desk. */
  escalateAfterWorkingDays: number;
}

export interface Deadlines {
  /** The last day (China time) to acknowledge. */
  acknowledgeBy: string;
  /** The last day to conclude. */
  concludeBy: string;
  /** False when a year on the way has no published holiday arrangement yet: the dates may move. */
  certain: boolean;
}

/** The deadlines of a lead that reached its office at `assignedAt` (ISO time). */
export function deadlinesFrom(calendar: WorkingCalendar, assignedAt: string, policy: DeadlinePolicy): Deadlines {
  const day = todayInChina(new Date(assignedAt));
  const ack = addWorkingDays(calendar, day, policy.acknowledgeWithinWorkingDays);
  const conclude = addWorkingDays(calendar, day, policy.concludeWithinWorkingDays);
  return { acknowledgeBy: ack.date, concludeBy: conclude.date, certain: ack.certain && conclude.certain };
}

/** Working days past a deadline on the day of `now` (0 when not past it). */
export function workingDaysLate(calendar: WorkingCalendar, due: string, now: Date): number {
  return workingDaysBetween(calendar, due, todayInChina(now)).days;
}

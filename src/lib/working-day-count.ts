import { addDays } from './dates.ts';

/**
 * A working-day calendar: which dates are working days and which years have a
 * published holiday arrangement. Kept free of the calendar library so that the
 * browser can count with compact data (see lib/procedures/compact-calendar).
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** True when the year's official arrangement is known. */
  isYearPublished(year: number): boolean;
}

/** A date counted in working days, and whether every year it crossed was published. */
export interface WorkingDayResult {
  date: string;
  /** False when a year on the way has no published arrangement: the date may move. */
  certain: boolean;
}

/**
 * The date `n` working days after `start` (行政处罚法 art. 85: the day of the
 * event is not counted; the period ends on the n-th working day after it).
 */
export function addWorkingDays(calendar: WorkingCalendar, start: string, n: number): WorkingDayResult {
  let date = start;
  let certain = calendar.isYearPublished(Number(start.slice(0, 4)));
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (!calendar.isYearPublished(Number(date.slice(0, 4)))) certain = false;
    if (calendar.isWorkingDay(date)) counted++;
  }
  return { date, certain };
}

/** The `n`-th working day before `end`, counting back from the day before it. */
export function subtractWorkingDays(calendar: WorkingCalendar, end: string, n: number): WorkingDayResult {
  let date = end;
  let certain = calendar.isYearPublished(Number(end.slice(0, 4)));
  let counted = 0;
  while (counted < n) {
    date = addDays(date, -1);
    if (!calendar.isYearPublished(Number(date.slice(0, 4)))) certain = false;
    if (calendar.isWorkingDay(date)) counted++;
  }
  return { date, certain };
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): { days: number; certain: boolean } {
  let days = 0;
  let certain = calendar.isYearPublished(Number(from.slice(0, 4)));
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (!calendar.isYearPublished(Number(date.slice(0, 4)))) certain = false;
    if (calendar.isWorkingDay(date)) days++;
  }
  return { days, certain };
}

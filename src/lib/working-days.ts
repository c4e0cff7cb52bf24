import chineseDays from 'chinese-days';
import type { CalendarYear } from '../schemas/calendar.ts';
import { addDays, weekday } from './dates.ts';

// The package is CommonJS; named imports fail under Node's ESM loader.
const { getHolidaysInRange, isWorkday } = chineseDays;

/**
 * Working days as the State Council arranges them each year: weekends off,
 * public holidays off, some weekends worked (调休). The arrangement for a year
 * is announced around November of the year before; the `chinese-days` library
 * carries the years it knows, and content/calendar/<year>.yaml adds or corrects
 * a year without a release. A count that crosses a year nobody has published
 * is marked uncertain instead of silently using plain weekdays.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** True when the year's official arrangement is known. */
  isYearPublished(year: number): boolean;
}

export function createWorkingCalendar(overrides: readonly CalendarYear[] = []): WorkingCalendar {
  const byYear = new Map(overrides.map((o) => [o.year, { holidays: new Set(o.holidays), workdays: new Set(o.workdays) }]));
  const libraryYears = new Map<number, boolean>();
  const libraryKnows = (year: number): boolean => {
    let known = libraryYears.get(year);
    if (known === undefined) {
      // A year the library has no data for has no public holidays on weekdays.
      known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      libraryYears.set(year, known);
    }
    return known;
  };
  return {
    isWorkingDay(date) {
      const override = byYear.get(Number(date.slice(0, 4)));
      if (override) {
        if (override.holidays.has(date)) return false;
        if (override.workdays.has(date)) return true;
        const day = weekday(date);
        return day !== 0 && day !== 6;
      }
      return isWorkday(date);
    },
    isYearPublished(year) {
      return byYear.has(year) || libraryKnows(year);
    },
  };
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

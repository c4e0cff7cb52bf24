import chineseDays from 'chinese-days';
import type { CalendarYear } from '../schemas/calendar.ts';
import { weekday } from './dates.ts';
import type { WorkingCalendar } from './working-day-count.ts';

// The counting lives apart from the library so the browser can count without it.
export { addWorkingDays, workingDaysBetween, type WorkingCalendar, type WorkingDayResult } from './working-day-count.ts';

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
  const decide = (date: string): boolean => {
    const override = byYear.get(Number(date.slice(0, 4)));
    if (override) {
      if (override.holidays.has(date)) return false;
      if (override.workdays.has(date)) return true;
      const day = weekday(date);
      return day !== 0 && day !== 6;
    }
    return isWorkday(date);
  };
  // Every decision page counts days; the same few thousand dates recur.
  const known = new Map<string, boolean>();
  return {
    isWorkingDay(date) {
      let working = known.get(date);
      if (working === undefined) {
        working = decide(date);
        known.set(date, working);
      }
      return working;
    },
    isYearPublished(year) {
      return byYear.has(year) || libraryKnows(year);
    },
  };
}

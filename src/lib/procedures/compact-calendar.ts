import { addDays, weekday } from '../dates.ts';
import type { WorkingCalendar } from '../working-day-count.ts';

/**
 * The working-day calendar of some years, small enough to ship to the browser:
 * per published year, the weekdays off and the weekend days worked, as MMDD.
 */
export interface CompactCalendar {
  [year: string]: { off: string[]; on: string[] };
}

const isWeekend = (date: string) => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/** Reads the exceptions to plain weekdays for each published year in [from, to]. */
export function compactCalendar(calendar: WorkingCalendar, from: number, to: number): CompactCalendar {
  const years: CompactCalendar = {};
  for (let year = from; year <= to; year++) {
    if (!calendar.isYearPublished(year)) continue;
    const off: string[] = [];
    const on: string[] = [];
    for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
      const working = calendar.isWorkingDay(date);
      if (!working && !isWeekend(date)) off.push(date.slice(5).replace('-', ''));
      if (working && isWeekend(date)) on.push(date.slice(5).replace('-', ''));
    }
    years[year] = { off, on };
  }
  return years;
}

/** A calendar over compact data; years it lacks count plain weekdays and are unpublished. */
export function calendarFromCompact(data: CompactCalendar): WorkingCalendar {
  const years = new Map(Object.entries(data).map(([year, y]) => [Number(year), { off: new Set(y.off), on: new Set(y.on) }]));
  return {
    isWorkingDay(date) {
      const year = years.get(Number(date.slice(0, 4)));
      const mmdd = date.slice(5).replace('-', '');
      if (year?.off.has(mmdd)) return false;
      if (year?.on.has(mmdd)) return true;
      return !isWeekend(date);
    },
    isYearPublished(year) {
      return years.has(year);
    },
  };
}

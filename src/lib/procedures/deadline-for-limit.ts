import { addDays, addMonths } from '../dates.ts';
import { addWorkingDays, type WorkingCalendar, type WorkingDayResult } from '../working-day-count.ts';
import type { TimeLimit } from '../../schemas/procedure.ts';

/**
 * The last day of a period of calendar days or months; when that day is not a
 * working day the period ends on the next working day (法定休假日顺延, as in
 * 行政诉讼法 art. 82 / 民事诉讼法 art. 85).
 */
function rollToWorkingDay(calendar: WorkingCalendar, date: string): WorkingDayResult {
  let day = date;
  let certain = calendar.isYearPublished(Number(day.slice(0, 4)));
  while (!calendar.isWorkingDay(day)) {
    day = addDays(day, 1);
    if (!calendar.isYearPublished(Number(day.slice(0, 4)))) certain = false;
  }
  return { date: day, certain };
}

/** The last day of a "within" limit counted from `start` (the start day itself not counted). */
export function deadlineFor(calendar: WorkingCalendar, start: string, limit: Pick<TimeLimit, 'amount' | 'unit'>): WorkingDayResult {
  switch (limit.unit) {
    case 'working-days':
      return addWorkingDays(calendar, start, limit.amount);
    case 'calendar-days':
      return rollToWorkingDay(calendar, addDays(start, limit.amount));
    case 'months':
      return rollToWorkingDay(calendar, addMonths(start, limit.amount));
  }
}

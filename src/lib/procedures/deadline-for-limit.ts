import { addDays, addMonths } from '../dates.ts';
import { addWorkingDays, subtractWorkingDays, type WorkingCalendar, type WorkingDayResult } from '../working-day-count.ts';
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

/**
 * The last day for a step that must come at least `amount` units before
 * `event` (听证通知 "在举行听证的七日前", 行政处罚法 art. 64(二), art. 85: working
 * days). Neither the day of the step nor the day of the event is counted: the
 * whole period lies between them, the reading that never lets the event come
 * too early.
 */
export function deadlineBefore(calendar: WorkingCalendar, event: string, limit: Pick<TimeLimit, 'amount' | 'unit'>): WorkingDayResult {
  switch (limit.unit) {
    case 'working-days': {
      const first = subtractWorkingDays(calendar, event, limit.amount);
      return { date: addDays(first.date, -1), certain: first.certain };
    }
    case 'calendar-days':
      return { date: addDays(event, -limit.amount - 1), certain: true };
    case 'months':
      return { date: addDays(addMonths(event, -limit.amount), -1), certain: true };
  }
}

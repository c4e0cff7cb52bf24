import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * content/calendar/<year>.yaml: the State Council's holiday arrangement for a
 * year, for years the calendar library does not know yet or gets wrong.
 * A file here replaces the library's data for its year.
 */
export const calendarYearSchema = z.strictObject({
  /** The year the arrangement covers. */
  year: z.number().int().min(2000).max(2100),
  /** Where it was published, e.g. 国办发明电〔2026〕X号. */
  source: z.string().min(2),
  /** Days off that would otherwise be working days (法定节假日及调休放假). */
  holidays: z.array(isoDate),
  /** Weekend days that are working days (调休上班). */
  workdays: z.array(isoDate),
});
export type CalendarYear = z.output<typeof calendarYearSchema>;

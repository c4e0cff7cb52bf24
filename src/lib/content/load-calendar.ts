import { calendarYearSchema, type CalendarYear } from '../../schemas/calendar.ts';
import type { ProblemList } from './content-error.ts';
import { listFiles } from './read-files.ts';
import { readValidated } from './read-validated.ts';

/** Reads content/calendar/<year>.yaml files. */
export function loadCalendar(dir: string, problems: ProblemList): CalendarYear[] {
  const years: CalendarYear[] = [];
  for (const file of listFiles(dir, 'calendar', ['.yaml', '.yml'])) {
    const read = readValidated(dir, file, calendarYearSchema, problems);
    if (!read) continue;
    const year = read.data;
    const stray = [...year.holidays, ...year.workdays].find((d) => !d.startsWith(`${year.year}-`));
    if (stray) problems.add(file, 'holidays', `expected dates of ${year.year} only; found ${stray}`);
    years.push(year);
  }
  return years;
}

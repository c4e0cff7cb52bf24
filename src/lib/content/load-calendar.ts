import { calendarYearSchema, type CalendarYear } from '../../schemas/calendar.ts';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { listFiles, readYaml } from './read-files.ts';

/** Reads content/calendar/<year>.yaml files. */
export function loadCalendar(dir: string, problems: ProblemList): CalendarYear[] {
  const years: CalendarYear[] = [];
  for (const file of listFiles(dir, 'calendar', ['.yaml', '.yml'])) {
    const read = readYaml(dir, file);
    if (!read.ok) {
      problems.add(file, '', read.expected);
      continue;
    }
    const parsed = calendarYearSchema.safeParse(read.data);
    if (!parsed.success) {
      problems.addAll(problemsFromZod(file, parsed.error));
      continue;
    }
    const year = parsed.data;
    const stray = [...year.holidays, ...year.workdays].find((d) => !d.startsWith(`${year.year}-`));
    if (stray) problems.add(file, 'holidays', `expected dates of ${year.year} only; found ${stray}`);
    years.push(year);
  }
  return years;
}

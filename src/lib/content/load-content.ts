import type { Category } from '../../schemas/category.ts';
import type { CalendarYear } from '../../schemas/calendar.ts';
import type { Site } from '../../schemas/site.ts';
import { checkArticleRefs } from './check-article-refs.ts';
import { checkDecisionBaselines } from './check-decision-baselines.ts';
import { articleExistsIn } from './article-exists.ts';
import { ProblemList } from './content-error.ts';
import { loadCalendar } from './load-calendar.ts';
import { loadBaselines, type LoadedBaseline } from './load-baselines.ts';
import { loadCategories } from './load-categories.ts';
import { loadDecisions, type Decision } from './load-decisions.ts';
import { loadLaws, type Law } from './load-laws.ts';
import { loadOffices, type LoadedOffice } from './load-offices.ts';
import { loadProcedures, type LoadedProcedure } from './load-procedures.ts';
import { loadSite } from './load-site.ts';
import { contentDir } from './read-files.ts';

/** Everything under content/, validated. */
export interface Content {
  site: Site;
  categories: Category[];
  offices: LoadedOffice[];
  decisions: Decision[];
  calendar: CalendarYear[];
  laws: Law[];
  procedures: LoadedProcedure[];
  baselines: LoadedBaseline[];
}

/**
 * Reads and validates the whole content directory. Throws a ContentError that
 * lists every problem (file, field, expectation) when anything is wrong.
 */
export function loadContent(dir: string = contentDir()): Content {
  const problems = new ProblemList();
  const site = loadSite(dir, problems);
  const categories = loadCategories(dir, problems);
  const offices = loadOffices(dir, problems);
  const calendar = loadCalendar(dir, problems);
  const decisions = loadDecisions(dir, problems, { categories, offices });
  const laws = loadLaws(dir, problems);
  checkArticleRefs(laws, decisions, categories, problems);
  const procedures = loadProcedures(dir, problems);
  const baselines = loadBaselines(dir, problems, { categories, articleExists: articleExistsIn(laws) });
  checkDecisionBaselines(decisions, baselines, problems);
  problems.throwIfAny();
  // throwIfAny has thrown when site.yaml failed, so site is defined here.
  return { site: site as Site, categories, offices, decisions, calendar, laws, procedures, baselines };
}

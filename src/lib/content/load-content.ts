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
import { loadProvisions } from './load-provisions.ts';
import { loadPublicity, type Publicity } from './load-publicity.ts';
import { checkDecisionLaw } from './check-decision-law.ts';
import { checkDecisionRecords } from './check-decision-records.ts';
import type { PenaltyProvision } from '../../schemas/penalty-provision.ts';
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
  /** What each penalty article provides (content/penalty-provisions.yaml). */
  provisions: PenaltyProvision[];
  /** The 事前公开 material (content/publicity/). */
  publicity: Publicity;
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
  const articleExists = articleExistsIn(laws);
  const procedures = loadProcedures(dir, problems, { articleExists });
  const baselines = loadBaselines(dir, problems, { categories, articleExists });
  checkDecisionBaselines(decisions, baselines, problems);
  const provisions = loadProvisions(dir, problems, laws);
  checkDecisionLaw(decisions, laws, provisions, baselines, problems);
  const publicity = loadPublicity(dir, problems, { offices, articleExists });
  checkDecisionRecords(decisions, publicity, problems);
  problems.throwIfAny();
  // throwIfAny has thrown when site.yaml or a publicity file failed, so both are defined here.
  return { site: site as Site, categories, offices, decisions, calendar, laws, procedures, baselines, provisions, publicity: publicity as Publicity };
}

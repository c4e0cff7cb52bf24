import { getCalendar, getContent, siteToday, statisticsInput } from '../site-data.ts';
import { inspectionsByItem } from './inspection-statistics.ts';
import { reportYears } from './report-years.ts';
import type { Decision } from '../content/load-decisions.ts';
import { byCounty, byCountyCategoryYear, byPenaltyKind, finePerSquareMetre } from './decision-statistics.ts';
import type { StatTable } from './stat-table.ts';

// Computed once per build: the statistics page, the data page, the CSV route and each year's report all ask for
// the same tables, and at 10,000 decisions each computation checks every decision against its baseline and counts
// its working days (the profile of a 10k build showed them computed four times over).
let allTables: StatTable[] | undefined;
const byYear = new Map<number, StatTable[]>();

function compute(decisions?: readonly Decision[]): StatTable[] {
  const input = statisticsInput(decisions);
  return [byCounty(input), byCountyCategoryYear(input), finePerSquareMetre(input), byPenaltyKind(input)];
}

/** The tables of the statistics page, in page order; each is also /data/statistics/<id>.csv. */
export function statisticsTables(): StatTable[] {
  allTables ??= compute();
  return allTables;
}

/** The decisions a year's report counts: those decided in it. */
export function decisionsOfYear(decisions: readonly Decision[], year: number): Decision[] {
  return decisions.filter((d) => d.decidedOn.startsWith(`${year}-`));
}

/** Where a year's copy of a statistics table is downloaded. */
export function yearCsvPath(year: number, id: string): string {
  return `/data/statistics/${year}/${id}.csv`;
}

/** A year's report tables: the statistics of the decisions made that year, and that year's random inspections. */
export function yearTables(year: number): StatTable[] {
  let tables = byYear.get(year);
  if (!tables) {
    tables = [...compute(decisionsOfYear(getContent().decisions, year)), inspectionsByItem(getContent().publicity.inspections, year, getCalendar())];
    byYear.set(year, tables);
  }
  return tables;
}

/** Every year with a report on this build, with its tables. */
export function reportTables(): { year: number; tables: StatTable[] }[] {
  return reportYears(siteToday()).map((year) => ({ year, tables: yearTables(year) }));
}

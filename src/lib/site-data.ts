// The one module that reads content for pages: it loads and validates once per
// build and hands components plain data (STYLE.md: components never read files).
import { loadContent, type Content } from './content/load-content.ts';
import { buildOutputs } from './build/build-outputs.ts';
import type { Decision } from './content/load-decisions.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-days.ts';
import { todayInChina } from './dates.ts';
import { partyHistories, type PartyHistory } from './parties/party-history.ts';
import { seriousListings, type SeriousListing } from './parties/serious-list.ts';
import type { StatisticsInput } from './statistics/decision-statistics.ts';

let cached: Content | undefined;
let calendar: WorkingCalendar | undefined;
let listed: Decision[] | undefined;
let parties: Map<string, PartyHistory> | undefined;

export function getContent(): Content {
  // In a build the worker thread has usually read it by the time pages ask (src/lib/build/output-worker.ts).
  cached ??= buildOutputs().content ?? loadContent();
  return cached;
}

export function getCalendar(): WorkingCalendar {
  calendar ??= createWorkingCalendar(getContent().calendar);
  return calendar;
}

/**
 * The date the site is built for. Display periods end relative to it, so a
 * decision leaves the lists on the first build after its 公示截止期.
 * SITE_TODAY pins it for reproducible builds.
 */
export function siteToday(): string {
  return process.env.SITE_TODAY ?? todayInChina();
}

/** Where a decision stands on the public site. */
export type DecisionVisibility = 'listed' | 'withdrawn' | 'repaired' | 'expired';

/**
 * Withdrawn (行政处罚法 art. 48) comes first; then a credit repair that ended
 * the display early (信用修复管理办法), then the end of the display period.
 */
export function visibilityOf(d: Pick<Decision, 'status' | 'displayUntil' | 'creditRepair'>, today: string = siteToday()): DecisionVisibility {
  if (d.status === 'withdrawn') return 'withdrawn';
  if (d.creditRepair && d.creditRepair.date <= today) return 'repaired';
  if (d.displayUntil < today) return 'expired';
  return 'listed';
}

/** Decisions shown in lists: in their display period and not withdrawn, newest first. */
export function listedDecisions(): Decision[] {
  listed ??= sortNewestFirst(getContent().decisions.filter((d) => visibilityOf(d) === 'listed'));
  return listed;
}

export function sortNewestFirst(decisions: readonly Decision[]): Decision[] {
  return [...decisions].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.docNo.localeCompare(a.docNo));
}

export function officeName(code: string): string {
  return getContent().offices.find((o) => o.code === code)?.name ?? code;
}

export function countyName(code: string): string {
  return getContent().offices.find((o) => o.code === code)?.areaName ?? code;
}

export function categoryName(code: string): string {
  return getContent().categories.find((c) => c.code === code)?.name ?? code;
}

/** Every organisation and individual business named by a decision, by 统一社会信用代码. */
export function partyHistoriesByCode(): Map<string, PartyHistory> {
  parties ??= partyHistories(getContent().decisions, (d) => visibilityOf(d) === 'listed');
  return parties;
}

let serious: SeriousListing[] | undefined;

/** The 严重失信 list as of the build day (see serious-list.ts). */
export function seriousListingsNow(): SeriousListing[] {
  serious ??= seriousListings(getContent().decisions, (d) => visibilityOf(d) === 'listed');
  return serious;
}

/** What the statistics count, from the content: every decision, the baselines, the calendar, counties and categories. */
export function statisticsInput(decisions: readonly Decision[] = getContent().decisions): StatisticsInput {
  const { offices, categories, baselines } = getContent();
  return {
    decisions,
    baselines,
    calendar: getCalendar(),
    counties: offices.filter((o) => o.role === 'county').map((o) => ({ code: o.code, name: o.areaName })),
    categories: categories.map((c) => ({ code: c.code, name: c.name })),
  };
}

import type { Decision } from '../content/load-decisions.ts';
import { publicationLag, toCreditFields, totalArea, totalConfiscated, totalFine } from '../decision-fields.ts';
import { decisionPath } from '../decision-slug.ts';
import { checkDecision } from '../baselines/check-decision.ts';
import { mostProtectedLandType } from '../baselines/case-facts.ts';
import { partyCodeOf, partyPath } from '../parties/party-history.ts';
import { categoryName, countyName, getCalendar, getContent } from '../site-data.ts';

/** Where a fine stands against the band of its facts: a verdict, or why there is none. */
export function bandVerdictOf(d: Decision): string {
  const check = checkDecision(d, getContent().baselines);
  if (check.kind !== 'checked') return check.kind;
  return check.result.ok ? check.result.verdict : 'unchecked';
}

/** The path of a decision's own JSON file, beside its page. */
export function decisionJsonPath(docNo: string): string {
  return `${decisionPath(docNo).slice(0, -1)}.json`;
}

/** One row of the open-data export: the 双公示 fields plus what a journalist filters and compares by. */
export function openDataRow(d: Decision, siteUrl: string) {
  const authority = getContent().offices.find((o) => o.code === d.authority);
  const lag = publicationLag(getCalendar(), d);
  const partyCode = partyCodeOf(d);
  return {
    ...toCreditFields(d, { name: authority?.name ?? d.authority, creditCode: authority?.creditCode ?? '' }, categoryName(d.category)),
    category: d.category,
    county: d.county,
    countyName: countyName(d.county),
    authority: d.authority,
    partyKind: d.party.kind,
    violationDate: d.violationDate,
    violationStartedOn: d.violation.startedOn,
    violationEndedOn: d.violation.endedOn ?? '',
    filedOn: d.filedOn,
    creditClass: d.creditClass,
    publishedOn: d.publishedOn,
    publicationLagWorkingDays: lag.days,
    status: d.status,
    fineYuan: totalFine(d),
    confiscatedYuan: totalConfiscated(d),
    areaM2: totalArea(d),
    landType: mostProtectedLandType(d.area) ?? '',
    baselineBand: d.baseline ? `${d.baseline.id}/${d.baseline.band}` : '',
    bandVerdict: bandVerdictOf(d),
    url: new URL(decisionPath(d.docNo), siteUrl).href,
    jsonUrl: new URL(decisionJsonPath(d.docNo), siteUrl).href,
    partyUrl: partyCode ? new URL(partyPath(partyCode), siteUrl).href : '',
  };
}
export type OpenDataRow = ReturnType<typeof openDataRow>;

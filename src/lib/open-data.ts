import type { Decision } from './content/load-decisions.ts';
import { toCreditFields } from './decision-fields.ts';
import { decisionPath } from './decision-slug.ts';
import { categoryName, countyName, getContent } from './site-data.ts';

/** One row of the open-data export: the 双公示 fields plus what a journalist filters by. */
export function openDataRow(d: Decision, siteUrl: string) {
  const authority = getContent().offices.find((o) => o.code === d.authority);
  return {
    ...toCreditFields(d, { name: authority?.name ?? d.authority, creditCode: authority?.creditCode ?? '' }, categoryName(d.category)),
    category: d.category,
    county: d.county,
    countyName: countyName(d.county),
    violationDate: d.violationDate,
    violationStartedOn: d.violation.startedOn,
    violationEndedOn: d.violation.endedOn ?? '',
    filedOn: d.filedOn,
    creditClass: d.creditClass,
    publishedOn: d.publishedOn,
    status: d.status,
    url: new URL(decisionPath(d.docNo), siteUrl).href,
  };
}
export type OpenDataRow = ReturnType<typeof openDataRow>;

/** Column order of the CSV: the 双公示 set first, in the standard's order. */
export const OPEN_DATA_COLUMNS: (keyof OpenDataRow)[] = [
  'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_NR_WFFF', 'CF_NR_ZKDX', 'CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ',
  'CF_CFJG', 'CF_CFJGDM', 'CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'category', 'county', 'countyName', 'violationDate',
  'violationStartedOn', 'violationEndedOn', 'filedOn', 'creditClass', 'publishedOn', 'status', 'url',
];

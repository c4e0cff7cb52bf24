import type { Decision } from './content/load-decisions.ts';
import { getContent } from './site-data.ts';

/** The dimensions a journalist narrows decisions by; each value has its own static page. */
export type FilterKind = 'county' | 'category' | 'year';

export interface FilterValue {
  kind: FilterKind;
  value: string;
  label: string;
  count: number;
  /** First page of the filtered list. */
  href: string;
}

export const FILTER_TITLE: Record<FilterKind, string> = { county: '按区县', category: '按违法类型', year: '按决定年份' };

export function filterValueOf(d: Decision, kind: FilterKind): string {
  return kind === 'county' ? d.county : kind === 'category' ? d.category : d.decidedOn.slice(0, 4);
}

/** Every value of every filter that has at least one decision, with counts. */
export function filterValues(decisions: readonly Decision[]): Record<FilterKind, FilterValue[]> {
  const { offices, categories } = getContent();
  const count = (kind: FilterKind) => {
    const counts = new Map<string, number>();
    for (const d of decisions) counts.set(filterValueOf(d, kind), (counts.get(filterValueOf(d, kind)) ?? 0) + 1);
    return counts;
  };
  const byCounty = count('county');
  const byCategory = count('category');
  const byYear = count('year');
  return {
    county: offices
      .filter((o) => o.role === 'county')
      .map((o) => ({ kind: 'county' as const, value: o.code, label: o.areaName, count: byCounty.get(o.code) ?? 0, href: `/decisions/county/${o.code}/` })),
    category: categories
      .filter((c) => c.inScope)
      .map((c) => ({ kind: 'category' as const, value: c.code, label: c.name, count: byCategory.get(c.code) ?? 0, href: `/decisions/category/${c.code}/` })),
    year: [...byYear.keys()]
      .sort()
      .reverse()
      .map((y) => ({ kind: 'year' as const, value: y, label: `${y}年`, count: byYear.get(y) ?? 0, href: `/decisions/year/${y}/` })),
  };
}

import type { DocTable } from './index-loader.ts';
import type { SearchManifest } from './search-manifest.ts';
import { DOC_TYPES, DOC_TYPE_LABEL, FINE_BUCKETS, NONE, PARTY_KINDS, PARTY_KIND_SHORT } from './search-fields.ts';
import type { DocColumn } from './index-format.ts';

// Facets come from the document table, not from lunr: one byte per document
// and facet. Counts are disjunctive — each facet is counted with every other
// facet's choice applied but not its own — so a reader sees how many results
// another value of the same facet would give.

export const FACETS = ['type', 'county', 'category', 'year', 'party', 'fine'] as const;
export type FacetKey = (typeof FACETS)[number];

export const FACET_TITLE: Record<FacetKey, string> = {
  type: '类型',
  county: '区县',
  category: '违法类型',
  year: '决定年份',
  party: '当事人类型',
  fine: '罚款金额',
};

/** Chosen values per facet (as in the URL); values of one facet are alternatives, facets combine. */
export type Filters = Record<FacetKey, string[]>;

export function noFilters(): Filters {
  return { type: [], county: [], category: [], year: [], party: [], fine: [] };
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The values of each facet: URL value, label and the byte the document table stores. */
export function facetDomain(m: SearchManifest): Record<FacetKey, { value: string; label: string; code: number }[]> {
  const years: { value: string; label: string; code: number }[] = [];
  for (let y = new Date().getFullYear() + 1; y >= m.minYear; y--) years.push({ value: String(y), label: `${y}年`, code: y - m.minYear });
  return {
    type: DOC_TYPES.map((t, code) => ({ value: t, label: DOC_TYPE_LABEL[t], code })),
    county: m.counties.map(([value, label], code) => ({ value, label, code })),
    category: m.categories.map(([value, label], code) => ({ value, label, code })),
    year: years,
    party: PARTY_KINDS.map((p, code) => ({ value: p, label: PARTY_KIND_SHORT[p], code })),
    fine: FINE_BUCKETS.map((b, code) => ({ value: b.id, label: b.label, code })),
  };
}

const COLUMN: Record<FacetKey, DocColumn> = { type: 'type', county: 'county', category: 'category', year: 'year', party: 'party', fine: 'fine' };

/** The documents that pass the filters, and the counts of every facet value among the matches. */
export function applyFacets(docs: readonly number[], table: DocTable, m: SearchManifest, filters: Filters): { kept: number[]; counts: Record<FacetKey, FacetValue[]> } {
  const domain = facetDomain(m);
  const wanted = FACETS.map((f) => {
    const codes = new Set(domain[f].filter((v) => filters[f].includes(v.value)).map((v) => v.code));
    return { column: table.columns[COLUMN[f]], codes: codes.size > 0 ? codes : undefined };
  });
  const tallies = FACETS.map(() => new Map<number, number>());
  const kept: number[] = [];
  for (const doc of docs) {
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < wanted.length; f++) {
      const w = wanted[f];
      if (w?.codes && !w.codes.has(w.column[doc] ?? NONE)) {
        failures++;
        failed = f;
        if (failures > 1) break;
      }
    }
    if (failures === 0) kept.push(doc);
    if (failures > 1) continue;
    // A document failing one facet still counts for that facet's other values.
    for (let f = 0; f < wanted.length; f++) {
      if (failures === 1 && f !== failed) continue;
      const code = wanted[f]?.column[doc] ?? NONE;
      if (code === NONE) continue;
      const tally = tallies[f] as Map<number, number>;
      tally.set(code, (tally.get(code) ?? 0) + 1);
    }
  }
  const counts = Object.fromEntries(
    FACETS.map((f, i) => [f, domain[f].map((v) => ({ value: v.value, label: v.label, count: tallies[i]?.get(v.code) ?? 0 })).filter((v) => v.count > 0 || filters[f].includes(v.value))]),
  ) as Record<FacetKey, FacetValue[]>;
  return { kept, counts };
}

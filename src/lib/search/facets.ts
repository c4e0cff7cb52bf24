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

/**
 * The documents that pass the filters, and the counts of every facet value
 * among the matches: one pass over the matches with a byte look-up per
 * facet, tallies in typed arrays (a broad query matches every decision).
 */
export function applyFacets(docs: Uint32Array, table: DocTable, m: SearchManifest, filters: Filters): { kept: Uint32Array; counts: Record<FacetKey, FacetValue[]> } {
  const domain = facetDomain(m);
  const columns = FACETS.map((f) => table.columns[COLUMN[f]]);
  // Per facet, the codes chosen (1) among the 256 a column byte can hold; none when nothing is chosen.
  const allowed = FACETS.map((f) => {
    const chosen = domain[f].filter((v) => filters[f].includes(v.value));
    if (chosen.length === 0) return undefined;
    const mask = new Uint8Array(256);
    for (const v of chosen) mask[v.code] = 1;
    return mask;
  });
  const tallies = FACETS.map(() => new Uint32Array(256));
  let kept: Uint32Array;
  if (allowed.every((a) => a === undefined)) {
    kept = docs;
    for (let f = 0; f < FACETS.length; f++) {
      const column = columns[f] as Uint8Array;
      const tally = tallies[f] as Uint32Array;
      for (let i = 0; i < docs.length; i++) {
        const code = column[docs[i] as number] as number;
        tally[code] = (tally[code] as number) + 1;
      }
    }
  } else {
    const out = new Uint32Array(docs.length);
    let n = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      let failed = -1;
      let failures = 0;
      for (let f = 0; f < FACETS.length && failures < 2; f++) {
        const mask = allowed[f];
        if (mask && !mask[(columns[f] as Uint8Array)[doc] as number]) {
          failures++;
          failed = f;
        }
      }
      if (failures > 1) continue;
      if (failures === 0) out[n++] = doc;
      // A document failing one facet still counts for that facet's other values.
      const from = failures === 0 ? 0 : failed;
      const to = failures === 0 ? FACETS.length : failed + 1;
      for (let f = from; f < to; f++) {
        const tally = tallies[f] as Uint32Array;
        const code = (columns[f] as Uint8Array)[doc] as number;
        tally[code] = (tally[code] as number) + 1;
      }
    }
    kept = out.subarray(0, n);
  }
  const counts = Object.fromEntries(
    FACETS.map((f, i) => [f, domain[f].map((v) => ({ value: v.value, label: v.label, count: v.code === NONE ? 0 : (tallies[i]?.[v.code] ?? 0) })).filter((v) => v.count > 0 || filters[f].includes(v.value))]),
  ) as Record<FacetKey, FacetValue[]>;
  return { kept, counts };
}

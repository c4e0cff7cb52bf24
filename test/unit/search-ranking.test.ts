import { describe, expect, test } from 'vitest';
import { searchFixture } from '../fixtures/search-fixture.ts';
import { applyFacets, facetDomain, FACETS, noFilters, type FacetKey, type Filters } from '../../src/lib/search/facets.ts';
import { pageOf } from '../../src/lib/search/search-client.ts';
import { NONE } from '../../src/lib/search/search-fields.ts';

// The result page is selected without sorting every match, and facets are
// tallied in typed arrays: both are checked here against the plain way —
// a full sort, and counting each facet with the other facets' choices applied.

const fx = searchFixture(400);

describe('the page of results', () => {
  // Scores with many ties, as broad queries have: the order falls back to the tie-breaks.
  const docs = Uint32Array.from({ length: 3000 }, (_, i) => i * 3);
  const score = (d: number) => (d * 7919) % 13;
  const order = (a: number, b: number) => score(b) - score(a) || b - a;
  const sorted = [...docs].sort(order);

  test('is the slice a full sort would give, on every page and at every size', () => {
    for (const size of [1, 10, 25]) {
      for (const page of [1, 2, 7, 40]) expect(pageOf(docs, order, page, size)).toEqual(sorted.slice((page - 1) * size, page * size));
    }
    // Deep pages sort in full; the answer is the same.
    expect(pageOf(docs, order, 80, 10)).toEqual(sorted.slice(790, 800));
  });

  test('is empty past the last match and short on the last page', () => {
    expect(pageOf(docs.subarray(0, 15), order, 2, 10)).toEqual([...docs.subarray(0, 15)].sort(order).slice(10));
    expect(pageOf(new Uint32Array(0), order, 1, 10)).toEqual([]);
  });
});

describe('facet counts', () => {
  const domain = facetDomain(fx.built.manifest);

  async function tableAndMatches(query: string) {
    const table = await fx.client.loader.docTable();
    const { scored } = await fx.client.match(query);
    return { table, docs: Uint32Array.from(scored.map((s) => s.doc)).sort() };
  }

  /** The plain way: a document counts for a value of a facet when it has it and passes every other facet's choice. */
  function plainCounts(docs: Uint32Array, columns: Record<string, Uint8Array>, filters: Filters) {
    const passes = (doc: number, f: FacetKey) => {
      const chosen = domain[f].filter((v) => filters[f].includes(v.value)).map((v) => v.code);
      return chosen.length === 0 || chosen.includes(columns[f]?.[doc] ?? NONE);
    };
    const counts: Record<string, Record<string, number>> = {};
    for (const f of FACETS) {
      counts[f] = {};
      for (const v of domain[f]) {
        const n = [...docs].filter((doc) => columns[f]?.[doc] === v.code && FACETS.every((g) => g === f || passes(doc, g))).length;
        if (n > 0 || filters[f].includes(v.value)) (counts[f] as Record<string, number>)[v.value] = n;
      }
    }
    const kept = [...docs].filter((doc) => FACETS.every((f) => passes(doc, f)));
    return { counts, kept };
  }

  const cases: [string, Partial<Filters>][] = [
    ['罚款', {}],
    ['罚款', { county: ['990102'] }],
    ['罚款', { county: ['990102', '990103'], category: ['illegal-occupation'] }],
    ['复垦', { type: ['decision'], fine: ['1-10', '10-50'], party: ['legal-person'] }],
    ['土地', { type: ['article'], county: ['990102'] }],
  ];
  for (const [query, chosen] of cases) {
    test(`${query} with ${JSON.stringify(chosen)}: kept documents and every count as the plain way gives`, async () => {
      const { table, docs } = await tableAndMatches(query);
      expect(docs.length).toBeGreaterThan(0);
      const filters = { ...noFilters(), ...chosen };
      const got = applyFacets(docs, table, fx.built.manifest, filters);
      const want = plainCounts(docs, table.columns, filters);
      expect([...got.kept]).toEqual(want.kept);
      for (const f of FACETS) expect(Object.fromEntries(got.counts[f].map((v) => [v.value, v.count]))).toEqual(want.counts[f]);
    });
  }
});

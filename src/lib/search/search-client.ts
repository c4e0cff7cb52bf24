import { applyFacets, noFilters, type FacetKey, type FacetValue, type Filters } from './facets.ts';
import { IndexLoader, type FetchBytes } from './index-loader.ts';
import type { Fragment } from './index-format.ts';
import { planQuery, type QueryPlan } from './plan-query.ts';
import { scoreAlternative, type Scored } from './score-with-lunr.ts';
import type { SearchManifest } from './search-manifest.ts';
import { DOC_TYPES, type DocType } from './search-fields.ts';

export const SORTS = ['relevance', 'date', 'fine'] as const;
export type SortKey = (typeof SORTS)[number];
export const SORT_LABEL: Record<SortKey, string> = { relevance: '相关度', date: '日期（新的在前）', fine: '罚款金额（高的在前）' };
export const PAGE_SIZE = 10;

export interface SearchRequest {
  query: string;
  filters?: Filters;
  sort?: SortKey;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface SearchHit extends Scored {
  type: DocType;
  fragment: Fragment;
}

export interface SearchResponse {
  plan: QueryPlan;
  /** Matches before the filters. */
  matched: number;
  /** Matches after the filters. */
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  facets: Record<FacetKey, FacetValue[]>;
}

export interface SearchClient {
  readonly loader: IndexLoader;
  /** Every document the query matches, best first (union of its alternatives). */
  match(query: string): Promise<{ plan: QueryPlan; scored: Scored[] }>;
  search(request: SearchRequest): Promise<SearchResponse>;
}

export function createSearchClient(manifest: SearchManifest, fetchBytes: FetchBytes): SearchClient {
  const loader = new IndexLoader(manifest, fetchBytes);

  async function match(query: string): Promise<{ plan: QueryPlan; scored: Scored[] }> {
    const plan = planQuery(query);
    const best = new Map<number, number>();
    for (const tier of [0, 1, 2] as const) {
      const alternatives = plan.alternatives.filter((a) => a.tier === tier);
      if (alternatives.length === 0) continue;
      const postings = await loader.postings(alternatives.flatMap((a) => a.clauses.map((c) => c.term)));
      for (const a of alternatives) {
        for (const s of scoreAlternative(a, postings, manifest.documentCount, manifest.boosts)) best.set(s.doc, Math.max(best.get(s.doc) ?? 0, s.score));
      }
      if (best.size > 0) break;
    }
    const scored = [...best].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || b.doc - a.doc);
    return { plan, scored };
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const filters = request.filters ?? noFilters();
    const sort = request.sort ?? 'relevance';
    const pageSize = request.pageSize ?? PAGE_SIZE;
    // The document table is fetched while the shards are.
    const [{ plan, scored }, table, fines] = await Promise.all([match(request.query), loader.docTable(), sort === 'fine' ? loader.fines() : undefined]);
    const score = new Float64Array(manifest.slots);
    for (const s of scored) score[s.doc] = s.score;
    const { kept, counts } = applyFacets(
      scored.map((s) => s.doc),
      table,
      manifest,
      filters,
    );
    const byRelevance = (a: number, b: number) => (score[b] ?? 0) - (score[a] ?? 0) || (table.days[b] ?? 0) - (table.days[a] ?? 0) || b - a;
    const order =
      sort === 'date'
        ? (a: number, b: number) => (table.days[b] ?? 0) - (table.days[a] ?? 0) || byRelevance(a, b)
        : sort === 'fine' && fines
          ? (a: number, b: number) => (fines[b] ?? 0) - (fines[a] ?? 0) || byRelevance(a, b)
          : byRelevance;
    kept.sort(order);
    const pageCount = Math.max(1, Math.ceil(kept.length / pageSize));
    const page = Math.min(Math.max(1, request.page ?? 1), pageCount);
    const shown = kept.slice((page - 1) * pageSize, page * pageSize);
    const hits = await Promise.all(
      shown.map(async (doc) => ({ doc, score: score[doc] ?? 0, type: DOC_TYPES[table.columns.type[doc] ?? 0] ?? 'decision', fragment: await loader.fragment(doc) })),
    );
    return { plan, matched: scored.length, total: kept.length, page, pageCount, hits, facets: counts };
  }

  return { loader, match, search };
}

import { applyFacets, noFilters, type FacetKey, type FacetValue, type Filters } from './facets.ts';
import { IndexLoader, type FetchBytes } from './index-loader.ts';
import type { Fragment } from './index-format.ts';
import { planQuery, type QueryPlan } from './plan-query.ts';
import { scoreAlternative, type Scored, type ScoredSet } from './score-with-lunr.ts';
import type { SearchManifest } from './search-manifest.ts';
import { DOC_TYPES, type DocType } from './search-fields.ts';
import { PAGE_SIZE, type SortKey } from './sorts.ts';
import { highlight, snippet, type Segment } from './snippet.ts';

export { PAGE_SIZE, SORTS, SORT_LABEL, type SortKey } from './sorts.ts';

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
  /** The title and a window of the text with the query's matches marked: computed with the search, beside the page's rendering. */
  marked: { title: Segment[]; snippet: Segment[] };
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

/** A comparator's view of a document: negative when `a` goes before `b`. */
type Order = (a: number, b: number) => number;

/**
 * The documents of one result page in order, without sorting every match:
 * a broad query matches every decision, and a page needs the first
 * `page × size` only. Kept sorted by insertion; a document that does not
 * beat the last kept one costs one comparison. Deep pages sort in full.
 */
export function pageOf(docs: Uint32Array, order: Order, page: number, pageSize: number): number[] {
  const want = page * pageSize;
  if (want > 500) return [...docs].sort(order).slice((page - 1) * pageSize, want);
  const top: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as number;
    if (top.length === want && order(doc, top[want - 1] as number) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(doc, top[mid] as number) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, doc);
    if (top.length > want) top.pop();
  }
  return top.slice((page - 1) * pageSize);
}

export function createSearchClient(manifest: SearchManifest, fetchBytes: FetchBytes): SearchClient {
  const loader = new IndexLoader(manifest, fetchBytes);
  // Scores by document number, reused by every query: only the entries of the current matches are read.
  const scoreOf = new Float64Array(manifest.slots);

  /** Every document the query matches, in document order, with its best score over the alternatives. */
  async function matchSet(query: string): Promise<{ plan: QueryPlan; matches: ScoredSet }> {
    const plan = planQuery(query);
    for (const tier of [0, 1, 2] as const) {
      const alternatives = plan.alternatives.filter((a) => a.tier === tier);
      if (alternatives.length === 0) continue;
      const postings = await loader.postings(alternatives.flatMap((a) => a.clauses.map((c) => c.term)));
      const sets = alternatives.map((a) => scoreAlternative(a, postings, manifest.documentCount, manifest.boosts)).filter((set) => set.docs.length > 0);
      if (sets.length === 1) return { plan, matches: sets[0] as ScoredSet };
      if (sets.length > 1) return { plan, matches: merge(sets, manifest.slots) };
    }
    return { plan, matches: { docs: new Uint32Array(0), scores: new Float64Array(0) } };
  }

  async function match(query: string): Promise<{ plan: QueryPlan; scored: Scored[] }> {
    const { plan, matches } = await matchSet(query);
    const scored = Array.from(matches.docs, (doc, i) => ({ doc, score: matches.scores[i] as number })).sort((a, b) => b.score - a.score || b.doc - a.doc);
    return { plan, scored };
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const filters = request.filters ?? noFilters();
    const sort = request.sort ?? 'relevance';
    const pageSize = request.pageSize ?? PAGE_SIZE;
    // The document table is fetched while the shards are.
    const [{ plan, matches }, table, fines] = await Promise.all([matchSet(request.query), loader.docTable(), sort === 'fine' ? loader.fines() : undefined]);
    const score = scoreOf;
    for (let i = 0; i < matches.docs.length; i++) score[matches.docs[i] as number] = matches.scores[i] as number;
    const { kept, counts } = applyFacets(matches.docs, table, manifest, filters);
    const days = table.days;
    const byRelevance: Order = (a, b) => (score[b] as number) - (score[a] as number) || (days[b] as number) - (days[a] as number) || b - a;
    const order: Order =
      sort === 'date'
        ? (a, b) => (days[b] as number) - (days[a] as number) || byRelevance(a, b)
        : sort === 'fine' && fines
          ? (a, b) => (fines[b] as number) - (fines[a] as number) || byRelevance(a, b)
          : byRelevance;
    const pageCount = Math.max(1, Math.ceil(kept.length / pageSize));
    const page = Math.min(Math.max(1, request.page ?? 1), pageCount);
    const shown = pageOf(kept, order, page, pageSize);
    const hits = await Promise.all(
      shown.map(async (doc) => {
        const fragment = await loader.fragment(doc);
        const marked = { title: highlight(fragment.t, plan.marks), snippet: snippet(fragment.x, plan.marks) };
        return { doc, score: score[doc] ?? 0, type: DOC_TYPES[table.columns.type[doc] ?? 0] ?? 'decision', fragment, marked };
      }),
    );
    return { plan, matched: matches.docs.length, total: kept.length, page, pageCount, hits, facets: counts };
  }

  return { loader, match, search };
}

/** The union of several alternatives' matches, each document with its best score. */
function merge(sets: readonly ScoredSet[], slots: number): ScoredSet {
  const best = new Float64Array(slots);
  const found = new Uint8Array(slots);
  let count = 0;
  for (const set of sets) {
    for (let i = 0; i < set.docs.length; i++) {
      const doc = set.docs[i] as number;
      const s = set.scores[i] as number;
      if (!found[doc]) {
        found[doc] = 1;
        best[doc] = s;
        count++;
      } else if (s > (best[doc] as number)) best[doc] = s;
    }
  }
  const docs = new Uint32Array(count);
  const scores = new Float64Array(count);
  let n = 0;
  for (let doc = 0; doc < slots; doc++) {
    if (!found[doc]) continue;
    docs[n] = doc;
    scores[n++] = best[doc] as number;
  }
  return { docs, scores };
}

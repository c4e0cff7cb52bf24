import { FACETS, noFilters, type Filters } from '../../lib/search/facets.ts';
import { SORTS, type SortKey } from '../../lib/search/sorts.ts';

// What a search is, as the URL carries it, so a search can be shared and the
// back button returns to the one before: ?q=…&county=990102&county=990103&sort=fine&page=2.

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortKey;
  page: number;
}

export function emptyState(): SearchState {
  return { q: '', filters: noFilters(), sort: 'relevance', page: 1 };
}

const MAX_QUERY = 100;

export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = noFilters();
  for (const f of FACETS) filters[f] = [...new Set(params.getAll(f).filter((v) => /^[\w-]{1,40}$/.test(v)))];
  const sort = params.get('sort');
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY),
    filters,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function searchFromState(s: SearchState): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const f of FACETS) for (const v of s.filters[f]) params.append(f, v);
  if (s.sort !== 'relevance') params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function filterCount(filters: Filters): number {
  return FACETS.reduce((n, f) => n + filters[f].length, 0);
}

export function toggleFilter(filters: Filters, facet: keyof Filters, value: string): Filters {
  const has = filters[facet].includes(value);
  return { ...filters, [facet]: has ? filters[facet].filter((v) => v !== value) : [...filters[facet], value] };
}

/**
 * Broader queries to suggest when nothing is found, most specific first:
 * without the last word, each word alone, or a shorter run of characters.
 */
export function broaderQueries(q: string): string[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (words.length > 1) {
    out.push(words.slice(0, -1).join(' '));
    out.push(...words);
  } else {
    const chars = [...(words[0] ?? '')];
    if (chars.length >= 3) {
      out.push(chars.slice(0, -1).join(''), chars.slice(1).join(''));
      if (chars.length > 3) out.push(chars.slice(0, 2).join(''), chars.slice(-2).join(''));
    }
  }
  return [...new Set(out)].filter((s) => s && s !== q.trim()).slice(0, 5);
}

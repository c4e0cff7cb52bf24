/** One page of a paginated list. */
export interface ListPage<T> {
  /** 1-based page number. */
  page: number;
  lastPage: number;
  total: number;
  items: T[];
}

/** Splits a list into pages; an empty list still has one (empty) page. */
export function toPages<T>(items: readonly T[], pageSize: number): ListPage<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: lastPage }, (_, i) => ({
    page: i + 1,
    lastPage,
    total: items.length,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/** URL of page n of a list whose first page is at `base` (ending in /). */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

export const DECISIONS_PER_PAGE = 20;

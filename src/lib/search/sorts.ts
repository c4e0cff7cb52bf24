// The orders a result list can have, and its page size: shared by the search
// client (in the worker) and the page, which must not load the engine for them.

export const SORTS = ['relevance', 'date', 'fine'] as const;
export type SortKey = (typeof SORTS)[number];
export const SORT_LABEL: Record<SortKey, string> = { relevance: '相关度', date: '日期（新的在前）', fine: '罚款金额（高的在前）' };
export const PAGE_SIZE = 10;

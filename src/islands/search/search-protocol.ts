import type { SearchRequest, SearchResponse } from '../../lib/search/search-client.ts';

// The messages between the search page and its worker, which holds the
// engine (tokenizer, lunr, the index files): every question carries an id,
// and its answer the same id.

/** A question to the worker, before it is given its id. */
export type Question = { kind: 'search'; request: SearchRequest } | { kind: 'count'; query: string };

/**
 * `manifest` comes first; `start` is sent by the page's inline script with
 * the URL's query string, before the page's modules (which parse URLs) load;
 * its answer has id 0.
 */
export type ToWorker = { kind: 'manifest'; manifest: string } | { kind: 'start'; id: 0; search: string } | (Question & { id: number });

export type FromWorker = { id: number; ok: true; response?: SearchResponse; count?: number } | { id: number; ok: false; error: string };

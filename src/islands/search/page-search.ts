import type { SearchRequest, SearchResponse } from '../../lib/search/search-client.ts';
import type { FromWorker, Question, ToWorker } from './search-protocol.ts';
import { searchFromState, stateFromSearch, type SearchState } from './search-model.ts';

// The search page's side of its search worker. An inline script in the page
// starts the worker and the search in the URL while the HTML is parsed
// (src/pages/search/index.astro), so the engine loads and the index files are
// fetched while the island's own scripts load and hydrate; the island then
// takes the worker over here, with the answer to that first search.

/** What the page's inline scripts left: the worker they started, its answers so far, the query string, and whether the manifest and that search were sent. */
interface Started {
  worker: Worker;
  early: FromWorker[];
  search: string;
  failed: boolean;
  primed: boolean;
}
declare global {
  interface Window {
    zhifaSearch?: Started | undefined;
  }
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (reply: FromWorker & { ok: true }) => void; reject: (error: Error) => void }>();
let started: { key: string; response: Promise<SearchResponse> } | undefined;

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  // A worker that failed to load is replaced on the next search (the retry button).
  worker?.terminate();
  worker = undefined;
}

function answer(reply: FromWorker): void {
  const p = pending.get(reply.id);
  pending.delete(reply.id);
  if (reply.ok) p?.resolve(reply);
  else p?.reject(new Error(reply.error));
}

function listen(w: Worker): Worker {
  w.onmessage = (e: MessageEvent<FromWorker>) => answer(e.data);
  w.onerror = () => failAll(new Error('搜索程序加载失败。'));
  return (worker = w);
}

function engine(): Worker {
  if (worker) return worker;
  const pre = window.zhifaSearch;
  window.zhifaSearch = undefined;
  if (pre && pre.primed && !pre.failed) {
    const s = stateFromSearch(pre.search);
    if (s.q.trim()) {
      // The search the inline script started: answered under id 0.
      const response = new Promise<FromWorker & { ok: true }>((resolve, reject) => pending.set(0, { resolve, reject })).then(responseOf);
      response.catch(() => undefined);
      started = { key: searchFromState(s), response };
    }
    listen(pre.worker);
    for (const reply of pre.early) answer(reply);
    return pre.worker;
  }
  // No worker from the page, or one that failed to load: a new one.
  pre?.worker.terminate();
  const manifest = document.getElementById('search-manifest');
  if (!manifest?.textContent || !manifest.dataset.engine) throw new Error('Expected the search manifest and engine in #search-manifest.');
  const w = listen(new Worker(manifest.dataset.engine, { type: 'module', name: 'search' }));
  w.postMessage({ kind: 'manifest', manifest: manifest.textContent } satisfies ToWorker);
  return w;
}

function responseOf(reply: FromWorker & { ok: true }): SearchResponse {
  if (!reply.response) throw new Error('The search worker sent no results.');
  return reply.response;
}

function ask(question: Question): Promise<FromWorker & { ok: true }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    engine().postMessage({ ...question, id } satisfies ToWorker);
  });
}

function search(request: SearchRequest): Promise<SearchResponse> {
  return ask({ kind: 'search', request }).then(responseOf);
}

function requestOf(s: SearchState): SearchRequest {
  return { query: s.q, filters: s.filters, sort: s.sort, page: s.page };
}

/** The response to a search: the one started early when it is the same search, else a new one. */
export function searchState(s: SearchState): Promise<SearchResponse> {
  engine();
  const early = started;
  started = undefined;
  if (early && early.key === searchFromState(s)) return early.response;
  return search(requestOf(s));
}

/** How many documents a query matches, for the broader query suggested when there is none. */
export function countMatches(query: string): Promise<number> {
  return ask({ kind: 'count', query }).then((r) => r.count ?? 0);
}

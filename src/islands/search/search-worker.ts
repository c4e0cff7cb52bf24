import { createSearchClient, type SearchClient } from '../../lib/search/search-client.ts';
import { fetchOverHttp } from '../../lib/search/index-loader.ts';
import type { SearchManifest } from '../../lib/search/search-manifest.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';
import { stateFromSearch } from './search-model.ts';

// The search engine of the search page, in a worker: fetching, inflating and
// decoding index files, lunr's scoring, facets and the page of results run
// on another core than the page's layout, script loading and rendering
// (a first query does both at once).

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
let client: SearchClient | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'manifest') {
    client = createSearchClient(JSON.parse(m.manifest) as SearchManifest, fetchOverHttp);
    // Every search needs the document table (facets, dates, types): fetched before the first question.
    client.loader.docTable().catch(() => undefined);
    return;
  }
  void (async () => {
    try {
      if (!client) throw new Error('The search worker has no manifest.');
      if (m.kind === 'start') {
        const s = stateFromSearch(m.search);
        if (s.q.trim()) scope.postMessage({ id: m.id, ok: true, response: await client.search({ query: s.q, filters: s.filters, sort: s.sort, page: s.page }) });
      } else if (m.kind === 'search') scope.postMessage({ id: m.id, ok: true, response: await client.search(m.request) });
      else scope.postMessage({ id: m.id, ok: true, count: (await client.match(m.query)).scored.length });
    } catch (err) {
      scope.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
};

// Bundled by bench-search for the browser: our search client alone, so that
// later-query latency is measured on the engine without the typing debounce.
import { createSearchClient } from '../../src/lib/search/search-client.ts';
import { fetchOverHttp } from '../../src/lib/search/index-loader.ts';
import type { SearchManifest } from '../../src/lib/search/search-manifest.ts';

const manifest = (await (await fetch('/ours/manifest.json')).json()) as SearchManifest;
const client = createSearchClient(manifest, fetchOverHttp);
Object.assign(globalThis, {
  benchSearch: async (q: string) => (await client.search({ query: q })).hits.length,
});

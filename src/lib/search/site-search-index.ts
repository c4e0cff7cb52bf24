import { getContent, siteToday } from '../site-data.ts';
import { buildOutputs } from '../build/build-outputs.ts';
import { buildSearchIndex, type BuiltIndex } from './build-search-index.ts';
import type { SearchManifest } from './search-manifest.ts';
import { searchCorpus } from './search-documents.ts';

/** Where the index files are served. */
export const SEARCH_INDEX_BASE = '/search/idx/';

let built: BuiltIndex | undefined;

/** The site's search index, built once per build from the content. */
export function siteSearchIndex(): BuiltIndex {
  built ??= buildSearchIndex(searchCorpus(getContent(), siteToday()), { base: SEARCH_INDEX_BASE });
  return built;
}

/** The index's manifest: from the build's worker thread when it builds the index (build-outputs.ts), else built here. */
export function siteSearchManifest(): Promise<SearchManifest> {
  return buildOutputs().offloaded?.searchManifest ?? Promise.resolve(siteSearchIndex().manifest);
}

/** The manifest as JSON safe to inline in a <script> element. */
export function manifestJson(manifest: SearchManifest): string {
  return JSON.stringify(manifest).replace(/</g, '\\u003c');
}

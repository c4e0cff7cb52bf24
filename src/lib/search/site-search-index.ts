import { getContent, siteToday } from '../site-data.ts';
import { buildSearchIndex, type BuiltIndex } from './build-search-index.ts';
import { searchCorpus } from './search-documents.ts';

/** Where the index files are served. */
export const SEARCH_INDEX_BASE = '/search/idx/';

let built: BuiltIndex | undefined;

/** The site's search index, built once per build from the content. */
export function siteSearchIndex(): BuiltIndex {
  built ??= buildSearchIndex(searchCorpus(getContent(), siteToday()), { base: SEARCH_INDEX_BASE });
  return built;
}

/** The manifest as JSON safe to inline in a <script> element. */
export function manifestJson(index: BuiltIndex = siteSearchIndex()): string {
  return JSON.stringify(index.manifest).replace(/</g, '\\u003c');
}

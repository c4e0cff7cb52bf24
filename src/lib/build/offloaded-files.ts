// The build's data files that need no page renderer: the search index, the
// bulk open-data files and one JSON file per decision. A build makes them in
// a worker thread (src/lib/build/output-worker.ts) while the main thread
// renders pages; `astro dev` serves each from its route, which calls the same
// functions, so there is one source for every file.
import { getContent } from '../site-data.ts';
import { dataFiles } from '../open-data/data-files.ts';
import { decisionRecord } from '../open-data/decision-record.ts';
import { decisionJsonPath } from '../open-data/decision-row.ts';
import { SEARCH_INDEX_BASE, siteSearchIndex } from '../search/site-search-index.ts';

export type OutputFile = readonly [path: string, body: Uint8Array | string];

/** The search index files under their served paths (/search/idx/…). */
export function* searchIndexFiles(): Generator<OutputFile> {
  for (const [file, bytes] of siteSearchIndex().files) yield [`${SEARCH_INDEX_BASE}${file}`, bytes];
}

/** The JSON record of one decision, as served beside its page. */
export function decisionJson(decision: Parameters<typeof decisionRecord>[0], site: string): string {
  return JSON.stringify(decisionRecord(decision, site));
}

/** One JSON file per decision ever published (a withdrawn or expired one says only that). */
export function* decisionJsonFiles(site: string): Generator<OutputFile> {
  for (const d of getContent().decisions) yield [decisionJsonPath(d.docNo), decisionJson(d, site)];
}

/** The bulk files under /data/ (CSV and JSON), made one at a time. */
export function* dataFileBodies(site: string): Generator<OutputFile> {
  for (const file of dataFiles(site)) yield [file.path, file.body()];
}

/**
 * Each kind of offloaded file by the route that serves it in `astro dev` (under
 * src/): a build makes only those whose route the project has.
 */
export const OFFLOADED_ROUTES = {
  'pages/search/idx/[...file].ts': (): Iterable<OutputFile> => searchIndexFiles(),
  'pages/decisions/[slug].json.ts': (site: string): Iterable<OutputFile> => decisionJsonFiles(site),
  'pages/data/[...file].ts': (site: string): Iterable<OutputFile> => dataFileBodies(site),
} as const;

export type OffloadedRoute = keyof typeof OFFLOADED_ROUTES;
export const SEARCH_INDEX_ROUTE: OffloadedRoute = 'pages/search/idx/[...file].ts';

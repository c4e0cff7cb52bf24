// What the prerendered pages hand to the build beside the pages themselves:
// files written in one pass (the search index, one JSON file per decision),
// pages that stay out of the sitemap, and the service's pages that belong in it.
//
// Why: Astro renders every static route through its request pipeline and
// awaits a mkdir and a write for each output, about 1–2 ms a file; 20,000
// small data files cost more than all the decision pages. Routes that make
// such files register them here during the build (their getStaticPaths then
// returns nothing) and src/integrations/site-outputs.ts writes them once
// prerendering is done, synchronously, creating each folder once. In
// `astro dev` the same routes serve each file on request.
//
// The prerendered code and the integration run in one process but load this
// module separately (the bundle and the config each have their own copy), so
// the state lives on globalThis under a registered symbol.

import type { SearchManifest } from '../search/search-manifest.ts';

export interface BuildOutputs {
  /** Files to write under the client output folder, by URL path. */
  files: Map<string, Uint8Array | string>;
  /** Paths of pages kept out of the sitemap (noindex: withdrawn, expired, shells). */
  unlisted: Set<string>;
  /** Paths the reporting service answers that the sitemap should list. */
  servicePages: Set<string>;
  /**
   * Set while a build's worker thread makes the files of offloaded-files.ts
   * (the search index, the bulk data, the per-decision JSON): their routes
   * then render nothing, and the search page takes the index's manifest from
   * here.
   */
  offloaded?: { searchManifest: Promise<SearchManifest> };
}

const KEY = Symbol.for('zhifa.build-outputs');

export function buildOutputs(): BuildOutputs {
  const holder = globalThis as { [KEY]?: BuildOutputs };
  holder[KEY] ??= { files: new Map(), unlisted: new Set(), servicePages: new Set() };
  return holder[KEY];
}

/**
 * Adds files for the build to write; answers true when they were taken (a
 * build), false in `astro dev`, where the route serves them itself.
 */
export function emitFiles(files: Iterable<readonly [path: string, body: Uint8Array | string]>, dev: boolean): boolean {
  if (dev) return false;
  const outputs = buildOutputs().files;
  for (const [path, body] of files) outputs.set(path, body);
  return true;
}

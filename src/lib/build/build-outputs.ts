// What the prerendered pages and the build hand each other beside the pages
// themselves: pages that stay out of the sitemap, the content the worker
// thread read, the files it makes (offloaded-files.ts) and the pages written
// from a rendered one (shell-pages.ts).
//
// Why: Astro renders every static route through its request pipeline and
// awaits a folder and a write for each output, about 1–2 ms a file; 20,000
// small data files cost more than all the decision pages. So in a build the
// routes of those files render nothing: the worker started by
// src/integrations/site-outputs.ts writes them, on the second core, while
// the pages render. In `astro dev` the same routes serve each file on request.
//
// The prerendered code and the integration run in one process but load this
// module separately (the bundle and the config each have their own copy), so
// the state lives on globalThis under a registered symbol.

import type { Content } from '../content/load-content.ts';
import type { SearchManifest } from '../search/search-manifest.ts';
import type { ShellGroup } from './shell-pages.ts';

export interface BuildOutputs {
  /** Paths of pages kept out of the sitemap (noindex: withdrawn, expired, shells). */
  unlisted: Set<string>;
  /**
   * Set while a build's worker thread makes the files of offloaded-files.ts
   * (the search index, the bulk data, the per-decision JSON): their routes
   * then render nothing, and the search page takes the index's manifest from
   * here when the worker builds the index.
   */
  offloaded?: { searchManifest?: Promise<SearchManifest> };
  /**
   * The content as the build's worker thread read and validated it, once it
   * has: site-data.ts takes it from here rather than read it again.
   */
  content?: Content;
  /** Set during a build: HTML rendered once and repeated, by id (Memo.astro). */
  memo?: Map<string, string>;
  /** Set during a build: the pages to write from a rendered one (shell-pages.ts). */
  shellGroups?: ShellGroup[];
}

const KEY = Symbol.for('zhifa.build-outputs');

export function buildOutputs(): BuildOutputs {
  const holder = globalThis as { [KEY]?: BuildOutputs };
  holder[KEY] ??= { unlisted: new Set() };
  return holder[KEY];
}

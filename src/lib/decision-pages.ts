// The decision pages (/decisions/<slug>/) as a route written from shells:
// src/pages/decisions/[slug].astro renders the shells, the bulk pages
// (src/pages/shell-bodies/[chunk].astro) the body of every decision
// (DecisionBody.astro); see src/lib/build/shell-pages.ts.
import type { Decision } from './content/load-decisions.ts';
import { capturedByAstro, type CapturedRoute, type ShellMeta } from './build/shell-pages.ts';
import { getContent, officeName, visibilityOf } from './site-data.ts';

/** What a decision's page passes to Base.astro. */
export function decisionMeta(d: Decision): ShellMeta {
  return {
    path: `/decisions/${d.slug}/`,
    title: d.docNo,
    description: `${officeName(d.authority)} ${d.docNo} 行政处罚决定公示`,
    // Withdrawn, repaired and expired decisions keep their page, out of search engines and the sitemap.
    noindex: visibilityOf(d) !== 'listed',
  };
}

export function decisionPages(): CapturedRoute<Decision> {
  return capturedByAstro('decisions', () => getContent().decisions, { section: 'decisions', siteTitle: getContent().site.title, meta: decisionMeta });
}

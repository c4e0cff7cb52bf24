import type { APIRoute, GetStaticPaths } from 'astro';
import { emitFiles } from '../../lib/build/build-outputs.ts';
import { decisionJsonPath } from '../../lib/open-data/decision-row.ts';
import { decisionRecord } from '../../lib/open-data/decision-record.ts';
import { getContent } from '../../lib/site-data.ts';
import type { Decision } from '../../lib/content/load-decisions.ts';

// One JSON file per decision at a stable URL beside its page, for every
// decision ever published (a withdrawn or expired one says only that). A build
// writes them in one pass (src/lib/build/build-outputs.ts); `astro dev` serves
// each from here.
export const getStaticPaths = (() => {
  const decisions = getContent().decisions;
  const site = import.meta.env.SITE;
  const files = decisions.map((d) => [decisionJsonPath(d.docNo), JSON.stringify(decisionRecord(d, site))] as const);
  if (emitFiles(files, import.meta.env.DEV)) return [];
  return decisions.map((decision) => ({ params: { slug: decision.slug }, props: { decision } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { decision } = props as { decision: Decision };
  return new Response(JSON.stringify(decisionRecord(decision, import.meta.env.SITE)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

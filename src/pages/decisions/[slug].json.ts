import type { APIRoute, GetStaticPaths } from 'astro';
import { buildOutputs } from '../../lib/build/build-outputs.ts';
import { decisionJson } from '../../lib/build/offloaded-files.ts';
import { getContent } from '../../lib/site-data.ts';
import type { Decision } from '../../lib/content/load-decisions.ts';

// One JSON file per decision at a stable URL beside its page, for every
// decision ever published (a withdrawn or expired one says only that). A build
// has its worker thread write them (src/lib/build/offloaded-files.ts); `astro
// dev` serves each from here.
export const getStaticPaths = (() => {
  if (buildOutputs().offloaded) return [];
  return getContent().decisions.map((decision) => ({ params: { slug: decision.slug }, props: { decision } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { decision } = props as { decision: Decision };
  return new Response(decisionJson(decision, import.meta.env.SITE), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

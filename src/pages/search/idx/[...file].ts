import type { APIRoute, GetStaticPaths } from 'astro';
import { buildOutputs } from '../../../lib/build/build-outputs.ts';
import { siteSearchIndex } from '../../../lib/search/site-search-index.ts';

// The search index as static files under content-hashed names: term shards,
// document table, fines and one fragment per document, each deflated. A build
// has its worker thread write them (src/lib/build/offloaded-files.ts: some
// 13,000 files at 10,000 decisions); `astro dev` serves them from here.
export const getStaticPaths = (() => {
  if (buildOutputs().offloaded) return [];
  return [...siteSearchIndex().files.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bytes = siteSearchIndex().files.get(params.file ?? '');
  if (!bytes) return new Response('not found', { status: 404 });
  return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/octet-stream' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { emitFiles } from '../../../lib/build/build-outputs.ts';
import { SEARCH_INDEX_BASE, siteSearchIndex } from '../../../lib/search/site-search-index.ts';

// The search index as static files under content-hashed names: term shards,
// document table, fines and one fragment per document, each deflated. A build
// writes them in one pass (src/lib/build/build-outputs.ts: some 13,000 files at
// 10,000 decisions); `astro dev` serves them from here.
export const getStaticPaths = (() => {
  const files = siteSearchIndex().files;
  if (emitFiles([...files].map(([file, bytes]) => [`${SEARCH_INDEX_BASE}${file}`, bytes] as const), import.meta.env.DEV)) return [];
  return [...files.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bytes = siteSearchIndex().files.get(params.file ?? '');
  if (!bytes) return new Response('not found', { status: 404 });
  return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/octet-stream' } });
};

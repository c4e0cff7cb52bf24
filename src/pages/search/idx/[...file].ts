import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearchIndex } from '../../../lib/search/site-search-index.ts';

// The search index as static files under content-hashed names: term shards,
// document table, fines and one fragment per document, each deflated.
export const getStaticPaths = (() => [...siteSearchIndex().files.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bytes = siteSearchIndex().files.get(params.file ?? '');
  if (!bytes) return new Response('not found', { status: 404 });
  return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/octet-stream' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { searchEngineBundle } from '../../../lib/search/engine-bundle.ts';

// The search worker's script, under its content-hashed name.
export const getStaticPaths = (() => [{ params: { file: searchEngineBundle().file } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bundle = searchEngineBundle();
  if (params.file !== bundle.file) return new Response('not found', { status: 404 });
  return new Response(bundle.code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { buildOutputs } from '../../lib/build/build-outputs.ts';
import { dataFiles, type DataFile } from '../../lib/open-data/data-files.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

// Every bulk file of the open data (/data/decisions.csv, /data/county/990102.json, …), from one list.
// A build has its worker thread write them (src/lib/build/offloaded-files.ts); `astro dev` serves each from here.
export const getStaticPaths = (() => {
  if (buildOutputs().offloaded) return [];
  return dataFiles(import.meta.env.SITE).map((file) => ({ params: { file: file.path.slice('/data/'.length) }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: DataFile };
  return new Response(file.body(), { headers: { 'content-type': TYPES[file.format] } });
};

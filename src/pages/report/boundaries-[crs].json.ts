import type { APIRoute, GetStaticPaths } from 'astro';
import { getContent } from '../../lib/site-data.ts';
import { mapAreas } from '../../lib/map-areas.ts';
import type { Crs } from '../../schemas/common.ts';

// The report map fetches the territories only when it is shown, so the form's
// HTML stays small however detailed the boundaries are; one file per system a
// base map may be drawn in (天地图 WGS-84, 高德 GCJ-02), each a boundary's own
// coordinates where it was written in that system.
export const getStaticPaths = (() => (['wgs84', 'gcj02'] as const).map((crs) => ({ params: { crs } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const crs = params.crs as Crs;
  return new Response(JSON.stringify(mapAreas(getContent().offices, crs)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { getContent } from '../../lib/site-data.ts';
import { mapAreas } from '../../lib/map-areas.ts';

// The report map fetches the territories only when it is shown, so the form's
// HTML stays small however detailed the boundaries are.
export const GET: APIRoute = () => {
  const { site, offices } = getContent();
  return new Response(JSON.stringify(mapAreas(offices, site.mapTileCrs)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

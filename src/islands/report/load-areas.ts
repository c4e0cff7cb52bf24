import type { MapData } from '../../lib/map-areas.ts';
import type { Crs } from '../../schemas/common.ts';

const loaded = new Map<Crs, Promise<MapData>>();

/** The territories drawn in one system, fetched once per page (the map and the photo check share them). */
export function loadAreas(crs: Crs): Promise<MapData> {
  let areas = loaded.get(crs);
  if (!areas) {
    areas = fetch(`/report/boundaries-${crs}.json`).then((r) => {
      if (!r.ok) throw new Error(`boundaries: HTTP ${r.status}`);
      return r.json() as Promise<MapData>;
    });
    // A failed fetch (a bad connection) is tried again next time.
    areas.catch(() => loaded.delete(crs));
    loaded.set(crs, areas);
  }
  return areas;
}

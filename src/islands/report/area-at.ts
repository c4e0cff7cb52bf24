import pointInPolygon from 'point-in-polygon-hao';
import type { MapArea, MapData } from '../../lib/map-areas.ts';
import type { LatLng } from './parse-coordinates.ts';

/**
 * The territory holding a point (in the map's system): a county before the
 * city desk that surrounds them. Only a hint for the reporter; the server routes.
 */
export function areaAt(data: MapData, point: LatLng): MapArea | undefined {
  const inside = (area: MapArea) => area.polygons.some((polygon) => pointInPolygon([point.lng, point.lat], polygon) !== false);
  return data.areas.find((a) => a.role === 'county' && inside(a)) ?? data.areas.find((a) => a.role === 'desk' && inside(a));
}

import gcoord from 'gcoord';
import type { Crs } from '../../schemas/common.ts';
import { round6, type LatLng } from './parse-coordinates.ts';

// The form's lat/lng are WGS-84 (GPS, the API); the map draws in the tiles'
// system, which in China is usually GCJ-02, some 300–600 m away.

export function toTileCrs(point: LatLng, crs: Crs): LatLng {
  if (crs === 'wgs84') return point;
  const [lng = 0, lat = 0] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

export function toWgs84(point: LatLng, crs: Crs): LatLng {
  if (crs === 'wgs84') return { lat: round6(point.lat), lng: round6(point.lng) };
  const [lng = 0, lat = 0] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84);
  return { lat: round6(lat), lng: round6(lng) };
}

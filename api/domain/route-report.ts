import pointInPolygon from 'point-in-polygon-hao';

/** What routing needs of an office: its code, name, role and WGS-84 territory. */
export interface RoutableOffice {
  code: string;
  name: string;
  role: 'county' | 'desk';
  /** [polygon][ring][position], first ring the outline, the others holes. */
  boundaryWgs84: number[][][][];
}

/** A WGS-84 point as GPS and browsers give it. */
export interface Wgs84Point {
  lat: number;
  lng: number;
}

/**
 * Where a report goes: to the county office holding the point; to the desk's
 * unrouted queue when no county holds it (or there is no point); or nowhere
 * when the point is outside the authority's area.
 */
export type Routing =
  | { kind: 'routed'; office: RoutableOffice }
  | { kind: 'unrouted'; desk: RoutableOffice | undefined; reason: 'no-point' | 'no-county' }
  | { kind: 'outside' };

/** True when the point lies in the territory or on its edge; holes are outside. */
export function territoryHolds(territory: number[][][][], point: Wgs84Point): boolean {
  return territory.some((polygon) => pointInPolygon([point.lng, point.lat], polygon) !== false);
}

/** Routes a report's point among the offices (pure; offices already in WGS-84). */
export function routeReport(point: Wgs84Point | undefined, offices: readonly RoutableOffice[]): Routing {
  const desk = offices.find((o) => o.role === 'desk');
  if (!point) return { kind: 'unrouted', desk, reason: 'no-point' };
  const county = offices.find((o) => o.role === 'county' && territoryHolds(o.boundaryWgs84, point));
  if (county) return { kind: 'routed', office: county };
  // Without a desk the area is the union of the counties, so a point outside them is outside.
  if (desk && territoryHolds(desk.boundaryWgs84, point)) return { kind: 'unrouted', desk, reason: 'no-county' };
  return { kind: 'outside' };
}

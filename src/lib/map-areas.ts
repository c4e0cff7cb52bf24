import gcoord from 'gcoord';
import type { LoadedOffice } from './content/load-offices.ts';
import type { Crs } from '../schemas/common.ts';
import type { MultiPolygonCoords } from '../schemas/boundary.ts';

/** An office's territory as a map draws it: polygons in the tiles' system and a point for its label. */
export interface MapArea {
  code: string;
  /** Territory name shown on the map, e.g. 东湖区. */
  name: string;
  /** The office that receives leads there. */
  officeName: string;
  role: LoadedOffice['role'];
  /** [lat, lng] inside the territory (not in a hole), in the tiles' system. */
  label: [number, number];
  /** [polygon][ring][[lng, lat]] in the tiles' system. */
  polygons: MultiPolygonCoords;
}

/** What the report map loads: every territory, drawn in the coordinate system of the tiles. */
export interface MapData {
  crs: Crs;
  areas: MapArea[];
}

export function mapAreas(offices: readonly LoadedOffice[], tileCrs: Crs): MapData {
  return {
    crs: tileCrs,
    areas: offices.map((office) => {
      const polygons = boundaryIn(office, tileCrs);
      return { code: office.code, name: office.areaName, officeName: office.name, role: office.role, label: labelPoint(polygons), polygons };
    }),
  };
}

function boundaryIn(office: LoadedOffice, crs: Crs): MultiPolygonCoords {
  if (office.boundaryCrs === crs) return office.boundarySource;
  if (crs === 'wgs84') return office.boundaryWgs84;
  return office.boundaryWgs84.map((poly) =>
    poly.map((ring) =>
      ring.map(([lng, lat]) => {
        const [x, y] = gcoord.transform([lng ?? 0, lat ?? 0], gcoord.WGS84, gcoord.GCJ02);
        return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
      }),
    ),
  );
}

/**
 * A point well inside the largest polygon: the middle of the longest inside
 * stretch of a few horizontal lines. A bounding-box centre can fall in a lake
 * (a hole) or outside a crescent-shaped county.
 */
export function labelPoint(polygons: MultiPolygonCoords): [number, number] {
  let best: { length: number; lat: number; lng: number } = { length: -1, lat: 0, lng: 0 };
  for (const polygon of polygons) {
    const outer = polygon[0] ?? [];
    const lats = outer.map((p) => p[1] ?? 0);
    const south = Math.min(...lats);
    const north = Math.max(...lats);
    for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const lat = south + (north - south) * fraction;
      const crossings = polygon.flatMap((ring) => crossingsAt(ring, lat)).sort((a, b) => a - b);
      for (let i = 0; i + 1 < crossings.length; i += 2) {
        const west = crossings[i] ?? 0;
        const east = crossings[i + 1] ?? 0;
        if (east - west > best.length) best = { length: east - west, lat, lng: (west + east) / 2 };
      }
    }
  }
  return [Math.round(best.lat * 1e6) / 1e6, Math.round(best.lng * 1e6) / 1e6];
}

function crossingsAt(ring: number[][], lat: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    if (y1 <= lat !== y2 <= lat) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
  }
  return xs;
}

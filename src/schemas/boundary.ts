import { z } from 'zod';

const position = z.tuple([z.number(), z.number()], { error: 'expected a [lng, lat] position' }).rest(z.number());
const ring = z.array(position).min(4, 'expected a closed ring of at least 4 positions');
const polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon], { error: 'expected a Polygon or MultiPolygon' });
const feature = z.object({ type: z.literal('Feature'), geometry, properties: z.record(z.string(), z.unknown()).nullable().optional() });
const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature).min(1) });

/** A boundary file: a Polygon, MultiPolygon, Feature or FeatureCollection of them. */
export const boundaryFileSchema = z.union([geometry, feature, collection], {
  error: 'expected GeoJSON: a Polygon, MultiPolygon, or a Feature / FeatureCollection of them',
});

/** Polygons as [polygon][ring][position] with [lng, lat] positions. */
export type MultiPolygonCoords = number[][][][];

/** Flattens any accepted boundary file into one list of polygons. */
export function toMultiPolygon(file: z.output<typeof boundaryFileSchema>): MultiPolygonCoords {
  const geometries =
    file.type === 'FeatureCollection' ? file.features.map((f) => f.geometry) : file.type === 'Feature' ? [file.geometry] : [file];
  return geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
}

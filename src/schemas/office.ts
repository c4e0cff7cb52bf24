import { z } from 'zod';
import { crs, regionCode } from './common.ts';
import { creditCode } from './credit-code.ts';
import { leadDeadlinesSchema } from './site.ts';

/** content/offices/<code>.yaml: an office that receives leads and issues decisions. */
export const officeSchema = z.strictObject({
  /** Region code of the territory the office covers; also its id. */
  code: regionCode,
  /** The office's full name, e.g. 示范市东湖区自然资源局. */
  name: z.string().min(4),
  /** The territory's name, e.g. 东湖区. */
  areaName: z.string().min(2),
  /** `county` offices receive routed leads; the `desk` (city or province) takes leads no county holds. */
  role: z.enum(['county', 'desk'], { error: 'expected "county" or "desk"' }),
  /** Address to which leads are forwarded (reserved domains in demo content). */
  email: z.email('expected an e-mail address'),
  /** Public office phone. */
  phone: z.string(),
  /** Public office address. */
  address: z.string(),
  /** The office's 统一社会信用代码 (GB 32100). */
  creditCode,
  /** Boundary file beside this YAML (GeoJSON Polygon/MultiPolygon, Feature or FeatureCollection). */
  boundary: z.string().regex(/\.(geo)?json$/, 'expected a .geojson or .json file name'),
  /** The coordinate system the boundary is written in; Chinese web data is usually GCJ-02. */
  boundaryCrs: crs,
  /** This office's own lead deadlines, where they differ from site.yaml's. */
  leadDeadlines: leadDeadlinesSchema.partial().optional(),
});
export type Office = z.output<typeof officeSchema>;

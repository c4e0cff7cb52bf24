import { z } from 'zod';
import { regionCode } from './common.ts';
import { baseMapSchema } from './base-map.ts';

/** content/site.yaml: the authority that publishes the portal. */
export const siteSchema = z.strictObject({
  /** The authority's full name, e.g. 示范市自然资源和规划局. */
  authority: z.string().min(2),
  /** The portal's title shown in the header. */
  title: z.string().min(2),
  /** Region code of the authority's area (city or province). */
  regionCode,
  /** Name of the authority's area, e.g. 示范市. */
  regionName: z.string().min(2),
  /** Public contacts shown in the footer. */
  contacts: z.strictObject({
    address: z.string(),
    phone: z.string(),
    email: z.email('expected an e-mail address'),
    hotline: z.string().default('12336'),
  }),
  /** Licence of the published data (open data). */
  licence: z.strictObject({ name: z.string(), url: z.url() }),
  /**
   * The report map's base maps (天地图, 高德…), the first shown first; without
   * any, the map draws the county boundaries alone and says why.
   */
  map: z.strictObject({ baseMaps: z.array(baseMapSchema).min(1, 'expected at least one base map') }).optional(),
  /** Older single-layer form of `map`: a tile URL template ({z}/{x}/{y}). */
  mapTileUrl: z.string().optional(),
  /** Attribution to show with `mapTileUrl`'s tiles. */
  mapAttribution: z.string().optional(),
  /** The coordinate system `mapTileUrl`'s tiles are drawn in. */
  mapTileCrs: z.enum(['wgs84', 'gcj02']).default('gcj02'),
  /** True while the content is demo material; the site shows a 示例数据 notice. */
  demo: z.boolean().default(false),
}).superRefine((site, ctx) => {
  if (site.map && site.mapTileUrl) ctx.addIssue({ code: 'custom', path: ['mapTileUrl'], message: 'expected either map.baseMaps or mapTileUrl, not both' });
});
export type Site = z.output<typeof siteSchema>;

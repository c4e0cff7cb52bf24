import { z } from 'zod';
import { regionCode } from './common.ts';
import { baseMapSchema } from './base-map.ts';

/**
 * How long an office has for a lead, in working days from the day it reached
 * the office. No statute sets these: they are the authority's own rule (local
 * practice, cf. 12336: register within 1 working day, dispatch within 2), and
 * `basis` says where it is written; the pages show it beside the figures.
 */
export const leadDeadlinesSchema = z.strictObject({
  /** Working days to acknowledge (签收). */
  acknowledgeWithinWorkingDays: z.number().int().min(1).max(30),
  /** Working days to record an outcome (办结). */
  concludeWithinWorkingDays: z.number().int().min(1).max(120),
  /** Working days past a deadline after which the lead is escalated to the desk (a reminder goes on the first). */
  escalateAfterWorkingDays: z.number().int().min(1).max(30),
});
export type LeadDeadlines = z.output<typeof leadDeadlinesSchema>;

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
  /** Lead handling: the default deadlines (offices may set their own) and the rule they come from. */
  leads: z
    .strictObject({
      deadlines: leadDeadlinesSchema,
      /** The rule that sets the deadlines, e.g. 《示范市自然资源违法线索办理规定》第八条（地方规定）. */
      basis: z.string().min(2),
    })
    .default({ deadlines: { acknowledgeWithinWorkingDays: 1, concludeWithinWorkingDays: 15, escalateAfterWorkingDays: 2 }, basis: '本机关线索办理规定（地方实践，非法定期限）' }),
}).superRefine((site, ctx) => {
  if (site.map && site.mapTileUrl) ctx.addIssue({ code: 'custom', path: ['mapTileUrl'], message: 'expected either map.baseMaps or mapTileUrl, not both' });
});
export type Site = z.output<typeof siteSchema>;

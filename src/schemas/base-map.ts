import { z } from 'zod';
import { crs } from './common.ts';

/** One tile layer of a base map: the ground, or the labels drawn over it. */
export const tileLayerSchema = z.strictObject({
  /**
   * Tile URL template with {z}, {x} and {y}; {s} for a subdomain and {tk} for the
   * base map's key, e.g. 天地图's WMTS
   * `https://t{s}.tianditu.gov.cn/vec_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}`.
   */
  url: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL template without spaces')
    .refine((url) => ['{z}', '{x}', '{y}'].every((p) => url.includes(p)), 'expected a tile URL template with {z}, {x} and {y}'),
  /** The values {s} takes in turn, one character each, e.g. "01234567" for t0…t7.tianditu.gov.cn. */
  subdomains: z.string().regex(/^[0-9a-z]+$/, 'expected subdomain letters or digits, e.g. "01234567"').optional(),
});
export type TileLayer = z.output<typeof tileLayerSchema>;

/**
 * A base map the report map offers: its layers drawn in order (ground first,
 * then labels), the coordinate system they are drawn in, and the credit line.
 */
export const baseMapSchema = z
  .strictObject({
    /** Shown in the choice of base maps, e.g. 天地图 影像. */
    name: z.string().min(2),
    /**
     * The system the tiles are drawn in: `wgs84` for 天地图 (CGCS2000, within
     * map precision of WGS-84, so no shift), `gcj02` for 高德 and 腾讯.
     */
    crs,
    /** Ground first, then labels (vec_w + cva_w, img_w + cia_w). */
    layers: z.array(tileLayerSchema).min(1, 'expected at least one tile layer'),
    /** The key put in {tk} (天地图's browser key; bind it to the site's domain in the 天地图 console). */
    tk: z.string().regex(/^[0-9a-zA-Z]+$/, 'expected the key as letters and digits').optional(),
    /** Credit shown on the map, e.g. 天地图（国家地理信息公共服务平台）. */
    attribution: z.string().min(2),
    /** The map's approval number, shown with the credit, e.g. 审图号：GS(2024)XXXX号. */
    approval: z.string().min(4).optional(),
    /** Zoom levels the tiles exist for. */
    minZoom: z.number().int().min(0).max(22).default(1),
    maxZoom: z.number().int().min(1).max(22).default(18),
  })
  .superRefine((map, ctx) => {
    const asksForKey = map.layers.some((l) => l.url.includes('{tk}'));
    if (asksForKey && !map.tk) ctx.addIssue({ code: 'custom', path: ['tk'], message: 'expected the key that the layers’ {tk} asks for' });
    if (!asksForKey && map.tk) ctx.addIssue({ code: 'custom', path: ['tk'], message: 'expected {tk} in a layer URL, since a key is given' });
    map.layers.forEach((l, i) => {
      if (l.url.includes('{s}') && !l.subdomains) ctx.addIssue({ code: 'custom', path: ['layers', i, 'subdomains'], message: 'expected subdomains, since the URL has {s}' });
    });
    if (map.minZoom > map.maxZoom) ctx.addIssue({ code: 'custom', path: ['minZoom'], message: 'expected minZoom not above maxZoom' });
  });
export type BaseMap = z.output<typeof baseMapSchema>;

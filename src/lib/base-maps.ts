import type { Site } from '../schemas/site.ts';
import type { Crs } from '../schemas/common.ts';

/** A base map as the report map receives it: URLs with their key filled in, one credit line. */
export interface BaseMapConfig {
  name: string;
  crs: Crs;
  /** Drawn in order: ground first, then labels. */
  layers: { url: string; subdomains?: string }[];
  /** Attribution and 审图号, as shown on the map. */
  credit: string;
  minZoom: number;
  maxZoom: number;
}

/**
 * The base maps of site.yaml, in the order offered (the older single
 * `mapTileUrl` becomes one base map). The key goes into the URLs here: a
 * browser key is public by nature, and 天地图 binds it to the site's domain.
 */
export function baseMapsOf(site: Site): BaseMapConfig[] {
  if (site.map) {
    return site.map.baseMaps.map((m) => ({
      name: m.name,
      crs: m.crs,
      layers: m.layers.map((l) => ({ url: m.tk ? l.url.replaceAll('{tk}', m.tk) : l.url, ...(l.subdomains ? { subdomains: l.subdomains } : {}) })),
      credit: m.approval ? `${m.attribution} · ${m.approval}` : m.attribution,
      minZoom: m.minZoom,
      maxZoom: m.maxZoom,
    }));
  }
  if (site.mapTileUrl) {
    return [{ name: '底图', crs: site.mapTileCrs, layers: [{ url: site.mapTileUrl }], credit: site.mapAttribution ?? '', minZoom: 1, maxZoom: 18 }];
  }
  return [];
}

import { describe, expect, test } from 'vitest';
import { siteSchema } from '../../src/schemas/site.ts';
import { baseMapsOf } from '../../src/lib/base-maps.ts';

const site = {
  authority: '示范市自然资源和规划局',
  title: '执法公示',
  regionCode: '990100',
  regionName: '示范市',
  contacts: { address: '示范市政务大道 1 号', phone: '0999-12336', email: 'zhifa@example.org' },
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
};
const tianditu = {
  name: '天地图 矢量',
  crs: 'wgs84',
  tk: 'abc123',
  attribution: '天地图',
  approval: '审图号：GS(2024)0000号',
  layers: [
    { url: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}', subdomains: '01234567' },
    { url: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}', subdomains: '01234567' },
  ],
};
const problems = (input: unknown) => {
  const parsed = siteSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('base maps in site.yaml', () => {
  test('a 天地图 base map gets its key in every layer URL and one credit line with the 审图号', () => {
    const [map] = baseMapsOf(siteSchema.parse({ ...site, map: { baseMaps: [tianditu] } }));
    expect(map?.crs).toBe('wgs84');
    expect(map?.layers.map((l) => l.url.endsWith('&tk=abc123'))).toEqual([true, true]);
    expect(map?.credit).toBe('天地图 · 审图号：GS(2024)0000号');
  });

  test('no base map at all leaves the outline map', () => {
    expect(baseMapsOf(siteSchema.parse(site))).toEqual([]);
  });

  test('a layer asking for {tk} without a key, {s} without subdomains or a URL without {z} fail naming the field', () => {
    const { tk: _key, ...noKey } = tianditu;
    expect(problems({ ...site, map: { baseMaps: [noKey] } })).toEqual(['map.baseMaps.0.tk: expected the key that the layers’ {tk} asks for']);
    const noSubdomains = { ...tianditu, layers: [{ url: tianditu.layers[0]!.url }] };
    expect(problems({ ...site, map: { baseMaps: [noSubdomains] } })).toEqual(['map.baseMaps.0.layers.0.subdomains: expected subdomains, since the URL has {s}']);
    const noZoom = { ...tianditu, layers: [{ url: 'https://example.org/{x}/{y}.png?tk={tk}' }] };
    expect(problems({ ...site, map: { baseMaps: [noZoom] } })).toEqual(['map.baseMaps.0.layers.0.url: expected a tile URL template with {z}, {x} and {y}']);
  });

  test('map and the older mapTileUrl together are refused', () => {
    expect(problems({ ...site, map: { baseMaps: [tianditu] }, mapTileUrl: 'https://example.org/{z}/{x}/{y}.png' })).toEqual(['mapTileUrl: expected either map.baseMaps or mapTileUrl, not both']);
  });
});

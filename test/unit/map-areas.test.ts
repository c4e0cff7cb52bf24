import { describe, expect, test } from 'vitest';
import pointInPolygon from 'point-in-polygon-hao';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { labelPoint, mapAreas } from '../../src/lib/map-areas.ts';
import { areaAt } from '../../src/islands/report/area-at.ts';
import { toTileCrs, toWgs84 } from '../../src/islands/report/map-crs.ts';

const { offices } = loadContent();

describe('labelPoint', () => {
  test('puts a label inside a county with a lake, not in the lake', () => {
    const donghu = offices.find((o) => o.code === '990102');
    if (!donghu) throw new Error('demo content lacks 东湖区');
    const [lat, lng] = labelPoint(donghu.boundarySource);
    expect(pointInPolygon([lng, lat], donghu.boundarySource[0] ?? [])).toBe(true);
  });
});

describe('mapAreas', () => {
  test('draws GCJ-02 boundaries as written on GCJ-02 tiles', () => {
    const data = mapAreas(offices, 'gcj02');
    expect(data.areas.find((a) => a.code === '990102')?.polygons).toEqual(offices.find((o) => o.code === '990102')?.boundarySource);
  });

  test('draws them converted on WGS-84 tiles, a few hundred metres away', () => {
    const gcj = mapAreas(offices, 'gcj02').areas.find((a) => a.code === '990102')?.polygons[0]?.[0]?.[0] ?? [];
    const wgs = mapAreas(offices, 'wgs84').areas.find((a) => a.code === '990102')?.polygons[0]?.[0]?.[0] ?? [];
    const shift = Math.hypot((gcj[0] ?? 0) - (wgs[0] ?? 0), (gcj[1] ?? 0) - (wgs[1] ?? 0));
    expect(shift).toBeGreaterThan(0.002);
    expect(shift).toBeLessThan(0.01);
  });
});

describe('areaAt', () => {
  const data = mapAreas(offices, 'gcj02');
  test('a GPS point in 东湖区 is shown in 东湖区 once converted to the map system', () => {
    expect(areaAt(data, toTileCrs({ lat: 30.42, lng: 116.515 }, 'gcj02'))?.name).toBe('东湖区');
  });
  test('a point in the lake of 东湖区 falls to the city desk', () => {
    expect(areaAt(data, { lat: 30.355, lng: 116.43 })?.role).toBe('desk');
  });
  test('a point far away is in no area', () => {
    expect(areaAt(data, { lat: 39.9, lng: 116.4 })).toBeUndefined();
  });
  test('converting to the map and back returns the same point within a metre', () => {
    const back = toWgs84(toTileCrs({ lat: 30.42, lng: 116.515 }, 'gcj02'), 'gcj02');
    expect(Math.abs(back.lat - 30.42)).toBeLessThan(1e-5);
    expect(Math.abs(back.lng - 116.515)).toBeLessThan(1e-5);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import gcoord from 'gcoord';
import pointInPolygon from 'point-in-polygon-hao';
import { afterAll, describe, expect, test } from 'vitest';
import { ProblemList } from '../../src/lib/content/content-error.ts';
import { loadOffices, type LoadedOffice } from '../../src/lib/content/load-offices.ts';
import { routeReport, territoryHolds, type RoutableOffice } from '../../api/domain/route-report.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const realBoundaries = resolve(repoRoot, '..', 'shared', 'data', 'boundaries');

function load(dir: string): LoadedOffice[] {
  const problems = new ProblemList();
  const offices = loadOffices(dir, problems);
  problems.throwIfAny();
  return offices;
}

/** A point given in GCJ-02 (the boundaries' system) as GPS would report it (WGS-84). */
function fromGcj(lng: number, lat: number): { lat: number; lng: number } {
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return { lng: x, lat: y };
}

function routedCode(point: { lat: number; lng: number }, offices: readonly RoutableOffice[]): string {
  const r = routeReport(point, offices);
  return r.kind === 'routed' ? r.office.code : r.kind;
}

/** The offices as they would be if the GCJ-02 boundaries were taken for WGS-84. */
function ignoringOffset(offices: readonly LoadedOffice[]): RoutableOffice[] {
  return offices.map((o) => ({ ...o, boundaryWgs84: o.boundarySource }));
}

describe('routeReport with the demo boundaries', () => {
  const offices = load(join(repoRoot, 'content'));

  test.each([
    ['西岭区', 116.15, 30.4, '990103'],
    ['东湖区', 116.5, 30.3, '990102'],
    ['清河县', 116.1, 30.1, '990121'],
    ['石门县', 116.3, 30.1, '990122'],
    ['云山县', 116.5, 30.1, '990123'],
  ])('a point inside %s goes to that county office', (_name, lng, lat, code) => {
    expect(routedCode(fromGcj(lng, lat), offices)).toBe(code);
  });

  test('points 200 m either side of the 西岭/东湖 border go to the county on their side', () => {
    // The border runs from (116.3, 30.25) to (116.303077, 30.3125) in GCJ-02.
    const borderLng = 116.3 + 0.003077 * ((30.2675 - 30.25) / 0.0625);
    expect(routedCode(fromGcj(borderLng - 0.002, 30.2675), offices)).toBe('990103');
    expect(routedCode(fromGcj(borderLng + 0.002, 30.2675), offices)).toBe('990102');
  });

  test('a point in the lake (a hole in 东湖区) goes to the unrouted queue of the city desk', () => {
    const routing = routeReport(fromGcj(116.43, 30.355), offices);
    expect(routing).toMatchObject({ kind: 'unrouted', reason: 'no-county', desk: { code: '990100' } });
  });

  test('a point inside the city but in no county goes to the unrouted queue', () => {
    expect(routeReport(fromGcj(115.985, 30.1), offices)).toMatchObject({ kind: 'unrouted', reason: 'no-county' });
  });

  test('a report without a point goes to the unrouted queue', () => {
    expect(routeReport(undefined, offices)).toMatchObject({ kind: 'unrouted', reason: 'no-point', desk: { code: '990100' } });
  });

  test('a point outside the city is outside', () => {
    expect(routeReport({ lat: 31.5, lng: 117.2 }, offices)).toEqual({ kind: 'outside' });
    expect(routeReport({ lat: -33.9, lng: 151.2 }, offices)).toEqual({ kind: 'outside' });
  });

  test('taking the GCJ-02 boundaries for WGS-84 would send a GPS point near the border to the wrong county', () => {
    // GPS (WGS-84) reading 116.298, 30.27 is about 300 m east of the border on the ground.
    const gps = { lng: 116.298, lat: 30.27 };
    expect(routedCode(gps, offices)).toBe('990102');
    expect(routedCode(gps, ignoringOffset(offices))).toBe('990103');
  });
});

const realPresent = existsSync(join(realBoundaries, '330502.json'));
if (!realPresent) console.warn(`Skipping the real-boundary routing tests: ${realBoundaries} is absent.`);

// The suite's body reads the shared files while collecting, so it is not declared at all without them.
if (!realPresent) test.skip('routeReport with the real 湖州 boundaries: ../shared/data/boundaries is absent', () => {});
else describe('routeReport with the real 湖州 boundaries (GCJ-02, ../shared/data/boundaries)', () => {
  const districts = ['330502', '330503', '330521', '330522', '330523'];
  // A content folder in the temp dir whose boundary files are links to the shared data (never copies).
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-routing-'));
  mkdirSync(join(dir, 'offices'));
  const yaml = (code: string, role: string, boundary: string) =>
    [`code: "${code}"`, `name: 湖州测试办公室${code}`, `areaName: 区县${code}`, `role: ${role}`, `email: t${code}@example.org`,
      'phone: "0000"', 'address: 测试', 'creditCode: 11990102MB0001000U', `boundary: ${boundary}`, 'boundaryCrs: gcj02', ''].join('\n');
  for (const code of districts) {
    symlinkSync(join(realBoundaries, `${code}.json`), join(dir, 'offices', `${code}.json`));
    writeFileSync(join(dir, 'offices', `${code}.yaml`), yaml(code, 'county', `${code}.json`));
  }
  symlinkSync(join(realBoundaries, '330500-huzhou-city.json'), join(dir, 'offices', 'city.json'));
  writeFileSync(join(dir, 'offices', '330500.yaml'), yaml('330500', 'desk', 'city.json'));
  const offices = load(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const source = (code: string) => offices.find((o) => o.code === code)?.boundarySource ?? [];
  const truthAt = (lng: number, lat: number) => districts.find((code) => source(code).some((p) => pointInPolygon([lng, lat], p) === true));

  test.each(districts)('the centroid of %s routes to that district', (code) => {
    const file = JSON.parse(readFileSync(join(realBoundaries, `${code}.json`), 'utf8')) as { features: { properties: { centroid: [number, number] } }[] };
    const [lng, lat] = file.features[0]?.properties.centroid ?? [0, 0];
    expect(truthAt(lng, lat)).toBe(code);
    expect(routedCode(fromGcj(lng, lat), offices)).toBe(code);
  });

  // Points on a small circle around a vertex of the 吴兴/南浔 border, classified by the GCJ-02 truth.
  const vertex = [120.358401, 30.891732] as const;
  const ring = Array.from({ length: 48 }, (_, i) => {
    const angle = (i / 48) * 2 * Math.PI;
    const lng = vertex[0] + 0.004 * Math.cos(angle);
    const lat = vertex[1] + 0.004 * Math.sin(angle);
    return { lng, lat, truth: truthAt(lng, lat) };
  });

  test('points 400 m either side of the 吴兴/南浔 border route to the district on their side', () => {
    const sides = new Set(ring.map((p) => p.truth).filter(Boolean));
    expect(sides).toEqual(new Set(['330502', '330503']));
    for (const p of ring.filter((q) => q.truth)) expect(routedCode(fromGcj(p.lng, p.lat), offices)).toBe(p.truth);
  });

  test('ignoring the GCJ-02 offset misroutes some of those points', () => {
    const naive = ignoringOffset(offices);
    const misrouted = ring.filter((p) => p.truth && routedCode(fromGcj(p.lng, p.lat), naive) !== p.truth);
    expect(misrouted.length).toBeGreaterThan(0);
  });

  test('a point outside 湖州 (杭州 West Lake) is outside; a point in 太湖 is outside or unrouted, never a county', () => {
    expect(routeReport({ lat: 30.2425, lng: 120.1405 }, offices)).toEqual({ kind: 'outside' });
    expect(routeReport({ lat: 31.2, lng: 120.2 }, offices).kind).not.toBe('routed');
  });

  test('territoryHolds respects every polygon of a multi-polygon district', () => {
    const all = offices.filter((o) => o.role === 'county');
    expect(all.every((o) => o.boundaryWgs84.length >= 1)).toBe(true);
    expect(territoryHolds(all[0]?.boundaryWgs84 ?? [], { lat: 0, lng: 0 })).toBe(false);
  });
});

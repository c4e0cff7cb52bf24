import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { copyDemoContent, repoRoot } from '../fixtures/content-fixture.ts';
import { expectNoAxeViolations } from './helpers.ts';

// A site configured as a real deployment would be, started the way the README
// says (`npm start`, here on port 4436 with PUBLIC_URL unset), with two base
// maps served by a tile server this file starts and whose tiles it draws:
// 天地图 (WMTS vec_w + cva_w with a key, CGCS2000 ≈ WGS-84) and 高德 (GCJ-02,
// imagery + labels). One build serves both the origin and the map checks.
const PORT = 4436;
const ORIGIN = `http://localhost:${PORT}`;
const TK = 'e2etestkey0123456789';
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

let tiles: Server;
let tileOrigin = '';
const tileRequests: string[] = [];
let site: ChildProcess | undefined;
let content: ReturnType<typeof copyDemoContent>;
const distDir = join(repoRoot, '.dist-e2e-configured');
const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-configured-'));

/** A 256 px tile: an opaque ground in the layer's colour, or a transparent label layer with a mark in one corner. */
const tileCache = new Map<string, Promise<Buffer>>();
function tile(layer: string): Promise<Buffer> {
  const ground: Record<string, { r: number; g: number; b: number }> = { vec: { r: 236, g: 231, b: 214 }, img: { r: 86, g: 110, b: 70 } };
  let made = tileCache.get(layer);
  if (!made) {
    const colour = ground[layer];
    made = colour
      ? sharp({ create: { width: 256, height: 256, channels: 3, background: colour } }).png().toBuffer()
      : sharp({ create: { width: 256, height: 256, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
          .composite([{ input: { create: { width: 24, height: 8, channels: 4, background: { r: 20, g: 20, b: 20, alpha: 1 } } }, left: 8, top: 8 }])
          .png()
          .toBuffer();
    tileCache.set(layer, made);
  }
  return made;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  tiles = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://tiles');
    tileRequests.push(url.pathname + url.search);
    // /t0/vec_w/wmts?…LAYER=vec…  and  /webst01/appmaptile?style=6…
    const layer = url.searchParams.get('LAYER') ?? (url.searchParams.get('style') === '6' ? 'img' : 'labels');
    if (url.pathname.includes('_w/') && url.searchParams.get('tk') !== TK) {
      res.writeHead(403).end();
      return;
    }
    void tile(layer).then((png) => res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(png));
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const address = tiles.address();
  tileOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  content = copyDemoContent();
  const wmts = (layer: string) =>
    `${tileOrigin}/t{s}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}`;
  const yamlFile = join(content.dir, 'site.yaml');
  const siteYaml = parse(readFileSync(yamlFile, 'utf8')) as Record<string, unknown>;
  delete siteYaml.mapTileCrs;
  siteYaml.map = {
    baseMaps: [
      { name: '天地图 矢量', crs: 'wgs84', tk: TK, attribution: '天地图（测试瓦片）', approval: '审图号：GS(2099)0001号', layers: [{ url: wmts('vec'), subdomains: '01' }, { url: wmts('cva'), subdomains: '01' }] },
      {
        name: '高德 影像',
        crs: 'gcj02',
        attribution: '高德地图（测试瓦片）',
        approval: '审图号：GS(2099)0002号',
        layers: [
          { url: `${tileOrigin}/webst0{s}/appmaptile?style=6&x={x}&y={y}&z={z}`, subdomains: '12' },
          { url: `${tileOrigin}/wprd0{s}/appmaptile?style=8&x={x}&y={y}&z={z}`, subdomains: '12' },
        ],
      },
    ],
  };
  writeFileSync(yamlFile, stringify(siteYaml));

  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PORT: String(PORT), HOST: '127.0.0.1', CONTENT_DIR: content.dir, DIST_DIR: distDir, DATA_DIR: dataDir, RATE_LIMIT: 'off', ASTRO_TELEMETRY_DISABLED: '1' };
  const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  site = child;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('serving on')) resolve();
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-2000)}`)));
  });
});

test.afterAll(async () => {
  if (site && site.exitCode === null) {
    const exited = new Promise((resolve) => site?.once('exit', resolve));
    site.kill('SIGTERM');
    await exited;
  }
  await new Promise((resolve) => tiles?.close(resolve));
  content?.remove();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

test('started on another port with PUBLIC_URL unset, the open data and the feed link to that port', async ({ request }) => {
  const json = (await (await request.get(`${ORIGIN}/data/decisions.json`)).json()) as { decisions: { url: string }[] };
  expect(json.decisions.length).toBeGreaterThan(0);
  expect(json.decisions.filter((d) => !d.url.startsWith(`${ORIGIN}/decisions/`)).map((d) => d.url)).toEqual([]);
  const csv = await (await request.get(`${ORIGIN}/data/decisions.csv`)).text();
  // Each row links its page, its JSON file and (for an organisation) its party history: every link on that port.
  const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.length).toBe(json.decisions.length);
  const urls = rows.flatMap((r) => [r.url, r.jsonUrl, r.partyUrl].filter((u): u is string => Boolean(u)));
  expect(urls.length).toBeGreaterThanOrEqual(2 * rows.length);
  expect(urls.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
  const feed = await (await request.get(`${ORIGIN}/decisions/feed.xml`)).text();
  const links = [...feed.matchAll(/<(?:link|guid)[^>]*>([^<]+)</g)].map((m) => m[1] ?? '');
  expect(links.length).toBeGreaterThan(1);
  expect(links.filter((l) => !l.startsWith(`${ORIGIN}/`))).toEqual([]);
  expect(feed).not.toContain('4321');
});

// --- the map, measured in screen pixels against the tiles that Leaflet placed ---

interface TileBox {
  z: number;
  x: number;
  y: number;
  left: number;
  top: number;
  size: number;
}

/**
 * The screen position of a loaded ground tile of the level shown (the highest:
 * Leaflet keeps the level before a zoom until the new tiles are in), to turn
 * map coordinates into screen pixels.
 */
async function groundTile(page: Page, kind: 'wmts' | 'gaode'): Promise<TileBox> {
  return page.evaluate((k) => {
    let best: TileBox | undefined;
    for (const img of document.querySelectorAll<HTMLImageElement>('.leaflet-tile-loaded')) {
      const src = img.src;
      const m = k === 'wmts' ? /vec_w.*TILEMATRIX=(\d+)&TILEROW=(\d+)&TILECOL=(\d+)/.exec(src) : /webst0\d.*x=(\d+)&y=(\d+)&z=(\d+)/.exec(src);
      if (!m) continue;
      const [z, x, y] = k === 'wmts' ? [Number(m[1]), Number(m[3]), Number(m[2])] : [Number(m[3]), Number(m[1]), Number(m[2])];
      const box = img.getBoundingClientRect();
      if (!best || z > best.z) best = { z, x, y, left: box.left, top: box.top, size: box.width };
    }
    if (!best) throw new Error('no ground tile loaded');
    return best;
  }, kind);
}

/** Web Mercator: where a point (in the tiles' own system) falls on screen, given one placed tile. */
function toScreen(t: TileBox, lat: number, lng: number): { x: number; y: number } {
  const world = 256 * 2 ** t.z;
  const gx = ((lng + 180) / 360) * world;
  const rad = (lat * Math.PI) / 180;
  const gy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * world;
  const scale = t.size / 256;
  return { x: t.left + (gx - t.x * 256) * scale, y: t.top + (gy - t.y * 256) * scale };
}

function fromScreen(t: TileBox, x: number, y: number): { lat: number; lng: number } {
  const world = 256 * 2 ** t.z;
  const scale = t.size / 256;
  const gx = t.x * 256 + (x - t.left) / scale;
  const gy = t.y * 256 + (y - t.top) / scale;
  const lng = (gx / world) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * gy) / world))) * 180) / Math.PI;
  return { lat, lng };
}

/** The pin's tip (its icon is anchored at the bottom middle of 24 × 24). */
async function pinTip(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.leaflet-marker-icon.map-pin').boundingBox();
  if (!box) throw new Error('no pin on the map');
  return { x: box.x + 12, y: box.y + 24 };
}

/** The north-east corner of the city's boundary (the dashed outline), as Leaflet drew it. */
async function outlineCorner(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.report-map path[stroke-dasharray="6 6"]').boundingBox();
  if (!box) throw new Error('no city outline on the map');
  return { x: box.x + box.width, y: box.y };
}

// content/offices/990100.geojson, written in GCJ-02; top right, away from the zoom buttons and the credit line.
const CITY_NE_GCJ = { lat: 30.52, lng: 116.62 };
const toWgs = (p: { lat: number; lng: number }) => {
  const [lng = 0, lat = 0] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84);
  return { lat, lng };
};
const toGcj = (p: { lat: number; lng: number }) => {
  const [lng = 0, lat = 0] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
};
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

async function openMap(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/report/`);
  await expect(page.locator('astro-island[component-url*="ReportForm"]:not([ssr])')).toHaveCount(1);
  await page.locator('#report-lat').scrollIntoViewIfNeeded();
  await expect(page.locator('.map-label')).toHaveCount(5);
  await page.locator('.report-map-canvas').scrollIntoViewIfNeeded();
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeVisible();
}

/**
 * Zooms in four steps by double-clicking one point, which stays put: the
 * 300–600 m GCJ-02 shift becomes some 40 pixels. Leaflet ignores a zoom asked
 * while one is still running, so a step is asked again until its tiles are in.
 */
async function zoomInAt(page: Page, kind: 'wmts' | 'gaode', point: { x: number; y: number }): Promise<void> {
  for (let step = 0; step < 4; step++) {
    const target = (await groundTile(page, kind)).z + 1;
    for (let attempt = 0; (await groundTile(page, kind)).z < target; attempt++) {
      if (attempt === 3) throw new Error(`the map did not zoom to ${target}`);
      await page.mouse.dblclick(point.x, point.y);
      await expect
        .poll(async () => (await groundTile(page, kind)).z, { timeout: 3000 })
        .toBe(target)
        .catch(() => undefined);
    }
    await expect(page.locator('.leaflet-zoom-anim')).toHaveCount(0);
  }
}

/** 1.5 screen pixels, in degrees, at the tiles' zoom: what a click may be off by. */
const pixels = (t: TileBox, n = 1.5) => (n * 360) / (256 * 2 ** t.z);

test('with 天地图, the key goes with both layers, labels lie over the ground, and the credit line carries the 审图号', async ({ page }) => {
  tileRequests.length = 0;
  await openMap(page);
  // The first tile shown may be the ground's before the label layer's requests have reached the tile server.
  await expect.poll(() => tileRequests.filter((r) => r.includes('/cva_w/')).length, { message: 'label tiles requested' }).toBeGreaterThan(0);
  const vec = tileRequests.filter((r) => r.includes('/vec_w/'));
  const cva = tileRequests.filter((r) => r.includes('/cva_w/'));
  expect(vec.length).toBeGreaterThan(0);
  expect([...vec, ...cva].every((r) => r.includes(`tk=${TK}`))).toBe(true);
  const panes = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.leaflet-tile-pane > .leaflet-layer')].map((l) => Number(l.style.zIndex)));
  expect(panes).toEqual([1, 2]);
  await expect(page.locator('.leaflet-control-attribution')).toHaveText('天地图（测试瓦片） · 审图号：GS(2099)0001号');
  await expect(page.locator('#report-map-hint')).not.toContainText('没有配置底图');
  await expectNoAxeViolations(page);
});

test('on 天地图 (WGS-84) the outline, a typed point and a click are drawn and read without any shift', async ({ page }) => {
  await openMap(page);
  const cornerWgs = toWgs(CITY_NE_GCJ);
  await zoomInAt(page, 'wmts', toScreen(await groundTile(page, 'wmts'), cornerWgs.lat, cornerWgs.lng));
  // The boundary, written in GCJ-02, is converted once to WGS-84 for 天地图.
  await expect.poll(async () => distance(await outlineCorner(page), toScreen(await groundTile(page, 'wmts'), cornerWgs.lat, cornerWgs.lng))).toBeLessThan(2);
  // A typed WGS-84 point sits where the tiles have it.
  const canvas = (await page.locator('.report-map-canvas').boundingBox())!;
  const typed = fromScreen(await groundTile(page, 'wmts'), canvas.x + canvas.width / 2 - 120, canvas.y + canvas.height / 2 + 30);
  await page.getByLabel('纬度').fill(typed.lat.toFixed(6));
  await page.getByLabel('经度').fill(typed.lng.toFixed(6));
  await expect.poll(async () => distance(await pinTip(page), toScreen(await groundTile(page, 'wmts'), typed.lat, typed.lng))).toBeLessThan(2);
  // A click gives back the tiles' point unchanged.
  const now = (await page.locator('.report-map-canvas').boundingBox())!;
  const clicked = { x: now.x + now.width / 2 - 50, y: now.y + now.height / 2 - 20 };
  const t = await groundTile(page, 'wmts');
  const expected = fromScreen(t, clicked.x, clicked.y);
  await page.mouse.click(clicked.x, clicked.y);
  await expect.poll(async () => Math.abs(Number(await page.getByLabel('纬度').inputValue()) - expected.lat)).toBeLessThan(pixels(t));
  expect(Math.abs(Number(await page.getByLabel('经度').inputValue()) - expected.lng)).toBeLessThan(pixels(t));
});

test('switched to 高德 (GCJ-02), the outline, the typed WGS-84 point and a click are shifted to and from GCJ-02', async ({ page }) => {
  await openMap(page);
  await page.getByLabel('高德 影像').check();
  await expect(page.locator('.leaflet-control-attribution')).toHaveText('高德地图（测试瓦片） · 审图号：GS(2099)0002号');
  await expect(page.locator('img.leaflet-tile-loaded[src*="webst0"]').first()).toBeVisible();
  await expect(page.locator('img.leaflet-tile[src*="vec_w"]')).toHaveCount(0);
  await zoomInAt(page, 'gaode', toScreen(await groundTile(page, 'gaode'), CITY_NE_GCJ.lat, CITY_NE_GCJ.lng));
  // The boundary is drawn as written (GCJ-02), not as its WGS-84 conversion.
  await expect.poll(async () => distance(await outlineCorner(page), toScreen(await groundTile(page, 'gaode'), CITY_NE_GCJ.lat, CITY_NE_GCJ.lng))).toBeLessThan(2);
  const wgsCorner = toWgs(CITY_NE_GCJ);
  expect(distance(await outlineCorner(page), toScreen(await groundTile(page, 'gaode'), wgsCorner.lat, wgsCorner.lng)), 'the shift shows at this zoom').toBeGreaterThan(20);
  // A typed WGS-84 point is drawn at its GCJ-02 place on these tiles.
  const canvas = (await page.locator('.report-map-canvas').boundingBox())!;
  const typed = toWgs(fromScreen(await groundTile(page, 'gaode'), canvas.x + canvas.width / 2 - 120, canvas.y + canvas.height / 2 + 30));
  await page.getByLabel('纬度').fill(typed.lat.toFixed(6));
  await page.getByLabel('经度').fill(typed.lng.toFixed(6));
  const onTiles = toGcj(typed);
  await expect.poll(async () => distance(await pinTip(page), toScreen(await groundTile(page, 'gaode'), onTiles.lat, onTiles.lng))).toBeLessThan(2);
  // A click on the tiles fills the WGS-84 coordinates of that GCJ-02 point.
  const now = (await page.locator('.report-map-canvas').boundingBox())!;
  const clicked = { x: now.x + now.width / 2 - 50, y: now.y + now.height / 2 - 20 };
  const t = await groundTile(page, 'gaode');
  const expected = toWgs(fromScreen(t, clicked.x, clicked.y));
  await page.mouse.click(clicked.x, clicked.y);
  await expect.poll(async () => Math.abs(Number(await page.getByLabel('纬度').inputValue()) - expected.lat)).toBeLessThan(pixels(t));
  expect(Math.abs(Number(await page.getByLabel('经度').inputValue()) - expected.lng)).toBeLessThan(pixels(t));
  await expectNoAxeViolations(page);
});

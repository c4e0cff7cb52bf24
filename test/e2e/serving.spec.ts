// How the built site goes over the wire: compressed at build time (brotli or
// gzip, whichever the browser takes), hashed assets cached for a year, and the
// same bytes as the uncompressed page.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';

/** A raw GET (fetch would decompress for us), answering status, headers and the body as sent. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('pages and assets go out as brotli or gzip, decompress to the same bytes, and hashed assets are cached for a year', async ({ baseURL, page }) => {
  const plain = await get(`${baseURL}/decisions/`, {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  const br = await get(`${baseURL}/decisions/`, { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toBe('accept-encoding');
  expect(br.body.length).toBeLessThan(plain.body.length / 2);
  expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  const gz = await get(`${baseURL}/decisions/`, { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);

  await page.goto('/decisions/');
  const css = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).getAttribute('href'))[0]);
  expect(css).toMatch(/^\/_astro\//);
  const asset = await get(`${baseURL}${css}`, { 'accept-encoding': 'br' });
  expect(asset.headers['content-encoding']).toBe('br');
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

  // The form keeps its fresh token per request; nothing outside the build is reachable.
  expect((await get(`${baseURL}/report/`, { 'accept-encoding': 'br' })).headers['cache-control']).toBe('no-store');
  expect((await get(`${baseURL}/..%2f..%2fpackage.json`, { 'accept-encoding': 'br' })).status).toBe(404);
});

test('the search engine and index files, named by their content, are cached for a year; the search page is asked for again', async ({ baseURL, page }) => {
  await page.goto('/search/');
  const { engine, shard } = await page.evaluate(() => {
    const tag = document.getElementById('search-manifest');
    const manifest = JSON.parse(tag?.textContent ?? '{}') as { base: string; docTable: string[] };
    return { engine: tag?.getAttribute('data-engine') ?? '', shard: `${manifest.base}d0-${manifest.docTable[0]}.bin` };
  });
  expect(engine).toMatch(/^\/search\/engine\/[0-9a-f]+\.js$/);
  for (const url of [engine, shard]) {
    const res = await get(`${baseURL}${url}`, { 'accept-encoding': 'br' });
    expect(res.status, url).toBe(200);
    expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
  }
  const html = await get(`${baseURL}/search/`, { 'accept-encoding': 'br' });
  expect(html.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  // A name that is not in the build is a plain 404, not something to keep for a year.
  const missing = await get(`${baseURL}/search/idx/d0-nothere.bin`, {});
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBeUndefined();
});

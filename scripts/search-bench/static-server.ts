import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

// A static server for the benchmark that compresses as a production server
// or CDN would: brotli for text (HTML, JS, CSS, JSON), files that are
// already compressed (our deflated .bin, Pagefind's gzipped .pf_* files) as
// they are. Bytes "as served" are then what a browser downloads.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** Serves URL prefixes from folders (the longest prefix wins); a folder URL serves its index.html. */
export function serveStatic(routes: Record<string, string>, port: number): Promise<Server> {
  const cache = new Map<string, Buffer>();
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const prefix = prefixes.find((p) => path.startsWith(p));
    let file = prefix ? normalize(join(routes[prefix] ?? '', path.slice(prefix.length))) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file) || path.includes('..')) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESS.has(ext) && /\bbr\b/.test(String(req.headers['accept-encoding']))) {
      const cached = cache.get(file) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      cache.set(file, cached);
      body = cached;
      headers['content-encoding'] = 'br';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

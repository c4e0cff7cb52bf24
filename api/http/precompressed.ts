import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Files whose names carry a hash of their content: a new build gives changed
 * content a new name, so a browser may keep these for a year without asking
 * again. Astro's bundles, and the search engine and index files.
 */
const CONTENT_HASHED = ['/_astro/', '/search/engine/', '/search/idx/'];
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const isContentHashed = (pathname: string) => CONTENT_HASHED.some((prefix) => pathname.startsWith(prefix));

/**
 * Whether a request is for a content-hashed file the build holds: only such
 * an answer may be kept for a year (a 404 for a name not in the build must not).
 */
export function createHashedFileCheck(clientDir: string): (pathname: string) => Promise<boolean> {
  const known = new Map<string, boolean>();
  return async (pathname) => {
    if (!isContentHashed(pathname)) return false;
    const relative = normalize(pathname).replace(/^[/\\]+/, '');
    if (relative.startsWith('..') || relative.includes(`${sep}..${sep}`)) return false;
    let found = known.get(relative);
    if (found === undefined) {
      found = await stat(join(clientDir, relative)).then(
        (s) => s.isFile(),
        () => false,
      );
      known.set(relative, found);
    }
    return found;
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
};

function accepts(req: IncomingMessage, coding: 'br' | 'gzip'): boolean {
  return (req.headers['accept-encoding'] ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.find((p) => p.trim().startsWith('q='));
    return name?.trim() === coding && (q === undefined || Number(q.trim().slice(2)) > 0);
  });
}

/**
 * Serves the built site's files from their brotli or gzip copies
 * (scripts/compress-build.ts) to browsers that accept them; answers false
 * for anything else, which Astro's handler then serves as before. Hashed
 * assets under /_astro/ are cached for a year; everything else is revalidated.
 */
export function createPrecompressed(clientDir: string) {
  const known = new Map<string, { path: string; size: number; coding: 'br' | 'gzip' } | null>();
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const coding = accepts(req, 'br') ? 'br' : accepts(req, 'gzip') ? 'gzip' : undefined;
    if (!coding) return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    } catch {
      return false;
    }
    const relative = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname).replace(/^[/\\]+/, '');
    if (relative.startsWith('..') || relative.includes(`${sep}..${sep}`)) return false;
    const file = join(clientDir, relative);
    const type = TYPES[extname(file)];
    if (!type) return false;
    const key = `${file}|${coding}`;
    let found = known.get(key);
    if (found === undefined) {
      const path = `${file}.${coding === 'br' ? 'br' : 'gz'}`;
      found = await stat(path).then(
        (s) => (s.isFile() ? { path, size: s.size, coding } : null),
        () => null,
      );
      known.set(key, found);
    }
    if (!found) return false;
    res.writeHead(200, {
      'content-type': type,
      'content-encoding': found.coding,
      'content-length': found.size,
      vary: 'accept-encoding',
      'cache-control': isContentHashed(pathname) ? IMMUTABLE : 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.path).pipe(res);
    return true;
  };
}

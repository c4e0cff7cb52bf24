import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

// The search worker (src/islands/search/search-worker.ts: tokenizer, lunr,
// the index reader) as one script under a content-hashed name that the
// search page knows when it is rendered, so that an inline script can start
// the worker while the HTML is parsed, before any module script has loaded.
// Vite's own worker bundling names the file only in the client build, which
// the page cannot see.

const ENTRY = resolve('src/islands/search/search-worker.ts');
export const ENGINE_BASE = '/search/engine/';

let bundled: { file: string; code: string } | undefined;

export function searchEngineBundle(): { file: string; url: string; code: string } {
  if (!bundled) {
    const built = buildSync({ entryPoints: [ENTRY], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, legalComments: 'none', logLevel: 'error' });
    const code = built.outputFiles[0]?.text ?? '';
    bundled = { file: `${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`, code };
  }
  return { ...bundled, url: `${ENGINE_BASE}${bundled.file}` };
}

// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { readConfig } from './api/config.ts';
import { BUILT_FOR_FILE } from './scripts/built-for.ts';
import { siteOutputs } from './src/integrations/site-outputs.ts';
import { preactIslands } from './src/integrations/preact-islands.ts';

// One source of the public origin for the build and the server: PUBLIC_URL, or
// http://localhost:$PORT when unset, as the server reads it. The open data, the
// feed and the sitemap carry it; the build records it so that `npm start`
// rebuilds when it is served under another origin.
const { publicUrl } = readConfig();

/**
 * Writes the origin the build was made for beside the server entry.
 * @param {string} origin
 * @returns {import('astro').AstroIntegration}
 */
function recordOrigin(origin) {
  /** @type {string | undefined} */
  let serverDir;
  return {
    name: 'record-public-origin',
    hooks: {
      'astro:config:done': ({ config }) => {
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:build:done': () => {
        if (!serverDir) return;
        mkdirSync(serverDir, { recursive: true });
        writeFileSync(join(serverDir, BUILT_FOR_FILE), `${origin}\n`);
      },
    },
  };
}

// The site is prerendered; the reporting service is served by api/server.ts in
// front of Astro's handler, so no page here is rendered on demand.
export default defineConfig({
  site: publicUrl,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    preactIslands(),
    recordOrigin(publicUrl),
    // The worker-made files, the pages written from shells, and the sitemap of every public page
    // (noindex pages — withdrawn or expired decisions, parties with nothing listed — stay out of it).
    siteOutputs(publicUrl),
  ],
  // concurrency: Astro renders the next pages while the previous ones are written (it awaits a folder and a write per page).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The benchmarks' corpora and builds (tens of thousands of files) would exhaust `astro dev`'s file watchers.
  vite: { server: { watch: { ignored: ['**/bench-out/**'] } } },
});

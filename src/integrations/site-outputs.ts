import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { buildOutputs } from '../lib/build/build-outputs.ts';
import { SHELL_BODIES_PATH, writeShellPages } from '../lib/build/shell-pages.ts';
import type { SearchManifest } from '../lib/search/search-manifest.ts';
import { OFFLOADED_ROUTES, SEARCH_INDEX_ROUTE, type OffloadedRoute } from '../lib/build/offloaded-files.ts';

/** The build's worker thread (src/lib/build/output-worker.ts) as the hooks see it. */
interface OutputWorker {
  worker: Worker;
  /** Resolves with the number of files written once the worker has written them all. */
  done: Promise<number>;
}

/**
 * Starts the worker that makes the search index, the bulk data and the
 * per-decision JSON on the second core, and tells the routes (build-outputs.ts)
 * to leave those files to it. Its failure fails the build with its message.
 */
function startOutputWorker(site: string, routes: OffloadedRoute[]): OutputWorker {
  const worker = new Worker(new URL('../lib/build/output-worker.ts', import.meta.url), { workerData: { site, routes } });
  let gotManifest: (m: SearchManifest) => void = () => {};
  const searchManifest = new Promise<SearchManifest>((resolve) => (gotManifest = resolve));
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: { type: 'manifest'; manifest: SearchManifest } | { type: 'done'; count: number }) => {
      if (message.type === 'manifest') gotManifest(message.manifest);
      else resolve(message.count);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The build's output worker stopped (exit code ${code}) before writing its files.`)));
  });
  // A failure is reported where the build waits for the worker, in astro:build:generated; the search page waits for the manifest.
  done.catch(() => {});
  buildOutputs().offloaded = routes.includes(SEARCH_INDEX_ROUTE) ? { searchManifest: Promise.race([searchManifest, done.then(() => searchManifest)]) } : {};
  return { worker, done };
}

/**
 * Has a worker thread write the files of src/lib/build/offloaded-files.ts
 * while the pages render, writes the pages registered by
 * src/lib/build/shell-pages.ts once they are rendered, and hands the sitemap
 * the service's pages, those pages, and the pages it must leave out. Put it before
 * @astrojs/sitemap: its build:done hook reads `sitemapPages` and `isUnlisted`
 * after this one ran.
 */
export function siteOutputs(sitemapPages: string[], site: string): AstroIntegration & { isUnlisted(url: string): boolean } {
  let clientDir: string | undefined;
  let routes: OffloadedRoute[] = [];
  let output: OutputWorker | undefined;
  return {
    name: 'site-outputs',
    isUnlisted: (url) => {
      const path = new URL(url).pathname;
      return buildOutputs().unlisted.has(path) || path.startsWith(SHELL_BODIES_PATH);
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
        // Only the files whose route the project has (a copy without some pages, as bench:build builds, has fewer).
        routes = (Object.keys(OFFLOADED_ROUTES) as OffloadedRoute[]).filter((route) => existsSync(new URL(route, config.srcDir)));
      },
      // Started before Vite bundles the site, so that the worker has read the content by the time pages render.
      'astro:build:start': () => {
        output = startOutputWorker(site, routes);
        buildOutputs().shellGroups = [];
      },
      // Astro has emptied the output folder before this hook: the worker may write into it.
      'astro:build:setup': () => {
        output?.worker.postMessage({ type: 'write', dir: clientDir });
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { servicePages } = buildOutputs();
        const shells = writeShellPages(root);
        // The bulk pages held only the parts of the pages just written.
        rmSync(join(root, SHELL_BODIES_PATH), { recursive: true, force: true });
        logger.info(`wrote ${shells.written} pages from pages Astro rendered`);
        for (const path of shells.listed) sitemapPages.push(new URL(path, site).href);
        if (output) {
          const count = await output.done;
          logger.info(`the output worker wrote ${count} files`);
          await output.worker.terminate();
        }
        for (const path of servicePages) sitemapPages.push(new URL(path, site).href);
      },
    },
  };
}

import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { buildOutputs } from '../lib/build/build-outputs.ts';
import { SHELL_BODIES_PATH, writeShellPages } from '../lib/build/shell-pages.ts';
import { sitemapFiles } from '../lib/build/sitemap.ts';
import type { SearchManifest } from '../lib/search/search-manifest.ts';
import type { Content } from '../lib/content/load-content.ts';
import { OFFLOADED_ROUTES, SEARCH_INDEX_ROUTE, type OffloadedRoute } from '../lib/build/offloaded-files.ts';

/** The build's worker thread (src/lib/build/output-worker.ts) as the hooks see it. */
interface OutputWorker {
  worker: Worker;
  /** Resolves with the number of files written once the worker has written them all. */
  done: Promise<number>;
  /** Resolves once the worker has handed over the content, or has stopped without it. */
  content: Promise<void>;
}

/**
 * Starts the worker that reads the content and makes the search index, the
 * bulk data and the per-decision JSON on the second core, and tells the routes (build-outputs.ts)
 * to leave those files to it. Its failure fails the build with its message.
 */
function startOutputWorker(site: string, routes: OffloadedRoute[]): OutputWorker {
  const worker = new Worker(new URL('../lib/build/output-worker.ts', import.meta.url), { workerData: { site, routes } });
  let gotManifest: (m: SearchManifest) => void = () => {};
  const searchManifest = new Promise<SearchManifest>((resolve) => (gotManifest = resolve));
  let gotContent: () => void = () => {};
  const content = new Promise<void>((resolve) => (gotContent = resolve));
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: { type: 'content'; content: Content } | { type: 'manifest'; manifest: SearchManifest } | { type: 'done'; count: number }) => {
      if (message.type === 'content') {
        buildOutputs().content = message.content;
        gotContent();
      }
      else if (message.type === 'manifest') gotManifest(message.manifest);
      else resolve(message.count);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The build's output worker stopped (exit code ${code}) before writing its files.`)));
  });
  // A failure is reported where the build waits for the worker, in astro:build:generated; the search page waits for the manifest.
  done.catch(() => {});
  // Without it (a content error), the pages read the content themselves and report the error as in `astro dev`.
  done.then(gotContent, gotContent);
  buildOutputs().offloaded = routes.includes(SEARCH_INDEX_ROUTE) ? { searchManifest: Promise.race([searchManifest, done.then(() => searchManifest)]) } : {};
  return { worker, done, content };
}

/**
 * Has a worker thread write the files of src/lib/build/offloaded-files.ts
 * while the pages render, writes the pages registered by
 * src/lib/build/shell-pages.ts once they are rendered, and writes the sitemap
 * (src/lib/build/sitemap.ts) of every page but those kept out of it
 * (noindex, and the status pages).
 */
export function siteOutputs(site: string): AstroIntegration {
  let clientDir: string | undefined;
  let routes: OffloadedRoute[] = [];
  let output: OutputWorker | undefined;
  // The pages written from shells that belong in the sitemap.
  let listedShells: string[] = [];
  return {
    name: 'site-outputs',
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
        buildOutputs().memo = new Map();
      },
      // Astro has emptied the output folder before this hook: the worker may write into it.
      'astro:build:setup': () => {
        output?.worker.postMessage({ type: 'write', dir: clientDir });
      },
      // Just before Astro renders the pages: they take the content the worker read rather than read it again.
      'astro:build:ssr': async () => {
        await output?.content;
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const shells = writeShellPages(root);
        // The bulk pages held only the parts of the pages just written.
        rmSync(join(root, SHELL_BODIES_PATH), { recursive: true, force: true });
        logger.info(`wrote ${shells.written} pages from pages Astro rendered`);
        listedShells = shells.listed;
        if (output) {
          const count = await output.done;
          logger.info(`the output worker wrote ${count} files`);
          await output.worker.terminate();
        }
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const { unlisted } = buildOutputs();
        const urls = [...pages.map((p) => `/${p.pathname.replace(/^\//, '')}`), ...listedShells]
          .map((path) => new URL(path, site))
          .filter((url) => !unlisted.has(url.pathname) && !url.pathname.startsWith(SHELL_BODIES_PATH) && !STATUS_PAGES.has(url.pathname))
          .map((url) => url.href);
        const files = sitemapFiles(urls, site);
        for (const [name, xml] of files) writeFileSync(join(fileURLToPath(dir), name), xml);
        logger.info(`sitemap: ${urls.length} pages in ${files.size - 1} file(s) and sitemap-index.xml`);
      },
    },
  };
}

/** Pages that answer errors, never listed. */
const STATUS_PAGES = new Set(['/404/', '/404', '/500/', '/500']);

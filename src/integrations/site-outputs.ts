import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildOutputs } from '../lib/build/build-outputs.ts';

/**
 * Writes the files the prerendered routes registered (src/lib/build/build-outputs.ts)
 * into the client output folder, and hands the sitemap the service's pages
 * and the pages it must leave out. Put it before @astrojs/sitemap: its
 * build:done hook reads `sitemapPages` and `isUnlisted` after this one ran.
 */
export function siteOutputs(sitemapPages: string[], site: string): AstroIntegration & { isUnlisted(url: string): boolean } {
  return {
    name: 'site-outputs',
    isUnlisted: (url) => buildOutputs().unlisted.has(new URL(url).pathname),
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const made = new Set<string>();
        const { files, servicePages } = buildOutputs();
        for (const [path, body] of files) {
          const target = normalize(join(root, path));
          if (!target.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error(`Expected a generated file inside the output folder; got ${path}.`);
          const folder = dirname(target);
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          writeFileSync(target, body);
        }
        logger.info(`wrote ${files.size} generated files`);
        for (const path of servicePages) sitemapPages.push(new URL(path, site).href);
      },
    },
  };
}

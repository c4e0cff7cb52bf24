// The worker thread a build starts (src/integrations/site-outputs.ts) to make
// the files of offloaded-files.ts on the second core while Astro renders the
// pages on the first. It reads and validates the content itself (the same
// CONTENT_DIR and SITE_TODAY: a worker shares the process environment), so
// the files are the ones the routes would serve, and hands it to the main
// thread ({type:'content'}), which then does not read it again (2 s at
// 10,000 decisions; copying it across costs a tenth of that).
//
// It makes the files of the routes it is given (workerData.routes, those the
// project has). Messages: it posts {type:'manifest'} as soon as the search index is built
// (the search page inlines it), then writes files once the main thread says
// the output folder is ready ({type:'write', dir}: Astro empties it at the
// start of the build), and posts {type:'done', count} at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { siteSearchIndex } from '../search/site-search-index.ts';
import { getContent } from '../site-data.ts';
import { OFFLOADED_ROUTES, SEARCH_INDEX_ROUTE, type OffloadedRoute, type OutputFile } from './offloaded-files.ts';

const port = parentPort;
if (!port) throw new Error('Expected to run as a worker thread of the build.');
const { site, routes } = workerData as { site: string; routes: OffloadedRoute[] };

const outputDir = new Promise<string>((resolve) => {
  port.on('message', (message: { type: string; dir?: string }) => {
    if (message.type === 'write' && message.dir) resolve(message.dir);
  });
});

/** Writes files synchronously under root, creating each folder once; refuses paths that leave it. */
function writeAll(root: string, files: Iterable<OutputFile>, made: Set<string>): number {
  const inside = root.endsWith(sep) ? root : root + sep;
  let count = 0;
  for (const [path, body] of files) {
    const target = normalize(join(root, path));
    if (!target.startsWith(inside)) throw new Error(`Expected a generated file inside the output folder; got ${path}.`);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, body);
    count++;
  }
  return count;
}

port.postMessage({ type: 'content', content: getContent() });
const index = routes.includes(SEARCH_INDEX_ROUTE) ? siteSearchIndex() : undefined;
if (index) port.postMessage({ type: 'manifest', manifest: index.manifest });
const root = await outputDir;
const made = new Set<string>();
let count = 0;
for (const route of routes) {
  count += writeAll(root, OFFLOADED_ROUTES[route](site), made);
  // Released once written: the index alone holds some 13,000 buffers.
  if (route === SEARCH_INDEX_ROUTE) index?.files.clear();
}
port.postMessage({ type: 'done', count });

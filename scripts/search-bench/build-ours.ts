// Child process of bench-search: builds our index for one content directory
// so that its time and peak memory are measured alone. Writes the index files
// under <out>/idx/, the manifest, and the documents (for truth and for the
// Pagefind pages). Usage: node scripts/search-bench/build-ours.ts <content> <out>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { searchCorpus } from '../../src/lib/search/search-documents.ts';
import { buildSearchIndex } from '../../src/lib/search/build-search-index.ts';
import { SEARCH_INDEX_BASE } from '../../src/lib/search/site-search-index.ts';

const [contentDir, out] = process.argv.slice(2);
if (!contentDir || !out) throw new Error('Usage: build-ours.ts <content> <out>');
const t0 = performance.now();
const content = loadContent(contentDir);
const t1 = performance.now();
const corpus = searchCorpus(content, '2026-11-26');
const built = buildSearchIndex(corpus, { base: SEARCH_INDEX_BASE });
const t2 = performance.now();
for (const [name, bytes] of built.files) {
  const file = join(out, 'idx', name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(built.manifest));
writeFileSync(join(out, 'documents.json'), JSON.stringify(corpus.slots.map((d) => (d ? { title: d.title, text: d.text, type: d.type, date: d.date, decision: d.decision } : null))));
console.log(JSON.stringify({ loadSeconds: (t1 - t0) / 1000, indexSeconds: (t2 - t1) / 1000, files: built.files.size, stats: built.stats, shardCount: built.manifest.shardCount }));

// npm run bench:search — our search against Pagefind, in one run, on the same
// documents and queries, at 1,000, 10,000 and 50,000 generated decisions (plus
// the real laws from ../shared/data/laws when present). Prints the machine and,
// per size and engine: index build time and peak memory; bytes a first query
// downloads, compressed as served (typical and worst query of a fixed list);
// time to first results in headless Chromium; later-query latency (median and
// p95 over 200 queries); recall and precision against substring truth.
// Usage: node scripts/bench-search.ts [--sizes 1000,10000,50000] [--no-pagefind-at 50000]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { gunzipSync, brotliCompressSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import { describeMachine } from './machine.ts';
import { prepareCorpus } from './search-bench/prepare-corpus.ts';
import { serveStatic } from './search-bench/static-server.ts';
import { randomSubstrings, truth } from './search-bench/substring-truth.ts';
import { foldText } from '../src/lib/search/fold-text.ts';
import { createSearchClient } from '../src/lib/search/search-client.ts';
import { decodeShard, unpackFile } from '../src/lib/search/index-format.ts';
import { docTableFile, shardFile, type SearchManifest } from '../src/lib/search/search-manifest.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,50000' }, 'no-pagefind-at': { type: 'string', default: '' }, port: { type: 'string', default: '4412' } } });
const sizes = (values.sizes ?? '').split(',').map(Number);
const skipPagefind = new Set((values['no-pagefind-at'] ?? '').split(',').filter(Boolean).map(Number));
const port = Number(values.port);
const work = resolve('bench-out', 'search');
const site = resolve('dist', 'client');
const PAGEFIND = resolve('node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');

interface Doc {
  title: string;
  text: string;
  type: string;
  date?: string;
  decision?: { county: string; category: string; partyKind: string; fine: number };
}

function readPeak(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function timed(cmd: string, args: string[]): Promise<{ seconds: number; peakRss: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let peakRss = 0;
  const timer = setInterval(() => child.pid && (peakRss = Math.max(peakRss, readPeak(child.pid))), 50);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${cmd} failed (${code}):\n${stderr.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakRss, stdout };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same documents as pages for Pagefind: title, text, facets as filters, date and fine as sorts. */
function writePagefindSite(dir: string, docs: (Doc | null)[]): void {
  rmSync(dir, { recursive: true, force: true });
  docs.forEach((d, n) => {
    if (!d) return;
    const filters = [`type:${d.type}`, ...(d.decision ? [`county:${d.decision.county}`, `category:${d.decision.category}`, `party:${d.decision.partyKind}`, `year:${d.date?.slice(0, 4)}`] : [])];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(d.title)}</h1>${d.text
      .split('\n')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}${filters.map((f) => `<span data-pagefind-filter="${escapeHtml(f)}"></span>`).join('')}${d.date ? `<span data-pagefind-sort="date:${d.date}"></span>` : ''}${d.decision ? `<span data-pagefind-sort="fine:${d.decision.fine}"></span>` : ''}</main></body></html>`;
    const file = join(dir, 'p', String(n), 'index.html');
    mkdirSync(join(dir, 'p', String(n)), { recursive: true });
    writeFileSync(file, html);
  });
}

const PAGEFIND_HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind</title></head><body><main><p id="status"></p><ol id="results"></ol></main>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
const page = async (q) => { const s = await pagefind.search(q); const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data())); return { s, data }; };
window.benchSearch = async (q) => (await page(q)).data.length;
window.benchIds = async (q) => (await pagefind.search(q)).results.map((r) => r.id);
const q = new URLSearchParams(location.search).get('q');
if (q) {
  const { s, data } = await page(q);
  document.getElementById('results').innerHTML = data.map((d) => '<li><a href="' + d.url + '">' + d.meta.title + '</a><p>' + d.excerpt + '</p></li>').join('');
  document.getElementById('status').textContent = 'found ' + s.results.length;
}
window.benchReady = true;
</script></body></html>`;

const OURS_HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>ours</title></head><body><script type="module" src="/bench/ours-client.js"></script></body></html>`;

interface FirstQuery {
  bytes: number;
  pageBytes: number;
  requests: number;
  ms: number;
}

/** Loads a search URL in a fresh browser context (empty cache) and measures bytes and time until results show. */
async function firstQuery(browser: Browser, url: string, done: string): Promise<FirstQuery> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const sizes: Promise<{ url: string; body: number }>[] = [];
  // A worker's script is reported with a body size of 0: its Content-Length (what the server sent, compressed) counts instead.
  page.on('requestfinished', (r) => sizes.push(r.sizes().then(async (s) => ({ url: r.url(), body: s.responseBodySize || Number((await r.response())?.headers()['content-length'] ?? 0) }))));
  await page.goto(url);
  await page.waitForFunction(done, undefined, { polling: 'raf', timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  await context.close();
  const isPage = (u: string) => /\.css$/.test(u) || /\/(search|bench)\/[^/]*(\?|$)/.test(new URL(u).pathname + (u.includes('?') ? '?' : ''));
  const pageBytes = all.filter((s) => isPage(s.url)).reduce((n, s) => n + s.body, 0);
  return { bytes: all.reduce((n, s) => n + s.body, 0) - pageBytes, pageBytes, requests: all.length, ms };
}

async function latencies(browser: Browser, url: string, queries: string[]): Promise<{ p50: number; p95: number }> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction('window.benchSearch !== undefined && (window.benchReady ?? true)', undefined, { timeout: 60_000 });
  const times = await page.evaluate(async (qs: string[]) => {
    const w = window as unknown as { benchSearch: (q: string) => Promise<number> };
    await w.benchSearch(qs[0] ?? '');
    const out: number[] = [];
    for (const q of qs) {
      const t = performance.now();
      await w.benchSearch(q);
      out.push(performance.now() - t);
    }
    return out;
  }, queries);
  await page.close();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 };
}

function score(results: number[][], truths: number[][], names: string[]): { recall: number; precision: number; misses: string[]; each: string[] } {
  let found = 0;
  let relevant = 0;
  let retrieved = 0;
  const misses: string[] = [];
  const each: string[] = [];
  results.forEach((got, i) => {
    const t = new Set(truths[i]);
    const hits = got.filter((d) => t.has(d)).length;
    each.push(`${names[i]} ${hits}/${t.size} (${got.length} returned)`);
    if (hits < t.size) misses.push(`${names[i]} ${hits}/${t.size}`);
    found += hits;
    relevant += t.size;
    retrieved += got.length;
  });
  return { recall: relevant ? found / relevant : 1, precision: retrieved ? found / retrieved : 1, misses, each };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function dirBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, f);
    try {
      const st = readFileSync(p);
      files++;
      bytes += st.length;
    } catch {
      /* a folder */
    }
  }
  return { files, bytes };
}

if (!existsSync(join(site, 'search', 'index.html'))) throw new Error('Expected the built site (npm run build) for the search page and its script.');
mkdirSync(join(work, 'bench'), { recursive: true });
await esbuild({ entryPoints: [resolve('scripts/search-bench/bench-client.ts')], bundle: true, minify: true, format: 'esm', target: 'es2022', outfile: join(work, 'bench', 'ours-client.js'), logLevel: 'error' });
writeFileSync(join(work, 'bench', 'pagefind.html'), PAGEFIND_HARNESS);
writeFileSync(join(work, 'bench', 'ours.html'), OURS_HARNESS);
const searchPage = readFileSync(join(site, 'search', 'index.html'), 'utf8');

console.log(`Machine: ${describeMachine()}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const rows: string[] = [];
const notes: string[] = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

for (const n of sizes) {
  const dir = join(work, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  const laws = prepareCorpus(n, join(dir, 'content'));
  const ours = await timed(process.execPath, ['scripts/search-bench/build-ours.ts', join(dir, 'content'), join(dir, 'ours')]);
  const oursInfo = JSON.parse(ours.stdout) as { loadSeconds: number; indexSeconds: number; files: number; stats: { servedBytes: number; rawBytes: number } };
  const manifest = JSON.parse(readFileSync(join(dir, 'ours', 'manifest.json'), 'utf8')) as SearchManifest;
  const docs = JSON.parse(readFileSync(join(dir, 'ours', 'documents.json'), 'utf8')) as (Doc | null)[];
  const texts = docs.map((d) => (d ? foldText(`${d.title}\n${d.text}`) : ''));
  mkdirSync(join(dir, 'page', 'search'), { recursive: true });
  writeFileSync(
    join(dir, 'page', 'search', 'index.html'),
    searchPage
      .replace(/(<script type="application\/json" id="search-manifest"[^>]*>)[\s\S]*?(<\/script>)/, (_, a: string, b: string) => `${a}${JSON.stringify(manifest).replace(/</g, '\\u003c')}${b}`)
      // A preload of the site's document table, if the page has one, points at this corpus's.
      .replace(/(<link rel="preload" href=")\/search\/idx\/d(\d+)-[a-z0-9]+\.bin"/g, (_, a: string, c: string) => `${a}${docTableFile(manifest, Number(c))}"`),
  );

  // The fixed query list: what journalists, citizens and officials type.
  const decisions = docs.flatMap((d, i) => (d?.decision ? [i] : []));
  const company = docs.find((d) => d?.decision?.partyKind === 'legal-person' && d.decision.county === '990103');
  const docNo = company?.title.split(' ')[0] ?? '';
  const party = company?.title.split(' ')[1] ?? '';
  const table: { q: string; groups: string[][] }[] = [
    { q: docNo, groups: [[docNo]] },
    { q: docNo.replace('〔', '[').replace('〕', ']'), groups: [[docNo]] },
    { q: party, groups: [[party]] },
    { q: '东湖区 非法占用', groups: [['东湖区'], ['非法占用']] },
    { q: '土地管理法 第77条', groups: [['土地管理法'], ['第七十七条', '第77条']] },
    { q: '第七十七条', groups: [['第七十七条', '第77条']] },
    { q: '非法占地', groups: [['非法占地', '非法占用土地']] },
    { q: '永农', groups: [['永农', '基本农田', '永久基本农田']] },
    { q: '无证开采', groups: [['无证开采', '未取得采矿许可证']] },
    { q: '复垦', groups: [['复垦']] },
    { q: '田', groups: [['田']] },
    { q: '地复垦', groups: [['地复垦']] },
    { q: '罚款', groups: [['罚款']] },
  ];
  const firstList = ['东湖区 非法占用', '复垦', '非法占地', '土地管理法 第77条', '砂石', docNo, party, '地复垦', '田', '罚款'];
  const random = randomSubstrings(texts, decisions, 200);
  const tableTruth = table.map((r) => truth(texts, r.groups));
  const randomTruth = random.map((q) => truth(texts, [[q]]));

  // Ours, in Node on the files as built (the browser runs the same code).
  const oursDir = join(dir, 'ours', 'idx');
  const client = createSearchClient(manifest, async (url) => new Uint8Array(readFileSync(join(oursDir, url.slice(manifest.base.length)))));
  const oursIds = async (q: string) => (await client.match(q)).scored.map((s) => s.doc);
  const oursTable = score(await Promise.all(table.map((r) => oursIds(r.q))), tableTruth, table.map((r) => r.q));
  const oursRandom = score(await Promise.all(random.map(oursIds)), randomTruth, random);

  // One-character queries: our unigram postings against what a wildcard over the bigram dictionary would fetch.
  for (const ch of ['田', '矿']) {
    let wildcardShards = 0;
    let wildcardBytes = 0;
    let unigramBytes = 0;
    for (let s = 0; s < manifest.shardCount; s++) {
      const file = join(oursDir, shardFile(manifest, s).slice(manifest.base.length));
      const bytes = readFileSync(file);
      const terms = [...decodeShard(unpackFile(new Uint8Array(bytes))).keys()];
      if (terms.includes(ch)) unigramBytes += bytes.length;
      if (terms.some((t) => t !== ch && t.includes(ch))) {
        wildcardShards++;
        wildcardBytes += bytes.length;
      }
    }
    notes.push(`${n.toLocaleString('en')}: one-character query ${ch}: unigram shard ${kb(unigramBytes)}; a wildcard over the bigrams would need ${wildcardShards} shards, ${kb(wildcardBytes)} (plus a term dictionary)`);
  }

  const routes = {
    '/search/idx/': oursDir,
    '/search/engine/': join(site, 'search', 'engine'),
    '/search/': join(dir, 'page', 'search'),
    '/ours/': join(dir, 'ours'),
    '/bench/': join(work, 'bench'),
    '/pagefind/': join(dir, 'pf-site', 'pagefind'),
    '/': site,
  };
  const server = await serveStatic(routes, port);
  const base = `http://127.0.0.1:${port}`;
  const oursFirst: FirstQuery[] = [];
  for (const q of firstList) oursFirst.push(await firstQuery(browser, `${base}/search/?q=${encodeURIComponent(q)}`, `document.querySelector('.search-status')?.textContent`));
  const oursLatency = await latencies(browser, `${base}/bench/ours.html`, random);
  const oursServed = dirBytes(oursDir);
  const summary = (name: string, build: string, mem: number, files: number, bytes: number, first: FirstQuery[], lat: { p50: number; p95: number }, t: { recall: number; precision: number }, r: { recall: number; precision: number }) => {
    const b = first.map((f) => f.bytes);
    const typical = first[b.indexOf(median(b))] ?? first[0];
    const worst = first[b.indexOf(Math.max(...b))] ?? first[0];
    rows.push(
      `| ${n.toLocaleString('en')} | ${name} | ${build} | ${mb(mem)} | ${files.toLocaleString('en')} files, ${mb(bytes)} | ${kb(typical?.bytes ?? 0)} / ${kb(worst?.bytes ?? 0)} (+ page ${kb(typical?.pageBytes ?? 0)}) | ${median(first.map((f) => f.ms)).toFixed(0)} ms / ${Math.max(...first.map((f) => f.ms)).toFixed(0)} ms | ${lat.p50.toFixed(1)} / ${lat.p95.toFixed(1)} ms | ${pct(t.recall)} / ${pct(t.precision)} | ${pct(r.recall)} / ${pct(r.precision)} |`,
    );
    console.log(rows.at(-1));
  };
  summary('ours', `${oursInfo.indexSeconds.toFixed(1)} s (+ ${oursInfo.loadSeconds.toFixed(1)} s content)`, ours.peakRss, oursServed.files, oursServed.bytes, oursFirst, oursLatency, oursTable, oursRandom);
  notes.push(`${n.toLocaleString('en')}: ours quality table, found/truth: ${oursTable.each.join(', ')}`);
  if (oursTable.misses.length || oursRandom.misses.length) notes.push(`${n}: ours missed ${[...oursTable.misses, ...oursRandom.misses].join('; ')}`);
  const manifestJson = JSON.stringify(manifest);
  notes.push(`${n.toLocaleString('en')}: ours ${manifest.shardCount} term shards; manifest ${kb(manifestJson.length)} raw, ${kb(brotliCompressSync(manifestJson).length)} brotli (inlined in the page); laws imported: ${laws}`);
  notes.push(`${n.toLocaleString('en')}: ours first-query bytes per query: ${firstList.map((q, i) => `${q} ${kb(oursFirst[i]?.bytes ?? 0)} (${oursFirst[i]?.requests} req.)`).join(', ')}`);

  if (!skipPagefind.has(n)) {
    writePagefindSite(join(dir, 'pf-site'), docs);
    const pf = await timed(PAGEFIND, ['--site', join(dir, 'pf-site'), '--output-subdir', 'pagefind', '--silent']);
    const ids = new Map<string, number>();
    const fragments = join(dir, 'pf-site', 'pagefind', 'fragment');
    for (const f of readdirSync(fragments)) {
      const data = JSON.parse(gunzipSync(readFileSync(join(fragments, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string };
      ids.set(f.replace(/\.pf_fragment$/, ''), Number(/\/p\/(\d+)\//.exec(data.url)?.[1] ?? -1));
    }
    const page = await browser.newPage();
    await page.goto(`${base}/bench/pagefind.html`);
    await page.waitForFunction('window.benchReady === true', undefined, { timeout: 120_000 });
    const pfIds = async (qs: string[]) =>
      (await page.evaluate(async (list: string[]) => Promise.all(list.map((q) => (window as unknown as { benchIds: (q: string) => Promise<string[]> }).benchIds(q))), qs)).map((r) => r.map((id) => ids.get(id) ?? -1));
    const pfTable = score(await pfIds(table.map((r) => r.q)), tableTruth, table.map((r) => r.q));
    const pfRandom = score(await pfIds(random), randomTruth, random);
    await page.close();
    const pfFirst: FirstQuery[] = [];
    for (const q of firstList) pfFirst.push(await firstQuery(browser, `${base}/bench/pagefind.html?q=${encodeURIComponent(q)}`, `document.getElementById('status')?.textContent`));
    const pfLatency = await latencies(browser, `${base}/bench/pagefind.html`, random);
    const pfServed = dirBytes(join(dir, 'pf-site', 'pagefind'));
    summary('Pagefind', `${pf.seconds.toFixed(1)} s`, pf.peakRss, pfServed.files, pfServed.bytes, pfFirst, pfLatency, pfTable, pfRandom);
    notes.push(`${n.toLocaleString('en')}: Pagefind quality table, found/truth: ${pfTable.each.join(', ')}`);
    notes.push(`${n.toLocaleString('en')}: Pagefind first-query bytes per query: ${firstList.map((q, i) => `${q} ${kb(pfFirst[i]?.bytes ?? 0)}`).join(', ')}`);
  } else notes.push(`${n.toLocaleString('en')}: Pagefind not run (--no-pagefind-at)`);
  await new Promise<void>((done) => server.close(() => done()));
}
await browser.close();

console.log('\n| decisions | engine | index build | peak RSS | index as served | first query, typical / worst | to first results, median / worst | later queries p50 / p95 | quality table recall / precision | 200 random substrings recall / precision |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('');
for (const note of notes) console.log(`- ${note}`);
console.log(`- load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings are comparable only within one run)`);

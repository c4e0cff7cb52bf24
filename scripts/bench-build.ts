// npm run bench:build — builds the site with 1,000 and 10,000 generated
// decisions and, in the same run, the same site without its open-data,
// party-history, statistics and annual-report pages (a copy of the project with
// those page files removed, WITHOUT_PAGES below), and a bare Astro site with the
// same number of trivial pages (the floor). Prints build time, peak memory,
// page and output sizes.
// Usage: node scripts/bench-build.ts [--sizes 1000,10000]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './generate-corpus.ts';
import { describeMachine } from './machine.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = (values.sizes ?? '').split(',').map(Number);
// Inside the project, so that the builds resolve node_modules.
const work = resolve('bench-out');
mkdirSync(work, { recursive: true });

/** Peak resident memory so far (VmHWM) of a process, from /proc; 0 once it has ended. */
function readPeak(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function timedBuild(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRss: number }> {
  // Each build starts with the disk at rest: the files the bench just generated or deleted (a corpus, an old
  // output of 40,000 files) are otherwise still being written back during the next build, on the same cores.
  execFileSync('sync');
  const started = process.hrtime.bigint();
  // Astro's own entry, not npx: the process measured is the one that builds.
  const astro = resolve('node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRss = 0;
  const timer = setInterval(() => {
    if (child.pid) peakRss = Math.max(peakRss, readPeak(child.pid));
  }, 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`astro build failed (${code}):\n${stderr.slice(-3000)}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRss };
}

function makeBareSite(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static' });\n");
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${count} }, (_, i) => ({ params: { n: String(i) } })); }\nconst { n } = Astro.params;\n---\n<html lang="zh-CN"><head><title>{n}</title></head><body><h1>第 {n} 页</h1></body></html>\n`,
  );
}

/** The pages the open-data work added (issue: open data, party histories, statistics, annual report). */
const WITHOUT_PAGES = ['src/pages/parties', 'src/pages/statistics', 'src/pages/annual-report', 'src/pages/feeds', 'src/pages/data/[...file].ts', 'src/pages/data/dictionary.astro', 'src/pages/decisions/[slug].json.ts'];

/** A copy of the project's build inputs without WITHOUT_PAGES, sharing node_modules. */
function makeSiteWithout(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'api', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(resolve(entry), join(dir, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  for (const page of WITHOUT_PAGES) rmSync(join(dir, page), { recursive: true, force: true });
}

function walk(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending))
    .map((f) => join(dir, f));
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

console.log(`Machine: ${describeMachine()}`);
const rows: string[] = [];
const withoutRows: string[] = [];
const results = new Map<number, { site: number; bare: number }>();
for (const n of sizes) {
  const corpus = join(work, `corpus-${n}`);
  generateCorpus({ count: n, out: corpus });
  const siteOut = join(work, `site-${n}`);
  // Both builds start from an empty output folder (emptying an old one costs seconds).
  rmSync(siteOut, { recursive: true, force: true });
  const site = await timedBuild(['--outDir', siteOut], process.cwd(), { CONTENT_DIR: corpus, SITE_TODAY: '2026-11-26' });
  const withoutDir = join(work, `without-${n}`);
  makeSiteWithout(withoutDir);
  const withoutOut = join(work, `site-without-${n}`);
  rmSync(withoutOut, { recursive: true, force: true });
  const without = await timedBuild(['--outDir', withoutOut], withoutDir, { CONTENT_DIR: corpus, SITE_TODAY: '2026-11-26' });
  const bareDir = join(work, `bare-${n}`);
  makeBareSite(bareDir, n);
  const bare = await timedBuild([], bareDir, {});
  results.set(n, { site: site.seconds, bare: bare.seconds });
  const sizeOf = (dir: string) => walk(dir, '').filter((f) => statSync(f).isFile()).reduce((s, f) => s + statSync(f).size, 0);
  const filesOf = (dir: string) => walk(dir, '').filter((f) => statSync(f).isFile()).length;
  withoutRows.push(
    `| ${n.toLocaleString('en')} | ${site.seconds.toFixed(1)} s | ${without.seconds.toFixed(1)} s | +${(site.seconds - without.seconds).toFixed(1)} s (${(site.seconds / without.seconds).toFixed(2)}×) | ${mb(site.peakRss)} / ${mb(without.peakRss)} | ${filesOf(join(siteOut, 'client')).toLocaleString('en')} files, ${mb(sizeOf(join(siteOut, 'client')))} | ${filesOf(join(withoutOut, 'client')).toLocaleString('en')} files, ${mb(sizeOf(join(withoutOut, 'client')))} | ${(site.seconds / bare.seconds).toFixed(2)}× / ${(without.seconds / bare.seconds).toFixed(2)}× |`,
  );
  console.log(withoutRows.at(-1));
  const pages = walk(join(siteOut, 'client', 'decisions'), 'index.html').filter((f) => /自然资罚-/.test(f));
  const largestPage = Math.max(...pages.map(gz));
  const css = walk(join(siteOut, 'client'), '.css').reduce((s, f) => s + gz(f), 0);
  const htmlFiles = walk(join(siteOut, 'client'), '.html');
  const htmlBytes = htmlFiles.reduce((s, f) => s + statSync(f).size, 0);
  rows.push(
    `| ${n.toLocaleString('en')} | ${site.seconds.toFixed(1)} s | ${bare.seconds.toFixed(1)} s | ${(site.seconds / bare.seconds).toFixed(2)}× | ${mb(site.peakRss)} | ${htmlFiles.length.toLocaleString('en')} pages, ${mb(htmlBytes)} | ${(largestPage / 1024).toFixed(1)} KB | ${(css / 1024).toFixed(1)} KB |`,
  );
  console.log(rows.at(-1));
}
console.log('\n| decisions | site build | bare Astro, same page count | ratio | peak RSS (site) | output | largest decision page (gzip) | all CSS (gzip) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('\n| decisions | site build | without open-data pages | cost of those pages | peak RSS with / without | output with | output without | ratio to bare, with / without |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of withoutRows) console.log(r);
const [small, large] = sizes;
if (small && large && results.get(small) && results.get(large)) {
  const s = results.get(small)!;
  const l = results.get(large)!;
  console.log(`\nScaling ${small} → ${large} (${large / small}× the decisions): site ${(l.site / s.site).toFixed(2)}×, bare ${(l.bare / s.bare).toFixed(2)}×`);
}

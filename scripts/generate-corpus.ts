// Generates a content directory with N realistic decisions for benchmarks and
// scale tests: the project's content (site, categories, offices, basis…) with
// content/decisions replaced by generated ones. Deterministic for a seed.
// Usage: node scripts/generate-corpus.ts --count 10000 --out bench-out/corpus-10000 [--seed 42]
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../src/lib/dates.ts';
import { docNoToSlug } from '../src/lib/decision-slug.ts';
import { createRandom } from './corpus/random.ts';
import { decisionFileText, generateDecision } from './corpus/generate-decision.ts';

export function generateCorpus(options: { count: number; out: string; seed?: number; from?: string; days?: number }): void {
  const out = resolve(options.out);
  rmSync(out, { recursive: true, force: true });
  cpSync(resolve('content'), out, { recursive: true, filter: (src) => !src.includes(`${join('content', 'decisions')}`) });
  mkdirSync(join(out, 'decisions'), { recursive: true });
  const random = createRandom(options.seed ?? 42);
  // Decisions over the year before the build date the benchmark pins (SITE_TODAY 2026-11-26): every
  // one falls under law versions and credit rules the content carries, and every display period
  // (at most 12 months for 一般失信, 信用修复管理办法) still runs, so every decision is listed.
  const from = options.from ?? '2025-12-01';
  const days = options.days ?? 360;
  const serials = new Map<string, number>();
  for (let i = 0; i < options.count; i++) {
    const decidedOn = addDays(from, Math.floor((i * days) / options.count));
    const county = i % 5;
    const key = `${county}-${decidedOn.slice(0, 4)}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const d = generateDecision(random, { county, decidedOn, serial });
    writeFileSync(join(out, 'decisions', `${docNoToSlug(d.data.docNo)}.md`), decisionFileText(d, 'generated for benchmarks'));
  }
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || !values.out) {
    console.error('Usage: node scripts/generate-corpus.ts --count N --out DIR [--seed S]');
    process.exit(2);
  }
  generateCorpus({ count, out: values.out, ...(values.seed ? { seed: Number(values.seed) } : {}) });
  console.log(`wrote ${count} decisions to ${values.out}`);
}

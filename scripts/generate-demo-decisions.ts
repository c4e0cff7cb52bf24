// Writes the demo decisions in content/decisions: invented cases in the
// fictional 示范市, chosen so that every category, county, party kind and
// penalty kind appears, with the special cases a reader must see handled
// (withdrawn, executed, published late, past its display period, mining under
// the 2009 and the 2024 law). Each fine names the discretion baseline band
// its facts fall in and lies inside it, except a few placed deliberately below
// or above their band, outside the legal range, or in a heavier band than the
// facts call for, so that /decisions/outside-band/ has something to show.
// Run: node scripts/generate-demo-decisions.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../src/lib/dates.ts';
import { docNoToSlug } from '../src/lib/decision-slug.ts';
import { createRandom } from './corpus/random.ts';
import { decisionFileText, fitFineToBaseline, generateDecision, type FineTarget, type GeneratedDecision } from './corpus/generate-decision.ts';
import { ProblemList } from '../src/lib/content/content-error.ts';
import { loadBaselines } from '../src/lib/content/load-baselines.ts';
import { loadCategories } from '../src/lib/content/load-categories.ts';

const CATEGORIES = ['illegal-occupation', 'farmland-damage', 'illegal-transfer', 'reclamation-refusal', 'refuse-return', 'temporary-land-permanent', 'unlicensed-mining', 'cross-boundary-mining'];
const KINDS = ['legal-person', 'natural-person', 'individual-business'] as const;
const contentDir = join(process.cwd(), 'content');
const out = join(contentDir, 'decisions');
const problems = new ProblemList();
const baselines = loadBaselines(contentDir, problems, { categories: loadCategories(contentDir, problems) });
problems.throwIfAny();

// Decisions placed outside their band on purpose, by index, with the note their file carries.
const OUTSIDE: Record<number, { target: FineTarget; note: string }> = {
  2: { target: 'below', note: '示例：罚款低于裁量阶次幅度' },
  16: { target: 'above', note: '示例：罚款高于裁量阶次幅度' },
  20: { target: 'below-legal', note: '示例：罚款低于法定幅度下限' },
  25: { target: 'named-heavier', note: '示例：决定所列阶次重于事实对应的阶次' },
  29: { target: 'above-legal', note: '示例：罚款高于法定幅度上限' },
};

const random = createRandom(20250101);
const serials = new Map<string, number>();
const decisions: { d: GeneratedDecision; note?: string }[] = [];

function next(i: number, category: string, decidedOn: string, extra: Partial<Parameters<typeof generateDecision>[1]> = {}) {
  const county = i % 5;
  const key = `${county}-${decidedOn.slice(0, 4)}`;
  const serial = (serials.get(key) ?? 0) + 1 + (i % 3);
  serials.set(key, serial);
  return generateDecision(random, { category, county, partyKind: KINDS[i % 3] ?? 'legal-person', decidedOn, serial, demo: true, publishDelayDays: 1 + (i % 5), ...extra });
}

for (let i = 0; i < 42; i++) {
  const decidedOn = addDays('2025-01-06', i * 16);
  const d = next(i, CATEGORIES[i % 8] ?? 'illegal-occupation', decidedOn);
  let note: string | undefined;
  if (i === 3) {
    d.data.status = 'withdrawn';
    d.data.withdrawal = { date: addDays(decidedOn, 40), reason: '经行政复议，复议机关以认定事实不清为由撤销该决定，本机关依法撤回公示并将重新调查处理。' };
    note = '示例：已撤回的决定';
  }
  if (i === 5) {
    d.data.status = 'executed';
    d.data.execution = { state: 'completed', note: '罚款已于决定送达后十五日内缴清，建筑物已自行拆除并复耕。' };
    note = '示例：执行完毕的决定';
  }
  if (i === 9) {
    d.data.publishedOn = addDays(decidedOn, 21);
    note = '示例：逾期公示（超过7个工作日）';
  }
  if (i === 13) d.data.execution = { state: 'court', note: '当事人逾期未缴纳罚款，经催告仍不履行，已申请人民法院强制执行。' };
  if (i === 15 || i === 23) d.data.execution = { state: 'in-progress' };
  if (i === 14) {
    d.data.penalties.push({ kind: 'suspend-business', text: '责令停止开采，停产整顿' });
  }
  if (i === 31) {
    d.data.penalties = d.data.penalties.filter((p) => p.kind !== 'licence-suspend');
    d.data.penalties.push({ kind: 'licence-revoke', text: '吊销采矿许可证', licence: '采矿许可证 C9901232019050012345' });
    note = '示例：吊销许可证';
  }
  const outside = OUTSIDE[i];
  const verdict = fitFineToBaseline(d, baselines, outside?.target ?? 'within', (i % 7) / 6);
  const expected = outside?.target === 'named-heavier' ? 'above' : (outside?.target ?? 'within');
  if (verdict !== expected) throw new Error(`Expected decision ${i} (${d.data.category}) to come out ${expected}; it is ${verdict ?? 'without a baseline'}.`);
  if (outside) note = note ? `${note}；${outside.note}` : outside.note;
  if (i === 6) note = '示例：依2009年矿产资源法处罚的无证开采';
  if (i === 38) note = '示例：依2024年矿产资源法处罚的无证开采';
  decisions.push(note ? { d, note } : { d });
}

// A minor case with a warning only and a three-month display period, already past it.
const expired = next(42, 'illegal-occupation', '2026-02-10', { displayMonths: 3 });
expired.data.penalties = [{ kind: 'warning', text: '给予警告，责令立即停止违法行为' }];
expired.data.area = { construction: 30 };
expired.facts = [`当事人在${expired.data.location.text}空地上堆放建筑材料，临时占用土地约30平方米，经责令后已于当日自行清理。`];
decisions.push({ d: expired, note: '示例：公示期已届满的决定' });

// A second warning, still in its display period.
const warning = next(43, 'refuse-return', '2026-10-20', { displayMonths: 3 });
warning.data.penalties = [{ kind: 'warning', text: '给予警告，责令按批准用途使用土地' }];
decisions.push({ d: warning });

// Old files go only once every decision has been generated and checked.
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.md')) rmSync(join(out, f));
for (const { d, note } of decisions) {
  writeFileSync(join(out, `${docNoToSlug(d.data.docNo)}.md`), decisionFileText(d, note ? `示例数据（${note}）` : '示例数据'));
}
console.log(`wrote ${decisions.length} demo decisions to content/decisions`);

// Writes the demo decisions in content/decisions: invented cases in the
// fictional 示范市, chosen so that every category, county, party kind and
// penalty kind appears, with the special cases a reader must see handled
// (withdrawn on time and late, executed, published late, past its display
// period, ended early by a credit repair, mining under the 2009 and the 2024
// law, a licence revoked on the conditions of 矿产资源法 2024 art. 64 ¶2). Each fine names the discretion baseline band
// its facts fall in and lies inside it, except a few placed deliberately below
// or above their band (never outside the legal range: such a fine is void), or
// in a heavier band than the facts call for, so that /decisions/outside-band/ has something to show.
// Run: node scripts/generate-demo-decisions.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, addMonths } from '../src/lib/dates.ts';
import { addWorkingDays, createWorkingCalendar } from '../src/lib/working-days.ts';
import { withCreditCheckChar } from '../src/schemas/credit-code.ts';
import { docNoToSlug } from '../src/lib/decision-slug.ts';
import { createRandom } from './corpus/random.ts';
import { decisionFileText, fitFineToBaseline, generateDecision, settleRecords, type FineTarget, type GenerateOptions, type GeneratedDecision } from './corpus/generate-decision.ts';
import { ProblemList } from '../src/lib/content/content-error.ts';
import { loadBaselines } from '../src/lib/content/load-baselines.ts';
import { loadCategories } from '../src/lib/content/load-categories.ts';

// The categories by index, as when the demo was first written, so every
// decision keeps its 文号 and URL. Index 2 was written as 非法转让 but its facts
// (collective land turned over for non-farm building) are 土地管理法 art. 82.
const CATEGORIES = [
  'illegal-occupation',
  'farmland-damage',
  'collective-land-non-farm',
  'reclamation-refusal',
  'refuse-return',
  'temporary-land-permanent',
  'unlicensed-mining',
  'cross-boundary-mining',
];
const KINDS = ['legal-person', 'natural-person', 'individual-business'] as const;
const contentDir = join(process.cwd(), 'content');
const out = join(contentDir, 'decisions');
const problems = new ProblemList();
const baselines = loadBaselines(contentDir, problems, { categories: loadCategories(contentDir, problems) });
problems.throwIfAny();
const calendar = createWorkingCalendar();

// Decisions placed outside their band on purpose, by index, with the note their file carries.
// None is outside the legal range: a fine the cited article does not allow is void, and the build refuses it.
const OUTSIDE: Record<number, { target: FineTarget; note: string }> = {
  2: { target: 'below', note: '示例：罚款低于裁量阶次幅度' },
  16: { target: 'above', note: '示例：罚款高于裁量阶次幅度' },
  20: { target: 'below', note: '示例：罚款低于裁量阶次幅度' },
  25: { target: 'named-heavier', note: '示例：决定所列阶次重于事实对应的阶次' },
  29: { target: 'above', note: '示例：罚款高于裁量阶次幅度' },
};

const random = createRandom(20250101);
const serials = new Map<string, number>();
const decisions: { d: GeneratedDecision; note?: string }[] = [];

function next(i: number, category: string, decidedOn: string, extra: Partial<GenerateOptions> = {}) {
  const county = i % 5;
  const key = `${county}-${decidedOn.slice(0, 4)}`;
  const serial = (serials.get(key) ?? 0) + 1 + (i % 3);
  serials.set(key, serial);
  return generateDecision(random, { category, county, partyKind: KINDS[i % 3] ?? 'legal-person', decidedOn, serial, demo: true, publishDelayDays: 1 + (i % 5), ...extra });
}

const workingDaysAfter = (date: string, n: number) => addWorkingDays(calendar, date, n).date;

function fit(i: number, d: GeneratedDecision, note: string | undefined): void {
  const outside = OUTSIDE[i];
  const verdict = fitFineToBaseline(d, baselines, outside?.target ?? 'within', (i % 7) / 6);
  const expected = outside?.target === 'named-heavier' ? 'above' : (outside?.target ?? 'within');
  if (verdict !== expected) throw new Error(`Expected decision ${i} (${d.data.category}) to come out ${expected}; it is ${verdict ?? 'without a baseline'}.`);
  const full = outside ? (note ? `${note}；${outside.note}` : outside.note) : note;
  decisions.push(full ? { d, note: full } : { d });
}

/** A case whose party refused to stop: the stop came later than the order, and the facts say so. */
function refusedToStop(d: GeneratedDecision, sentence: string): void {
  d.facts[0] = (d.facts[0] ?? '').replace('经责令停止后停止开采', '停止开采');
  d.facts.splice(1, 0, sentence);
}

for (let i = 0; i < 42; i++) {
  const decidedOn = addDays('2025-01-06', i * 16);
  const extra: Partial<GenerateOptions> = {};
  // A large case under the 2009 law, whose 3-year display (严重失信) keeps it listed.
  if (i === 6) extra.ore = { tonnes: 8000, price: 60 };
  // The revocation case: ore worth more than 200万元 puts it in the heaviest band.
  if (i === 31) extra.ore = { tonnes: 40000, price: 60 };
  const d = next(i, CATEGORIES[i % 8] ?? 'illegal-occupation', decidedOn, extra);
  let note: string | undefined;
  if (i === 3 || i === 11) {
    const revokedOn = addDays(decidedOn, 40);
    const late = i === 11;
    d.data.status = 'withdrawn';
    d.data.withdrawal = {
      revokedOn,
      revokedBy: late ? '示范市中级人民法院（行政判决）' : '示范市人民政府（行政复议决定）',
      takenDownOn: workingDaysAfter(revokedOn, late ? 6 : 2),
      reason: late
        ? '人民法院以认定事实不清、证据不足为由判决撤销该决定，本机关依法撤回公示，并将重新调查处理。'
        : '经行政复议，复议机关以认定事实不清为由撤销该决定，本机关依法撤回公示并将重新调查处理。',
    };
    note = late ? '示例：撤下晚于3个工作日的撤回' : '示例：已撤回的决定';
  }
  if (i === 5) {
    d.data.status = 'executed';
    d.data.execution = { state: 'completed', note: '罚款已于决定送达后十五日内缴清，土地已复垦。' };
    note = '示例：执行完毕的决定';
  }
  if (i === 33) {
    d.data.publishedOn = addDays(decidedOn, 21);
    note = '示例：逾期公示（超过7个工作日）';
  }
  if (i === 12) {
    d.data.status = 'executed';
    d.data.execution = { state: 'completed', note: '罚款已缴清，违法所得已没收。' };
    note = '示例：信用修复后提前终止公示';
  }
  if (i === 13) d.data.execution = { state: 'court', note: '当事人逾期未缴纳罚款，经书面催告满十个工作日后仍不履行，已申请人民法院强制执行。' };
  if (i === 15 || i === 23) d.data.execution = { state: 'in-progress' };
  if (i === 38) {
    // 矿产资源法 2024 art. 64 ¶1: 拒不停止违法行为的，可以责令停业整顿.
    d.data.circumstances = ['refused-to-stop'];
    refusedToStop(d, '执法人员于发现当日送达责令停止违法行为通知书，当事人拒不停止，继续开采三日，经报告人民政府并抄告供电部门停止供电后方才停止。');
    d.data.penalties.push({ kind: 'suspend-business', text: '责令停业整顿' });
    note = '示例：依2024年矿产资源法处罚的无证开采，拒不停止违法行为，责令停业整顿';
  }
  if (i === 31) {
    // 矿产资源法 2024 art. 64 ¶2: 拒不停止违法行为、情节严重的，原矿业权出让部门可以吊销采矿许可证.
    // A mining right of this size is held by a company; the party drawn for the index is replaced, not the stream.
    const holder = d.data.party.name;
    d.data.party = { kind: 'legal-person', name: '示范市金石矿业有限公司', creditCode: withCreditCheckChar(`91${d.data.county}MA1X3K7P2`), legalRepresentative: holder.slice(0, 1) + '某' };
    d.facts = d.facts.map((f) => f.replace(`当事人${holder}`, '当事人示范市金石矿业有限公司'));
    d.data.circumstances = ['refused-to-stop', 'serious'];
    refusedToStop(d, '当事人的采矿许可证由本局颁发。执法人员两次送达责令停止违法行为通知书，当事人拒不停止，继续越界开采，越界开采量大、持续时间长，情节严重。');
    d.data.penalties.push({ kind: 'licence-revoke', text: '吊销采矿许可证', licence: `采矿许可证 C${d.data.authority}2019050012345` });
    note = '示例：吊销采矿许可证';
  }
  if (i === 6) note = '示例：依2009年矿产资源法处罚的无证开采';
  fit(i, d, note);
  if (i === 12) {
    // After fitting: the repair may come only once the class's minimum period has run.
    d.data.creditRepair = {
      date: addDays(addMonths(decidedOn, d.data.creditClass === 'serious' ? 12 : 3), 15),
      basis: '当事人已履行全部处罚义务并公开作出信用承诺，经“信用中国”网站受理、本机关审核同意修复，提前终止公示。',
    };
  }
}

// A small case with the shortest display period of its class (3 months), already past it.
const small = next(42, 'illegal-occupation', '2026-02-10', { displayMonths: 3 });
small.data.area = { construction: 30 };
small.data.orders = [{ kind: 'return-land', text: '责令退还非法占用的土地' }];
small.data.penalties = [{ kind: 'fine', amount: 3000, text: '处以罚款人民币3000元（按每平方米100元计）' }];
small.facts = [`当事人在${small.data.location.text}空地上硬化场地，未经批准占用建设用地约30平方米，经责令后已于当日停止。`, '以上事实有现场检查笔录、照片等证据证实。'];
small.data.baseline = { id: 'illegal-occupation-2022', band: 'minor' };
settleRecords(small.data, 3);
decisions.push({ d: small, note: '示例：公示期已届满的决定' });

// A refusal to hand back land, with a short display period, still listed.
const handBack = next(43, 'refuse-return', '2026-10-20', { displayMonths: 3 });
fit(43, handBack, undefined);
settleRecords(handBack.data, 3);

// Transfers of state land use rights (土地管理法 art. 74 / 条例 art. 54), added after the first demo.
for (const [i, decidedOn] of [[44, '2026-10-28'], [45, '2026-11-05'], [46, '2026-11-12'], [47, '2026-11-19']] as const) {
  fit(i, next(i, 'illegal-transfer', decidedOn), undefined);
}

// Repeat offenders, added with the party histories (/parties/<统一社会信用代码>/): later decisions against parties
// the demo already has, so a history shows decisions across counties and years. Each is of another category than
// the party's earlier decisions: the baselines' 再次违法 bands concern the same violation again ("因非法占用土地受过
// 行政处罚后再次违法"), and the proportionality check assumes no repeat (test/unit/demo-coverage.test.ts holds it so).
function againstParty(i: number, category: string, county: number, decidedOn: string, earlier: GeneratedDecision, note: string): void {
  const party = earlier.data.party;
  const year = decidedOn.slice(0, 4);
  const key = `${county}-${year}`;
  const serial = (serials.get(key) ?? 0) + 1;
  serials.set(key, serial);
  const d = generateDecision(random, { category, county, partyKind: party.kind, decidedOn, serial, demo: true, publishDelayDays: 1 + (i % 5) });
  const drawn = d.data.party.name;
  d.data.party = party;
  d.facts = d.facts.map((f) => f.replaceAll(drawn, party.name));
  fit(i, d, note);
}
const byDocNo = (docNo: string) => {
  const found = decisions.find(({ d }) => d.data.docNo === docNo)?.d;
  if (!found) throw new Error(`Expected the demo to have ${docNo}.`);
  return found;
};
// A sand and gravel company of 东湖区, fined there in 2025 for occupying farmland, then in 云山县 and 西岭区 in 2026.
againstParty(48, 'farmland-damage', 4, '2026-03-19', byDocNo('东湖自然资罚〔2025〕1号'), '示例：同一当事人在另一区县、另一年度的处罚');
againstParty(49, 'temporary-land-permanent', 1, '2026-07-29', byDocNo('东湖自然资罚〔2025〕1号'), '示例：同一当事人的第三件处罚');
// An individual business fined twice in its own county, in two years.
againstParty(50, 'farmland-damage', 0, '2026-09-15', byDocNo('东湖自然资罚〔2025〕10号'), '示例：同一个体工商户在同一区县的第二件处罚');

// Old files go only once every decision has been generated and checked.
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.md')) rmSync(join(out, f));
for (const { d, note } of decisions) {
  writeFileSync(join(out, `${docNoToSlug(d.data.docNo)}.md`), decisionFileText(d, note ? `示例数据（${note}）` : '示例数据'));
}
console.log(`wrote ${decisions.length} demo decisions to content/decisions`);

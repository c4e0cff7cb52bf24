import type { Baseline, Condition, FineRange, Interval } from '../../schemas/baseline.ts';
import { landTypes, type LandType } from '../../schemas/land-type.ts';
import type { FactPoint } from './case-facts.ts';
import { areaIntervalInM2 } from './condition-holds.ts';
import { bandsMatching } from './select-band.ts';
import { describeRange } from './describe.ts';

/** One thing wrong with a baseline: the field at fault and what was expected. */
export interface BaselineProblem {
  field: string;
  expected: string;
}

const LAND_LABEL: Record<LandType, string> = {
  basicFarmland: '永久基本农田',
  farmland: '耕地',
  otherAgricultural: '其他农用地',
  construction: '建设用地',
  unused: '未利用地',
};

type NumericFact = 'area' | 'illegalIncome' | 'oreValue';
const NUMERIC: Record<NumericFact, { label: string; unit: string; of: (c: Condition) => Interval | undefined }> = {
  area: { label: '面积', unit: '平方米', of: (c) => (c.area ? areaIntervalInM2(c.area) : undefined) },
  illegalIncome: { label: '违法所得', unit: '元', of: (c) => c.illegalIncome },
  oreValue: { label: '矿产品价值', unit: '元', of: (c) => c.oreValue },
};

/** A cell of one numeric fact: a single breakpoint value, or the open stretch between two. */
interface Cell {
  value: number;
  text: string;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

// Every interval is (above, upTo], so the coverage can only change at a
// breakpoint: testing each breakpoint and one value inside each stretch between
// them (and beyond the last) visits every distinct case.
function cellsOf(fact: NumericFact, breakpoints: number[]): Cell[] {
  const { label, unit } = NUMERIC[fact];
  const points = [...new Set([0, ...breakpoints])].sort((a, b) => a - b);
  const cells: Cell[] = [];
  points.forEach((p, i) => {
    cells.push({ value: p, text: `${label}为 ${fmt(p)} ${unit}` });
    const next = points[i + 1];
    if (next === undefined) cells.push({ value: p + 1, text: `${label}大于 ${fmt(p)} ${unit}` });
    else cells.push({ value: (p + next) / 2, text: `${label}在 ${fmt(p)} 至 ${fmt(next)} ${unit}之间（不含两端）` });
  });
  return cells;
}

/** Every distinct case the bands' conditions tell apart, described in words. */
function enumerateCases(baseline: Pick<Baseline, 'bands' | 'landTypes'>): { point: FactPoint; text: string }[] {
  const conditions = baseline.bands.flatMap((b) => b.match);
  let cases: { point: FactPoint; text: string[] }[] = [
    { point: { landType: undefined, area: 0, illegalIncome: 0, oreValue: 0, repeat: false }, text: [] },
  ];
  const expand = <T>(values: T[], apply: (p: FactPoint, v: T) => FactPoint, describe: (v: T) => string) => {
    cases = cases.flatMap((c) => values.map((v) => ({ point: apply(c.point, v), text: [...c.text, describe(v)] })));
  };
  if (conditions.some((c) => c.landTypes)) {
    expand([...(baseline.landTypes ?? landTypes)], (p, landType) => ({ ...p, landType }), (t) => `土地类型为${LAND_LABEL[t]}`);
  }
  for (const fact of Object.keys(NUMERIC) as NumericFact[]) {
    const intervals = conditions.map((c) => NUMERIC[fact].of(c)).filter((i): i is Interval => i !== undefined);
    if (intervals.length === 0) continue;
    const breakpoints = intervals.flatMap((i) => [i.above, i.upTo]).filter((n): n is number => n !== undefined);
    expand(cellsOf(fact, breakpoints), (p, cell) => ({ ...p, [fact]: cell.value }), (cell) => cell.text);
  }
  if (conditions.some((c) => c.repeat !== undefined)) {
    expand([false, true], (p, repeat) => ({ ...p, repeat }), (r) => (r ? '再次违法' : '非再次违法'));
  }
  return cases.map((c) => ({ point: c.point, text: c.text.join('、') || '任何情形' }));
}

// A long list of uncovered cells is one mistake seen many times; a few say where it is.
const MAX_REPORTED = 4;

/** Gaps (a case no band covers) and overlaps (a case two bands cover) between machine-checkable conditions. */
export function findGapsAndOverlaps(baseline: Pick<Baseline, 'bands' | 'landTypes'>): BaselineProblem[] {
  const gaps: string[] = [];
  const overlaps = new Map<string, string[]>();
  for (const { point, text } of enumerateCases(baseline)) {
    const bands = bandsMatching(baseline, point);
    if (bands.length === 0) gaps.push(text);
    if (bands.length > 1) {
      const key = bands.map((b) => b.id).join(' and ');
      overlaps.set(key, [...(overlaps.get(key) ?? []), text]);
    }
  }
  const problems: BaselineProblem[] = [];
  if (gaps.length > 0) {
    const shown = gaps.slice(0, MAX_REPORTED).join('; ');
    const more = gaps.length > MAX_REPORTED ? ` (and ${gaps.length - MAX_REPORTED} more)` : '';
    problems.push({ field: 'bands', expected: `expected the bands' conditions to cover every case without a gap; no band covers: ${shown}${more}` });
  }
  for (const [key, texts] of overlaps) {
    problems.push({
      field: 'bands',
      expected: `expected the bands' conditions not to overlap; bands ${key} both cover: ${texts.slice(0, MAX_REPORTED).join('; ')}`,
    });
  }
  return problems;
}

const inside = (r: FineRange, outer: FineRange) => r.min >= outer.min && r.max <= outer.max;

/** Bands inside the legal range, fallback ranges where the law has one, unique band ids, then gaps and overlaps. */
export function checkBaseline(baseline: Baseline): BaselineProblem[] {
  const problems: BaselineProblem[] = [];
  const legal = baseline.legalRange;
  const seen = new Set<string>();
  baseline.bands.forEach((band, i) => {
    if (seen.has(band.id)) problems.push({ field: `bands.${i}.id`, expected: `expected a unique band id; ${band.id} appears twice` });
    seen.add(band.id);
    if (!inside(band.range, legal)) {
      problems.push({
        field: `bands.${i}.range`,
        expected: `expected a range inside the legal range ${describeRange(legal, legal)}; got ${describeRange(band.range, legal)}`,
      });
    }
    if (band.fallbackRange && !legal.fallback) {
      problems.push({ field: `bands.${i}.fallbackRange`, expected: 'expected no fallbackRange: the legal range has no fallback' });
    }
    if (legal.fallback) {
      const canBeSmall = band.match.some((c) => c.oreValue === undefined || c.oreValue.above === undefined || c.oreValue.above < (legal.fallback?.threshold ?? 0));
      if (canBeSmall && !band.fallbackRange) {
        problems.push({
          field: `bands.${i}.fallbackRange`,
          expected: `expected a fallbackRange in 元: the band covers ore values below ${legal.fallback.threshold} 元, where the law sets a fixed range`,
        });
      }
      if (band.fallbackRange && !inside(band.fallbackRange, legal.fallback)) {
        problems.push({
          field: `bands.${i}.fallbackRange`,
          expected: `expected a range inside the legal fallback ${legal.fallback.min}–${legal.fallback.max} 元; got ${band.fallbackRange.min}–${band.fallbackRange.max} 元`,
        });
      }
    }
  });
  return [...problems, ...findGapsAndOverlaps(baseline)];
}

import { describe, expect, test } from 'vitest';
import { baselineSchema, type Baseline } from '../../src/schemas/baseline.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { selectBand } from '../../src/lib/baselines/select-band.ts';
import { fineForCase, legalFineForCase } from '../../src/lib/baselines/fine-for-case.ts';
import { describeArithmetic } from '../../src/lib/baselines/describe-arithmetic.ts';
import type { CaseFacts } from '../../src/lib/baselines/case-facts.ts';
import { demoContentDir } from '../fixtures/content-fixture.ts';

const baselines = loadContent(demoContentDir).baselines;
function baseline(id: string): Baseline {
  const b = baselines.find((x) => x.id === id);
  if (!b) throw new Error(`Expected the demo baseline ${id}.`);
  return b;
}
function caseFine(b: Baseline, facts: CaseFacts) {
  const band = selectBand(b, facts);
  if (!band) throw new Error('Expected a band.');
  const fine = fineForCase(b.legalRange, band.range, band.fallbackRange, facts);
  if (!fine.ok) throw new Error(`Expected a fine; missing ${fine.missing}.`);
  return { band: band.id, min: fine.fine.min, max: fine.fine.max, lines: describeArithmetic(fine.fine) };
}

describe('band selection', () => {
  const occupation = baseline('illegal-occupation-2022');
  test('farmland of 1333 m² (under 2 亩 = 1333.33 m²) is 一般, 1334 m² is 较重', () => {
    expect(selectBand(occupation, { area: { farmland: 1333 } })?.id).toBe('general');
    expect(selectBand(occupation, { area: { farmland: 1334 } })?.id).toBe('serious');
  });
  test('any basic farmland makes the case 严重, whatever else is involved', () => {
    expect(selectBand(occupation, { area: { basicFarmland: 10, construction: 5000 } })?.id).toBe('grave');
  });
  test('mixed land takes the most protected type and the total area', () => {
    // farmland 500 + construction 1000 = 1500 m² > 1333.33, most protected = 耕地 → 较重.
    expect(selectBand(occupation, { area: { farmland: 500, construction: 1000 } })?.id).toBe('serious');
  });
  test('a repeat offence is 严重 even on small construction land', () => {
    expect(selectBand(occupation, { area: { construction: 50 }, repeat: true })?.id).toBe('grave');
  });
  test('a case with no area falls in no band of an area-based baseline', () => {
    expect(selectBand(occupation, { area: {} })).toBeUndefined();
  });
});

describe('fine arithmetic for each unit', () => {
  test('元/m²: 1,000 m² of farmland in 一般 (200–400 元/m²) gives 200,000–400,000 元', () => {
    // 1000 × 200 = 200000; 1000 × 400 = 400000.
    const r = caseFine(baseline('illegal-occupation-2022'), { area: { farmland: 1000 } });
    expect(r).toMatchObject({ band: 'general', min: 200_000, max: 400_000 });
    expect(r.lines).toEqual(['下限：1,000 平方米 × 200 元/平方米 = 200,000 元', '上限：1,000 平方米 × 400 元/平方米 = 400,000 元']);
  });

  test('multiple of 耕地开垦费: fee 18,000 元 in 一般 (6–7.5 ×) gives 108,000–135,000 元', () => {
    // 18000 × 6 = 108000; 18000 × 7.5 = 135000. 1000 m² = 1.5 亩 → 一般.
    const r = caseFine(baseline('farmland-damage-2022'), { area: { farmland: 1000 }, cultivationFee: 18_000 });
    expect(r).toMatchObject({ band: 'general', min: 108_000, max: 135_000 });
    expect(r.lines[0]).toBe('下限：耕地开垦费 18,000 元 × 6 倍 = 108,000 元');
  });

  test('multiple of 土地复垦费: fee 40,000 元 on 3 亩 of construction land (5.5–6.5 ×) gives 220,000–260,000 元', () => {
    // 2000 m² = 3 亩 > 2 亩 → construction-large; 40000 × 5.5 = 220000; 40000 × 6.5 = 260000.
    const r = caseFine(baseline('temporary-land-permanent-2022'), { area: { construction: 2000 }, reclamationFee: 40_000 });
    expect(r).toMatchObject({ band: 'construction-large', min: 220_000, max: 260_000 });
  });

  test('percent of illegal income: 300,000 元 in 一般 (20%–30%) gives 60,000–90,000 元', () => {
    // 300000 × 20% = 60000; 300000 × 30% = 90000.
    const r = caseFine(baseline('illegal-transfer-2022'), { area: {}, illegalIncome: 300_000 });
    expect(r).toMatchObject({ band: 'general', min: 60_000, max: 90_000 });
    expect(r.lines[1]).toBe('上限：违法所得 300,000 元 × 30% = 90,000 元');
  });

  test('multiple of ore value: 400,000 元 in 一般 (3.5–4 ×) gives 1,400,000–1,600,000 元; the legal range is 1,200,000–2,000,000 元', () => {
    // 400000 × 3.5 = 1400000; × 4 = 1600000; legal 400000 × 3 = 1200000, × 5 = 2000000.
    const b = baseline('unlicensed-mining-2025');
    expect(caseFine(b, { area: {}, oreValue: 400_000 })).toMatchObject({ band: 'general', min: 1_400_000, max: 1_600_000 });
    const legal = legalFineForCase(b.legalRange, { area: {}, oreValue: 400_000 });
    expect(legal.ok && [legal.fine.min, legal.fine.max]).toEqual([1_200_000, 2_000_000]);
  });

  test('ore value under 100,000 元 or none: the fixed fallback of the band applies (100,000–300,000 元)', () => {
    const b = baseline('unlicensed-mining-2025');
    const small = caseFine(b, { area: {}, oreValue: 60_000 });
    expect(small).toMatchObject({ band: 'lighter', min: 100_000, max: 300_000 });
    expect(small.lines[0]).toBe('矿产品价值 60,000 元 不足 100,000 元，适用固定数额幅度');
    expect(caseFine(b, { area: {} })).toMatchObject({ band: 'lighter', min: 100_000, max: 300_000 });
    const legal = legalFineForCase(b.legalRange, { area: {}, oreValue: 60_000 });
    expect(legal.ok && [legal.fine.min, legal.fine.max]).toEqual([100_000, 1_000_000]);
  });

  test('ore value of exactly 100,000 元 is counted in multiples: 3–3.5 × gives 300,000–350,000 元', () => {
    expect(caseFine(baseline('unlicensed-mining-2025'), { area: {}, oreValue: 100_000 })).toMatchObject({ min: 300_000, max: 350_000 });
  });

  test('a repeat offence with a small ore value takes the 从重 fallback, 600,000–1,000,000 元', () => {
    expect(caseFine(baseline('unlicensed-mining-2025'), { area: {}, oreValue: 20_000, repeat: true })).toMatchObject({ band: 'heavier', min: 600_000, max: 1_000_000 });
  });

  test('fixed 元: the band range is the case range', () => {
    const fixed = baselineSchema.parse({
      id: 'fixed-test', category: 'illegal-occupation', title: '固定数额测试基准', version: '测试', issuer: '测试机关',
      effectiveFrom: '2020-01-01', refines: [{ law: 'land-administration-law', article: 77 }],
      legalRange: { unit: 'fixed-yuan', min: 1000, max: 50_000 },
      bands: [
        { id: 'a', name: '一般', conditions: '非再次违法', match: [{ repeat: false }], range: { min: 1000, max: 20_000 } },
        { id: 'b', name: '从重', conditions: '再次违法', match: [{ repeat: true }], range: { min: 20_000, max: 50_000 } },
      ],
    });
    expect(caseFine(fixed, { area: {}, repeat: true })).toMatchObject({ band: 'b', min: 20_000, max: 50_000, lines: ['固定数额幅度：20,000 元 至 50,000 元'] });
  });

  test('half-multiples round to the fen: 12,345 元 × 3.5 = 43,207.5 元', () => {
    const b = baseline('unlicensed-mining-2025');
    const fine = fineForCase(b.legalRange, { min: 3.5, max: 3.5 }, undefined, { area: {}, oreValue: 12_345 });
    expect(fine.ok && fine.fine.min).toBe(43_207.5);
  });

  test('a missing base is reported instead of computed as 0', () => {
    const b = baseline('farmland-damage-2022');
    expect(fineForCase(b.legalRange, b.legalRange, undefined, { area: { farmland: 100 } })).toEqual({ ok: false, missing: 'cultivation-fee' });
  });
});

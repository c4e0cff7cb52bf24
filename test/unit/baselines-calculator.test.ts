import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { toCalculatorBaseline } from '../../src/lib/baselines/to-calculator-baseline.ts';
import { calculate, emptyInputs, parseAmount } from '../../src/islands/penalty-calculator/penalty-model.ts';
import { demoContentDir } from '../fixtures/content-fixture.ts';

const baselines = loadContent(demoContentDir).baselines;
const forCalculator = (id: string) => {
  const b = baselines.find((x) => x.id === id);
  if (!b) throw new Error(`Expected the demo baseline ${id}.`);
  return toCalculatorBaseline(b, '测试', []);
};

describe('parseAmount', () => {
  test('reads 12,000 and 12，000 and 12000 alike, blank as undefined, words as invalid', () => {
    expect(parseAmount('12,000')).toBe(12_000);
    expect(parseAmount('12，000')).toBe(12_000);
    expect(parseAmount(' 12000 ')).toBe(12_000);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('一万')).toBe('invalid');
    expect(parseAmount('-5')).toBe('invalid');
  });
});

describe('the penalty calculator model', () => {
  test('asks only for the facts a baseline reads', () => {
    expect(forCalculator('illegal-transfer-2022').needs).toEqual({ area: false, cultivationFee: false, reclamationFee: false, illegalIncome: true, oreValue: false, repeat: true });
    expect(forCalculator('farmland-damage-2022').needs).toMatchObject({ area: true, cultivationFee: true, reclamationFee: false });
    expect(forCalculator('unlicensed-mining-2025').needs).toMatchObject({ area: false, oreValue: true, repeat: true });
  });

  test('1.5 亩 of basic farmland and a fee of 20,000 元: 严重, 9–10 × = 180,000–200,000 元', () => {
    const inputs = emptyInputs();
    inputs.area.basicFarmland = '1000';
    inputs.cultivationFee = '20000';
    const outcome = calculate(forCalculator('farmland-damage-2022'), inputs);
    expect(outcome.ok && [outcome.band.id, outcome.fine.min, outcome.fine.max]).toEqual(['grave', 180_000, 200_000]);
  });

  test('a missing fee names the fee field; a word in an amount names that field', () => {
    const inputs = emptyInputs();
    inputs.area.farmland = '1000';
    expect(calculate(forCalculator('farmland-damage-2022'), inputs)).toEqual({ ok: false, errors: [{ field: 'cultivation-fee', message: '请填写耕地开垦费。' }] });
    inputs.cultivationFee = '很多';
    expect(calculate(forCalculator('farmland-damage-2022'), inputs)).toEqual({ ok: false, errors: [{ field: 'cultivation-fee', message: '耕地开垦费应为不小于 0 的数字。' }] });
  });

  test('no area at all asks for an area', () => {
    expect(calculate(forCalculator('illegal-occupation-2022'), emptyInputs())).toEqual({ ok: false, errors: [{ field: 'area-farmland', message: '请至少填写一种地类的面积。' }] });
  });
});

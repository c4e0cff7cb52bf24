import { roundYuan } from '../baselines/fine-for-case.ts';
import { totalArea, type CaseFacts } from '../baselines/case-facts.ts';

/** A fine as its wording states it: a factor times a base named in the text. */
export interface StatedFine {
  factor: number;
  base: 'area' | 'cultivation-fee' | 'reclamation-fee' | 'illegal-income' | 'ore-value';
  /** factor × base, to the fen. */
  expected: number | undefined;
}

const FORMS: { pattern: RegExp; base: StatedFine['base']; percent?: boolean }[] = [
  { pattern: /每平方米(\d+(?:\.\d+)?)元/, base: 'area' },
  { pattern: /耕地开垦费(\d+(?:\.\d+)?)倍/, base: 'cultivation-fee' },
  { pattern: /土地复垦费(\d+(?:\.\d+)?)倍/, base: 'reclamation-fee' },
  { pattern: /违法所得(\d+(?:\.\d+)?)%/, base: 'illegal-income', percent: true },
  { pattern: /矿产品(?:市场)?价值(\d+(?:\.\d+)?)倍/, base: 'ore-value' },
];

function baseValue(base: StatedFine['base'], facts: CaseFacts): number | undefined {
  switch (base) {
    case 'area':
      return totalArea(facts.area) || undefined;
    case 'cultivation-fee':
      return facts.cultivationFee;
    case 'reclamation-fee':
      return facts.reclamationFee;
    case 'illegal-income':
      return facts.illegalIncome;
    case 'ore-value':
      return facts.oreValue;
  }
}

/**
 * The factor and base a fine's wording states (「处以违法所得15%的罚款」), and
 * the amount they give. A decision must state the amount that its own
 * arithmetic gives: 15 % of 249,655 元 is 37,448.25 元, not 37,449.
 */
export function statedFine(text: string, facts: CaseFacts): StatedFine | undefined {
  for (const form of FORMS) {
    const m = form.pattern.exec(text);
    if (!m) continue;
    const factor = Number(m[1]);
    const base = baseValue(form.base, facts);
    return { factor, base: form.base, expected: base === undefined ? undefined : roundYuan((factor * base) / (form.percent ? 100 : 1)) };
  }
  return undefined;
}

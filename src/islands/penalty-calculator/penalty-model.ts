import type { Band } from '../../schemas/baseline.ts';
import { landTypes, type LandType } from '../../schemas/land-type.ts';
import type { CaseFacts } from '../../lib/baselines/case-facts.ts';
import { fineForCase, legalFineForCase, type CaseFine } from '../../lib/baselines/fine-for-case.ts';
import { selectBand } from '../../lib/baselines/select-band.ts';
import { describeArithmetic } from '../../lib/baselines/describe-arithmetic.ts';
import type { CalculatorBaseline } from '../../lib/baselines/to-calculator-baseline.ts';

export type { CalculatorBaseline };

/** The form's raw text fields. */
export interface FactInputs {
  area: Record<LandType, string>;
  cultivationFee: string;
  reclamationFee: string;
  illegalIncome: string;
  oreValue: string;
  repeat: boolean;
}

export const emptyInputs = (): FactInputs => ({
  area: { basicFarmland: '', farmland: '', otherAgricultural: '', construction: '', unused: '' },
  cultivationFee: '',
  reclamationFee: '',
  illegalIncome: '',
  oreValue: '',
  repeat: false,
});

export type CalculatorOutcome =
  | { ok: true; band: Band; fine: CaseFine; legal: CaseFine; arithmetic: string[] }
  | { ok: false; errors: { field: string; message: string }[] };

/** A non-negative amount from what was typed ("12,000" and "12000" alike); undefined when blank. */
export function parseAmount(text: string): number | undefined | 'invalid' {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

const MISSING: Record<string, { field: string; message: string }> = {
  area: { field: 'area-farmland', message: '请至少填写一种地类的面积。' },
  'cultivation-fee': { field: 'cultivation-fee', message: '请填写耕地开垦费。' },
  'reclamation-fee': { field: 'reclamation-fee', message: '请填写土地复垦费。' },
  'illegal-income': { field: 'illegal-income', message: '请填写违法所得。' },
};

/** Reads the form, picks the band and computes the case's fine range. */
export function calculate(baseline: CalculatorBaseline, inputs: FactInputs): CalculatorOutcome {
  const errors: { field: string; message: string }[] = [];
  const read = (field: string, label: string, text: string, needed: boolean): number | undefined => {
    if (!needed) return undefined;
    const value = parseAmount(text);
    if (value === 'invalid') {
      errors.push({ field, message: `${label}应为不小于 0 的数字。` });
      return undefined;
    }
    return value;
  };
  const area: CaseFacts['area'] = {};
  if (baseline.needs.area) {
    // Only the land types the baseline's violation can involve are asked for (and counted).
    for (const t of baseline.landTypes ?? landTypes) {
      const v = read(`area-${t}`, '面积', inputs.area[t], true);
      if (v !== undefined) area[t] = v;
    }
  }
  const facts: CaseFacts = {
    area,
    cultivationFee: read('cultivation-fee', '耕地开垦费', inputs.cultivationFee, baseline.needs.cultivationFee),
    reclamationFee: read('reclamation-fee', '土地复垦费', inputs.reclamationFee, baseline.needs.reclamationFee),
    illegalIncome: read('illegal-income', '违法所得', inputs.illegalIncome, baseline.needs.illegalIncome),
    oreValue: read('ore-value', '矿产品价值', inputs.oreValue, baseline.needs.oreValue),
    repeat: baseline.needs.repeat ? inputs.repeat : false,
  };
  if (errors.length > 0) return { ok: false, errors };
  const band = selectBand(baseline, facts);
  if (!band) {
    const missing = baseline.needs.area && Object.keys(area).every((k) => !area[k as LandType]) ? MISSING.area : undefined;
    return { ok: false, errors: [missing ?? { field: 'calculator-facts', message: '所填事实不在任何阶次的条件之内。' }] };
  }
  const fine = fineForCase(baseline.legalRange, band.range, band.fallbackRange, facts);
  const legal = legalFineForCase(baseline.legalRange, facts);
  if (!fine.ok || !legal.ok) {
    const missing = !fine.ok ? fine.missing : !legal.ok ? legal.missing : 'area';
    return { ok: false, errors: [MISSING[missing] ?? { field: 'calculator-facts', message: '缺少计算所需的事实。' }] };
  }
  return { ok: true, band, fine: fine.fine, legal: legal.fine, arithmetic: describeArithmetic(fine.fine) };
}

import type { FineRange, LegalRange } from '../../schemas/baseline.ts';
import { totalArea, type CaseFacts } from './case-facts.ts';

/** What a range is multiplied by, for showing the arithmetic. */
export type FineBase =
  | { kind: 'area'; value: number }
  | { kind: 'cultivation-fee'; value: number }
  | { kind: 'reclamation-fee'; value: number }
  | { kind: 'illegal-income'; value: number }
  | { kind: 'ore-value'; value: number }
  | { kind: 'fixed' }
  /** The fixed fallback applies because the ore value is absent or below the threshold. */
  | { kind: 'ore-fallback'; value: number | undefined; threshold: number };

/** A fine range in 元 for one case, with how it was computed. */
export interface CaseFine {
  /** Lowest fine for the case, 元. */
  min: number;
  /** Highest fine for the case, 元. */
  max: number;
  /** The range as written, in its unit (元/m², ×, %, or 元). */
  factor: FineRange;
  /** The unit of `factor`. */
  unit: LegalRange['unit'];
  base: FineBase;
}

export type CaseFineResult = { ok: true; fine: CaseFine } | { ok: false; missing: 'area' | 'cultivation-fee' | 'reclamation-fee' | 'illegal-income' };

/** Rounds to the fen so that 3.5 × 12,345 元 compares exactly. */
export function roundYuan(value: number): number {
  return Math.round(value * 100) / 100;
}

function scaled(factor: FineRange, unit: LegalRange['unit'], base: FineBase, per: number): CaseFineResult {
  return { ok: true, fine: { min: roundYuan(factor.min * per), max: roundYuan(factor.max * per), factor, unit, base } };
}

/**
 * The fine range in 元 for a case, given a range in the legal range's unit
 * (a band's, or the legal range itself). `fallback` is the fixed range in 元
 * that replaces multiples of the ore value when there is none or it is small.
 */
export function fineForCase(legal: LegalRange, range: FineRange, fallback: FineRange | undefined, facts: CaseFacts): CaseFineResult {
  switch (legal.unit) {
    case 'yuan-per-m2': {
      const area = totalArea(facts.area);
      if (area <= 0) return { ok: false, missing: 'area' };
      return scaled(range, legal.unit, { kind: 'area', value: area }, area);
    }
    case 'fee-multiple': {
      const cultivation = legal.fee === 'cultivation';
      const fee = cultivation ? facts.cultivationFee : facts.reclamationFee;
      if (fee === undefined) return { ok: false, missing: cultivation ? 'cultivation-fee' : 'reclamation-fee' };
      return scaled(range, legal.unit, { kind: cultivation ? 'cultivation-fee' : 'reclamation-fee', value: fee }, fee);
    }
    case 'income-percent': {
      if (facts.illegalIncome === undefined) return { ok: false, missing: 'illegal-income' };
      return scaled(range, legal.unit, { kind: 'illegal-income', value: facts.illegalIncome }, facts.illegalIncome / 100);
    }
    case 'ore-value-multiple': {
      const value = facts.oreValue;
      if (legal.fallback && fallback && (value === undefined || value < legal.fallback.threshold)) {
        return { ok: true, fine: { min: fallback.min, max: fallback.max, factor: fallback, unit: 'fixed-yuan', base: { kind: 'ore-fallback', value, threshold: legal.fallback.threshold } } };
      }
      return scaled(range, legal.unit, { kind: 'ore-value', value: value ?? 0 }, value ?? 0);
    }
    case 'fixed-yuan':
      return { ok: true, fine: { min: range.min, max: range.max, factor: range, unit: legal.unit, base: { kind: 'fixed' } } };
  }
}

/** The statutory range in 元 for a case. */
export function legalFineForCase(legal: LegalRange, facts: CaseFacts): CaseFineResult {
  return fineForCase(legal, legal, legal.fallback, facts);
}

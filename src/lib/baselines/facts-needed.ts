import type { Baseline } from '../../schemas/baseline.ts';

/** Which facts a baseline's bands and arithmetic read, so a form asks only for those. */
export interface FactsNeeded {
  area: boolean;
  cultivationFee: boolean;
  reclamationFee: boolean;
  illegalIncome: boolean;
  oreValue: boolean;
  repeat: boolean;
}

export function factsNeeded(baseline: Pick<Baseline, 'legalRange' | 'bands'>): FactsNeeded {
  const conditions = baseline.bands.flatMap((b) => b.match);
  const unit = baseline.legalRange.unit;
  return {
    area: unit === 'yuan-per-m2' || conditions.some((c) => c.area !== undefined || c.landTypes !== undefined),
    cultivationFee: unit === 'fee-multiple' && baseline.legalRange.fee === 'cultivation',
    reclamationFee: unit === 'fee-multiple' && baseline.legalRange.fee === 'reclamation',
    illegalIncome: unit === 'income-percent' || conditions.some((c) => c.illegalIncome !== undefined),
    oreValue: unit === 'ore-value-multiple' || conditions.some((c) => c.oreValue !== undefined),
    repeat: conditions.some((c) => c.repeat !== undefined),
  };
}

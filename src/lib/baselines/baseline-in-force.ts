import type { Baseline } from '../../schemas/baseline.ts';

/** True when the baseline version is in force on the date. */
export function isInForce(baseline: Pick<Baseline, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return baseline.effectiveFrom <= date && (baseline.effectiveTo === undefined || date <= baseline.effectiveTo);
}

/** The version of a category's baseline in force on a date (the latest to start, should two overlap). */
export function baselineInForce<B extends Pick<Baseline, 'category' | 'effectiveFrom' | 'effectiveTo'>>(
  baselines: readonly B[],
  category: string,
  date: string,
): B | undefined {
  return baselines
    .filter((b) => b.category === category && isInForce(b, date))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

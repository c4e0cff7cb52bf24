import type { Baseline } from '../../schemas/baseline.ts';
import type { DecisionData } from '../../schemas/decision.ts';
import { baselineInForce } from './baseline-in-force.ts';
import type { CaseFacts } from './case-facts.ts';
import { checkProportionality, type ProportionalityResult } from './check-proportionality.ts';

/** The facts of a decision as the baselines read them; the decision records no repeat offence, so none is assumed. */
export function factsOfDecision(d: Pick<DecisionData, 'area' | 'illegalIncome' | 'fineBasis'>): CaseFacts {
  return {
    area: d.area,
    illegalIncome: d.illegalIncome,
    cultivationFee: d.fineBasis.cultivationFee,
    reclamationFee: d.fineBasis.reclamationFee,
    oreValue: d.fineBasis.oreValue,
  };
}

export type DecisionCheck<B extends Baseline> =
  | { kind: 'no-fine' }
  | { kind: 'no-baseline' }
  | {
      kind: 'checked';
      /** The version in force on the violation date (行政处罚法 art. 37). */
      baseline: B;
      /** A different version in force on the decision date, whose lighter terms the decision may apply (从旧兼从轻). */
      laterVersion: B | undefined;
      /** The baseline the decision names, when it is not `baseline`. */
      namedBaseline: B | undefined;
      fine: number;
      result: ProportionalityResult;
    };

/**
 * The proportionality check of a decision's fine. The baseline version is the
 * one in force when the violation took place, as 行政处罚法 art. 37 makes the
 * law of that time apply; a newer version in force on the decision date is
 * reported beside it because its lighter terms may lawfully be used instead.
 */
export function checkDecision<B extends Baseline>(
  d: Pick<DecisionData, 'category' | 'violationDate' | 'decidedOn' | 'penalties' | 'baseline' | 'area' | 'illegalIncome' | 'fineBasis'> & { lighterNewLaw?: unknown },
  baselines: readonly B[],
): DecisionCheck<B> {
  const fines = d.penalties.filter((p) => p.kind === 'fine');
  if (fines.length === 0) return { kind: 'no-fine' };
  const fine = fines.reduce((sum, p) => sum + (p.amount ?? 0), 0);
  // A decision that applies the lighter new law (lighterNewLaw) is checked against the baseline of that law.
  const baseline = baselineInForce(baselines, d.category, d.lighterNewLaw ? d.decidedOn : d.violationDate);
  if (!baseline) return { kind: 'no-baseline' };
  const atDecision = baselineInForce(baselines, d.category, d.decidedOn);
  const named = d.baseline && d.baseline.id !== baseline.id ? baselines.find((b) => b.id === d.baseline?.id) : undefined;
  const namedBand = d.baseline?.id === baseline.id ? d.baseline.band : undefined;
  return {
    kind: 'checked',
    baseline,
    laterVersion: atDecision && atDecision.id !== baseline.id ? atDecision : undefined,
    namedBaseline: named,
    fine,
    result: checkProportionality(baseline, factsOfDecision(d), fine, namedBand),
  };
}

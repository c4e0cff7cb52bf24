import type { HearingThreshold } from '../../schemas/hearing-threshold.ts';
import type { ReviewCatalogue } from '../../schemas/review-catalogue.ts';
import type { DecisionData } from '../../schemas/decision.ts';

type Reviewed = Pick<DecisionData, 'party' | 'penalties' | 'area'>;

/** Whether the fine or confiscation reaches the province's 较大数额 (hearing right, 办法 2024 art. 34). */
export function reachesLargeAmount(d: Reviewed, threshold: HearingThreshold): boolean {
  const sum = (kinds: string[]) => d.penalties.filter((p) => kinds.includes(p.kind)).reduce((s, p) => s + (p.amount ?? 0), 0);
  return sum(['fine']) >= threshold.fine[d.party.kind] || sum(['confiscate-income', 'confiscate-property']) >= threshold.confiscation[d.party.kind];
}

/** The catalogue entries a decision meets: each makes 法制审核 required before it (行政处罚法 art. 58). */
export function reviewEntriesMet(d: Reviewed, catalogue: ReviewCatalogue, threshold: HearingThreshold): ReviewCatalogue['entries'] {
  return catalogue.entries.filter((e) => {
    const w = e.when;
    if (w.largeAmount !== undefined && reachesLargeAmount(d, threshold) !== w.largeAmount) return false;
    if (w.penaltyKinds && !d.penalties.some((p) => w.penaltyKinds?.includes(p.kind))) return false;
    if (w.landTypes && !w.landTypes.some((t) => (d.area[t] ?? 0) > 0)) return false;
    return true;
  });
}

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

/**
 * Why the party had a right to a hearing, if it had one (自然资源行政处罚办法
 * 2024 art. 34; 行政处罚法 art. 63): a 较大数额 fine or confiscation, the
 * confiscation of buildings on illegally used land, a demolition order, a
 * licence suspended or revoked, or 责令停产停业.
 */
export function hearingRightReason(d: Reviewed & Pick<DecisionData, 'category'>, threshold: HearingThreshold): string | undefined {
  if (reachesLargeAmount(d, threshold)) return '罚没金额达到较大数额标准（第（一）项、第（三）项）';
  const kinds = new Set(d.penalties.map((p) => p.kind));
  if (kinds.has('demolish')) return '责令限期拆除（第（四）项）';
  if (kinds.has('confiscate-property') && !d.category.endsWith('mining')) return '没收违法用地上的新建建筑物和其他设施（第（二）项）';
  if (kinds.has('licence-revoke') || kinds.has('licence-suspend')) return '暂扣或者吊销许可证件（第（五）项）';
  if (kinds.has('suspend-business')) return '责令停产停业（第（六）项）';
  return undefined;
}

import { checkDisplayPeriod } from '../credit/display-rules.ts';
import { reviewEntriesMet } from '../legal/review-required.ts';
import type { ProblemList } from './content-error.ts';
import type { Decision } from './load-decisions.ts';
import type { Publicity } from './load-publicity.ts';

/**
 * Rules on what a decision records: its display period fits its credit class,
 * a revoked licence is serious失信 information, and a decision the 法制审核目录
 * lists carries its review (and collective discussion) record.
 */
export function checkDecisionRecords(decisions: readonly Decision[], publicity: Publicity | undefined, problems: ProblemList): void {
  for (const d of decisions) {
    const period = checkDisplayPeriod(d);
    if (!period.ok) problems.add(d.file, period.field, period.expected);
    if (d.penalties.some((p) => p.kind === 'licence-revoke') && d.creditClass !== 'serious') {
      problems.add(d.file, 'creditClass', 'expected serious: a revoked licence is 严重失信 information (信用修复管理办法, 2026)');
    }
    if (!publicity) continue;
    const entries = reviewEntriesMet(d, publicity.reviewCatalogue, publicity.hearingThreshold);
    if (entries.length > 0 && !d.legalReview) {
      problems.add(d.file, 'legalReview', `expected a 法制审核 record { unit, reviewedOn, conclusion }: the decision meets the review catalogue (${entries.map((e) => e.name).join('；')}), and without review it cannot be made (行政处罚法 art. 58)`);
    }
    const discussed = entries.filter((e) => e.collectiveDiscussion);
    if (discussed.length > 0 && !d.collectiveDiscussion) {
      problems.add(d.file, 'collectiveDiscussion', `expected a 集体讨论 record { heldOn }: the catalogue requires it for ${discussed.map((e) => e.name).join('；')} (行政处罚法 art. 57 ¶2)`);
    }
  }
}

import type { Decision } from '../content/load-decisions.ts';
import type { Law } from '../content/load-laws.ts';
import { resolveCitation } from './resolve-citation.ts';

/** A decision that cites an article, and the rule by which that version applies to it. */
export interface CitingDecision {
  decision: Decision;
  rule: 'in-force' | 'lighter-new-law';
}

/**
 * The decisions citing article `key` of the version of `lawId` that starts on
 * `effectiveFrom`. Version-aware: a decision counts only for the version that
 * applied to it (resolveCitation), so 第三十九条 of the 2009 text and 第三十九条
 * of a later text, which may say something else entirely, never share links.
 */
export function decisionsCitingArticle(
  laws: readonly Law[],
  decisions: readonly Decision[],
  lawId: string,
  effectiveFrom: string,
  key: string,
): CitingDecision[] {
  const found: CitingDecision[] = [];
  for (const decision of decisions) {
    for (const ref of decision.basis) {
      if (ref.law !== lawId) continue;
      const c = resolveCitation(laws, ref, decision.violationDate, decision.decidedOn);
      if (c.ok && c.version.effectiveFrom === effectiveFrom && c.article.key === key) {
        found.push({ decision, rule: c.rule });
        break;
      }
    }
  }
  return found;
}

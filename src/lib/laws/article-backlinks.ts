import type { Decision } from '../content/load-decisions.ts';
import type { Law } from '../content/load-laws.ts';
import { citingCaseOf, resolveCitation } from './resolve-citation.ts';

/** A decision that cites an article, and the rule by which that version applies to it. */
export interface CitingDecision {
  decision: Decision;
  rule: 'in-force' | 'lighter-new-law';
}

type CitationIndex = Map<string, CitingDecision[]>;

// Built once per list of decisions: every article page asks, and resolving
// each decision's citations per page would cost pages × decisions.
const indexes = new WeakMap<readonly Decision[], CitationIndex>();

const indexKey = (lawId: string, effectiveFrom: string, key: string) => `${lawId}|${effectiveFrom}|${key}`;

function buildIndex(laws: readonly Law[], decisions: readonly Decision[]): CitationIndex {
  const index: CitationIndex = new Map();
  for (const decision of decisions) {
    const seen = new Set<string>();
    for (const ref of decision.basis) {
      const c = resolveCitation(laws, ref, citingCaseOf(decision));
      if (!c.ok) continue;
      const k = indexKey(ref.law, c.version.effectiveFrom, c.article.key);
      // Two 款 of one article cited by one decision still list it once.
      if (seen.has(k)) continue;
      seen.add(k);
      const list = index.get(k) ?? [];
      list.push({ decision, rule: c.rule });
      index.set(k, list);
    }
  }
  return index;
}

/**
 * The decisions citing article `key` of the version of `lawId` that starts on
 * `effectiveFrom`, in the order given. Version-aware: a decision counts only
 * for the version that applied to it (resolveCitation), so 第三十九条 of the
 * 2009 text and 第三十九条 of a later text, which may say something else
 * entirely, never share links.
 */
export function decisionsCitingArticle(
  laws: readonly Law[],
  decisions: readonly Decision[],
  lawId: string,
  effectiveFrom: string,
  key: string,
): CitingDecision[] {
  let index = indexes.get(decisions);
  if (!index) {
    index = buildIndex(laws, decisions);
    indexes.set(decisions, index);
  }
  return index.get(indexKey(lawId, effectiveFrom, key)) ?? [];
}

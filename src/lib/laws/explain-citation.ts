import type { Decision } from '../content/load-decisions.ts';
import type { Law } from '../content/load-laws.ts';
import { formatDateZh } from '../dates.ts';
import { citingCaseOf, findLaw, resolveCitation } from './resolve-citation.ts';
import { versionOn } from './select-version.ts';
import { versionName } from './version-status.ts';

/** Why a decision's citation reads the version it does, in words for the decision page. */
export interface CitationExplanation {
  /** 2009年8月27日起施行版 */
  version: string;
  effectiveFrom: string;
  rule: 'in-force' | 'lighter-new-law';
  /** The sentence a reader sees. */
  why: string;
}

/**
 * The version of each cited article and the rule of 行政处罚法 2021 art. 37 that
 * picked it: the law at the time of the violation (dated by its end when it
 * was continuing, art. 36 ¶2), or the lighter new law the decision says it applied.
 */
export function explainCitation(laws: readonly Law[], d: Decision, index: number): CitationExplanation | undefined {
  const ref = d.basis[index];
  if (!ref) return undefined;
  const c = resolveCitation(laws, ref, citingCaseOf(d));
  if (!c.ok) return undefined;
  const when = d.violation.continuing ? `违法行为终了时（${formatDateZh(d.violationDate)}）` : `违法行为发生时（${formatDateZh(d.violationDate)}）`;
  const base = { version: versionName(c.version), effectiveFrom: c.version.effectiveFrom, rule: c.rule };
  if (c.rule === 'lighter-new-law') {
    return { ...base, why: `作出决定时施行的新规定处罚较轻，依《行政处罚法》第三十七条适用新规定：${d.lighterNewLaw?.reason ?? ''}` };
  }
  const law = findLaw(laws, ref.law);
  const atDecision = law ? versionOn(law.versions, d.decidedOn) : undefined;
  if (atDecision && atDecision !== c.version) {
    return { ...base, why: `适用${when}施行的版本；作出决定时已施行${versionName(atDecision)}，本决定未认定新规定处罚较轻，依《行政处罚法》第三十七条适用违法行为时的规定。` };
  }
  return { ...base, why: `适用${when}施行的版本（《行政处罚法》第三十七条）。` };
}

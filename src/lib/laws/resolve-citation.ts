import type { ArticleRef } from '../../schemas/common.ts';
import type { Law, LawVersion } from '../content/load-laws.ts';
import { articleKey, articleLabelOf, type Article } from './parse-law-text.ts';
import { versionOn } from './select-version.ts';

export type Citation =
  | { ok: true; version: LawVersion; article: Article; rule: 'in-force' | 'lighter-new-law' }
  | { ok: false; field: 'law' | 'version' | 'article'; expected: string };

/** A cited article, with the version applied when the decision names one. */
export interface DatedRef extends ArticleRef {
  version?: string | undefined;
}

/** The dates and the flag a citation is resolved with. */
export interface CitingCase {
  /** The day that dates the violation (its end when continuing, 行政处罚法 art. 36 ¶2). */
  violationDate: string;
  decidedOn: string;
  /** True when the decision says it applies a later, lighter law (lighterNewLaw). */
  lighterNewLaw: boolean;
}

/** The law with this id, if any. */
export function findLaw(laws: readonly Law[], id: string): Law | undefined {
  return laws.find((l) => l.id === id);
}

function articleRange(v: LawVersion): string {
  const first = v.text.articles[0];
  const last = v.text.articles.at(-1);
  if (!first || !last) return 'no articles';
  return `${v.excerpt ? 'selected articles ' : ''}${first.label}–${last.label}`;
}

/**
 * Which version's article a decision cites (行政处罚法 2021 art. 37, 从旧兼从轻).
 * By date, never by article number: numbers are reused between versions
 * (矿产资源法 2024 arts. 39 and 40 are about other matters than 2009 arts. 39
 * and 40), so "the newest version that has an article 39" would pass a wrong
 * citation. The version is the one in force on the violation date, unless the
 * citation names a version; a named version in force on the decision date but
 * not on the violation date is the lighter new law, which only an explicit
 * lighterNewLaw with a reason may apply, because whether the new law is
 * lighter is the decision's legal judgement, not something the portal computes.
 */
export function resolveCitation(laws: readonly Law[], ref: DatedRef, c: CitingCase): Citation {
  const law = findLaw(laws, ref.law);
  if (!law) return { ok: false, field: 'law', expected: `expected a law id from content/basis (${laws.map((l) => l.id).join(', ')}); got "${ref.law}"` };
  const atViolation = versionOn(law.versions, c.violationDate);
  const atDecision = versionOn(law.versions, c.decidedOn);
  let version: LawVersion | undefined;
  let rule: 'in-force' | 'lighter-new-law' = 'in-force';
  if (ref.version !== undefined) {
    version = law.versions.find((v) => v.effectiveFrom === ref.version);
    if (!version) {
      return { ok: false, field: 'version', expected: `expected the first day in force of a version of ${law.id} (${law.versions.map((v) => v.effectiveFrom).join(', ')}); got ${ref.version}` };
    }
    if (version !== atViolation) {
      if (version !== atDecision) {
        return {
          ok: false,
          field: 'version',
          expected: `expected the version in force on the violation date ${c.violationDate} (${atViolation?.effectiveFrom ?? 'none'}) or, as the lighter new law, on the decision date ${c.decidedOn} (${atDecision?.effectiveFrom ?? 'none'}); version ${version.effectiveFrom} was in force on neither (行政处罚法 art. 37)`,
        };
      }
      if (!c.lighterNewLaw) {
        return {
          ok: false,
          field: 'version',
          expected: `expected lighterNewLaw { reason } to apply version ${version.effectiveFrom}, which came into force after the violation (${c.violationDate}): the law at the time of the violation applies unless the new one is lighter (行政处罚法 art. 37)`,
        };
      }
      rule = 'lighter-new-law';
    }
  } else {
    version = atViolation;
    if (!version) {
      return { ok: false, field: 'version', expected: `expected a version of ${law.id} in force on the violation date ${c.violationDate} (versions start ${law.versions.map((v) => v.effectiveFrom).join(', ')})` };
    }
  }
  const article = version.articleByKey.get(articleKey(ref.article));
  if (!article) {
    return { ok: false, field: 'article', expected: `expected an article of the version applied; ${articleLabelOf(ref.article)} is not in ${version.file} (${articleRange(version)})` };
  }
  return { ok: true, version, article, rule };
}

/** How a decision's citations are resolved: its dates and whether it applies a lighter new law. */
export function citingCaseOf(d: { violationDate: string; decidedOn: string; lighterNewLaw?: unknown }): CitingCase {
  return { violationDate: d.violationDate, decidedOn: d.decidedOn, lighterNewLaw: d.lighterNewLaw !== undefined };
}

/** An article in any version of the law, newest version first (for undated references). */
export function latestVersionWith(law: Law, key: string): LawVersion | undefined {
  return [...law.versions].reverse().find((v) => v.articleByKey.has(key));
}

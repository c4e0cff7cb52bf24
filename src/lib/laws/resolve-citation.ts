import type { ArticleRef } from '../../schemas/common.ts';
import type { Law, LawVersion } from '../content/load-laws.ts';
import { articleKey, articleLabelOf, type Article } from './parse-law-text.ts';
import { versionOn } from './select-version.ts';

export type Citation =
  | { ok: true; version: LawVersion; article: Article; rule: 'in-force' | 'lighter-new-law' }
  | { ok: false; expected: string };

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
 * Which version's article a decision cites (行政处罚法 art. 37, 从旧兼从轻): the
 * version in force on the day of the violation; failing that, a later version
 * already in force on the decision date, because the lighter new law may be
 * applied. Whether the new law is in fact lighter is the decision's legal
 * judgement, not something the portal can compute, so the citation shows
 * which rule made it valid.
 */
export function resolveCitation(laws: readonly Law[], ref: ArticleRef, violationDate: string, decidedOn?: string): Citation {
  const law = findLaw(laws, ref.law);
  if (!law) return { ok: false, expected: `expected a law id from content/basis (${laws.map((l) => l.id).join(', ')}); got "${ref.law}"` };
  const key = articleKey(ref.article);
  const label = articleLabelOf(ref.article);
  const old = versionOn(law.versions, violationDate);
  const oldArticle = old?.articleByKey.get(key);
  if (old && oldArticle) return { ok: true, version: old, article: oldArticle, rule: 'in-force' };
  if (decidedOn !== undefined) {
    const newer = law.versions.filter((v) => v.effectiveFrom > violationDate && v.effectiveFrom <= decidedOn).reverse();
    for (const v of newer) {
      const a = v.articleByKey.get(key);
      if (a) return { ok: true, version: v, article: a, rule: 'lighter-new-law' };
    }
  }
  const inForce = old
    ? `the version in force on ${violationDate} (${old.file}) has ${articleRange(old)}`
    : `no version of ${law.id} was in force on ${violationDate} (versions start ${law.versions.map((v) => v.effectiveFrom).join(', ')})`;
  return { ok: false, expected: `expected an existing article of ${law.id}; ${label} is not in the version that applies: ${inForce}` };
}

/** An article in any version of the law, newest version first (for undated references). */
export function latestVersionWith(law: Law, key: string): LawVersion | undefined {
  return [...law.versions].reverse().find((v) => v.articleByKey.has(key));
}

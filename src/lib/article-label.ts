import type { ArticleRef } from '../schemas/common.ts';
import type { Law } from './content/load-laws.ts';
import { toChineseNumber } from './format.ts';
import { articlePageHref, lawHref } from './laws/law-urls.ts';
import { articleKey } from './laws/parse-law-text.ts';
import { citingCaseOf, findLaw, latestVersionWith, resolveCitation, type DatedRef } from './laws/resolve-citation.ts';
import { currentVersion, versionOn } from './laws/select-version.ts';
import { getContent, siteToday } from './site-data.ts';

function laws(): readonly Law[] {
  return getContent().laws;
}

/** The short title of a law (土地管理法) from content/basis, or its id when the law is unknown. */
export function lawShortTitle(lawId: string, onDate: string = siteToday()): string {
  const law = findLaw(laws(), lawId);
  if (!law) return lawId;
  return (currentVersion(law.versions, onDate) ?? law.versions[0])?.shortTitle ?? lawId;
}

/** 《土地管理法》第七十七条 */
export function articleLabel(ref: ArticleRef): string {
  const paragraph = ref.paragraph ? `第${toChineseNumber(ref.paragraph)}款` : '';
  const item = ref.item ? `第（${toChineseNumber(ref.item)}）项` : '';
  return `《${lawShortTitle(ref.law)}》第${toChineseNumber(ref.article)}条${paragraph}${item}`;
}

/**
 * The page of a cited article. With `onDate`, the version in force that day
 * (falling back to the newest version that has the article); without, the
 * version in force today. Throws for a law that content/basis lacks, because a
 * link to nowhere must stop the build, not ship.
 */
export function articleHref(ref: ArticleRef, onDate?: string): string {
  const law = findLaw(laws(), ref.law);
  if (!law) throw new Error(`Expected a law id from content/basis for ${ref.law} article ${ref.article}; no such law.`);
  const key = articleKey(ref.article);
  const dated = onDate === undefined ? currentVersion(law.versions, siteToday()) : versionOn(law.versions, onDate);
  const version = dated?.articleByKey.has(key) ? dated : latestVersionWith(law, key);
  return version ? articlePageHref(law.id, version.effectiveFrom, key) + paragraphAnchor(ref) : lawHref(law.id);
}

// A cited 款 has its own anchor on the article page.
function paragraphAnchor(ref: ArticleRef): string {
  return ref.paragraph === undefined ? '' : `#paragraph-${ref.paragraph}`;
}

/** The article page a decision's citation links to: the version that applied to it (从旧兼从轻, see resolveCitation). */
export function decisionArticleHref(ref: DatedRef, decision: { violationDate: string; decidedOn: string; lighterNewLaw?: unknown }): string {
  const c = resolveCitation(laws(), ref, citingCaseOf(decision));
  return c.ok ? articlePageHref(ref.law, c.version.effectiveFrom, c.article.key) + paragraphAnchor(ref) : articleHref(ref, decision.violationDate);
}

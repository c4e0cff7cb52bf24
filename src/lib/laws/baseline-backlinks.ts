import type { Article } from './parse-law-text.ts';
import { findLaw, latestVersionWith } from './resolve-citation.ts';
import { versionOn } from './select-version.ts';
import { getContent } from '../site-data.ts';
import { formatDateZh } from '../dates.ts';

/** A discretion baseline (裁量基准) version that refines an article, for the article page's reverse links. */
export interface BaselineBacklink {
  /** Page of the baseline version, e.g. /baselines/illegal-occupation-2022/. */
  href: string;
  /** What the reader sees, e.g. 非法占用土地行为行政处罚裁量基准（2022年版）. */
  title: string;
  /** Optional period or note, e.g. 2022年1月1日起施行. */
  note?: string;
}

/**
 * The baselines that refine an article of law `lawId`, version `effectiveFrom`.
 * A baseline refines the article of the version in force on the baseline's
 * effective date, or failing that the newest version that has the article —
 * the same rule as articleHref in lib/article-label.ts, so the links agree
 * both ways.
 */
export function baselinesRefiningArticle(lawId: string, effectiveFrom: string, article: Article): BaselineBacklink[] {
  const { laws, baselines } = getContent();
  const law = findLaw(laws, lawId);
  if (!law) return [];
  return baselines
    .filter((b) => b.refines.some((ref) => ref.law === lawId && ref.article === article.number && article.sub === 0))
    .filter((b) => {
      const dated = versionOn(law.versions, b.effectiveFrom);
      const version = dated?.articleByKey.has(article.key) ? dated : latestVersionWith(law, article.key);
      return version?.effectiveFrom === effectiveFrom;
    })
    .map((b) => ({
      href: `/baselines/${b.id}/`,
      title: `${b.title}（${b.version}）`,
      note: `${formatDateZh(b.effectiveFrom)}起施行${b.effectiveTo ? `，${formatDateZh(b.effectiveTo)}止` : ''}`,
    }));
}

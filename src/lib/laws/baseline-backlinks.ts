import type { Article } from './parse-law-text.ts';

/** A discretion baseline (裁量基准) version that refines an article, for the article page's reverse links. */
export interface BaselineBacklink {
  /** Page of the baseline version, e.g. /baselines/illegal-occupation/2025-01-01/. */
  href: string;
  /** What the reader sees, e.g. 非法占用土地裁量基准（2025年版）. */
  title: string;
  /** Optional period or note, e.g. 2025年1月1日起施行. */
  note?: string;
}

/**
 * The hook through which the discretion baselines link back to the articles
 * they refine: the article page of law `lawId`, version `effectiveFrom`,
 * lists whatever this returns. It belongs to the baselines module, which
 * replaces the body with a lookup in its own content (a baseline refines the
 * article of the version in force on the baseline's effective date — see
 * articleHref in lib/article-label.ts for the same rule). Until then: none.
 */
export function baselinesRefiningArticle(lawId: string, effectiveFrom: string, article: Article): BaselineBacklink[] {
  void lawId;
  void effectiveFrom;
  void article;
  return [];
}

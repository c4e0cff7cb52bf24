import { DOC_NO } from '../schemas/decision.ts';

/**
 * The permanent URL segment of a decision, derived from its 文号 alone:
 * 东湖自然资罚〔2025〕12号 → 东湖自然资罚-2025-12. Changing this breaks every
 * link ever published to a decision; add redirects instead.
 */
export function docNoToSlug(docNo: string): string {
  const m = DOC_NO.exec(docNo);
  if (!m) throw new Error(`Expected a 文号 like 东湖自然资罚〔2025〕12号; got "${docNo}".`);
  return `${m[1]}-${m[2]}-${Number(m[3])}`;
}

/** The decision page's path. */
export function decisionPath(docNo: string): string {
  return `/decisions/${docNoToSlug(docNo)}/`;
}

import type { Baseline } from '../../schemas/baseline.ts';
import { articleHref, articleLabel } from '../article-label.ts';
import { getContent } from '../site-data.ts';

/** The articles a baseline refines, labelled and linked to the version in force when it took effect. */
export function baselineArticles(b: Pick<Baseline, 'refines' | 'effectiveFrom'>): { label: string; href?: string }[] {
  const laws = getContent().laws;
  return b.refines.map((ref) =>
    laws.some((l) => l.id === ref.law) ? { label: articleLabel(ref), href: articleHref(ref, b.effectiveFrom) } : { label: articleLabel(ref) },
  );
}

import type { PenaltyProvision } from '../../schemas/penalty-provision.ts';

/** A citation as far as provisions care: law, version applied, article, 款 and 项. */
export interface AppliedRef {
  law: string;
  version: string;
  article: number;
  paragraph?: number | undefined;
  item?: number | undefined;
}

/**
 * The provision an applied citation names. An entry without a paragraph (or
 * item) covers the whole article; one with a paragraph matches only a citation
 * of that paragraph, or of the article as a whole when it is the first.
 */
export function provisionFor(provisions: readonly PenaltyProvision[], ref: AppliedRef): PenaltyProvision | undefined {
  const same = provisions.filter((p) => p.law === ref.law && p.version === ref.version && p.article === ref.article);
  const fits = (p: PenaltyProvision, field: 'paragraph' | 'item') =>
    p[field] === undefined || p[field] === ref[field] || (ref[field] === undefined && p[field] === 1);
  return same.find((p) => p.paragraph === ref.paragraph && p.item === ref.item) ?? same.find((p) => fits(p, 'paragraph') && fits(p, 'item'));
}

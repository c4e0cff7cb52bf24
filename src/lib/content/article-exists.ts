import type { ArticleRef } from '../../schemas/common.ts';
import { articleKey } from '../laws/parse-law-text.ts';
import { findLaw, latestVersionWith } from '../laws/resolve-citation.ts';
import type { Law } from './load-laws.ts';

/** Whether an undated reference names an article in some version of a law in content/basis. */
export function articleExistsIn(laws: readonly Law[]): (ref: ArticleRef) => boolean {
  return (ref) => {
    const law = findLaw(laws, ref.law);
    return law !== undefined && latestVersionWith(law, articleKey(ref.article)) !== undefined;
  };
}

import type { Category } from '../../schemas/category.ts';
import type { Law } from './load-laws.ts';
import type { Decision } from './load-decisions.ts';
import { articleKey } from '../laws/parse-law-text.ts';
import { findLaw, latestVersionWith, resolveCitation } from '../laws/resolve-citation.ts';
import type { ProblemList } from './content-error.ts';

/**
 * Every article a decision or a category cites must exist in content/basis: a
 * decision in the version that applied to it (see resolveCitation), a category
 * (undated) in at least one version, and a cited paragraph (款) in that article.
 */
export function checkArticleRefs(laws: readonly Law[], decisions: readonly Decision[], categories: readonly Category[], problems: ProblemList): void {
  for (const d of decisions) {
    d.basis.forEach((ref, i) => {
      const c = resolveCitation(laws, ref, d.violationDate, d.decidedOn);
      if (!c.ok) problems.add(d.file, `basis.${i}`, c.expected);
      else if (ref.paragraph !== undefined && ref.paragraph > c.article.clauses.length) {
        problems.add(d.file, `basis.${i}.paragraph`, `expected a paragraph (款) of ${c.article.label}, which has ${c.article.clauses.length} in ${c.version.file}`);
      }
    });
  }
  categories.forEach((category, ci) => {
    category.penaltyArticles.forEach((ref, i) => {
      const field = `categories.${ci}.penaltyArticles.${i}`;
      const law = findLaw(laws, ref.law);
      if (!law) {
        problems.add('categories.yaml', field, `expected a law id from content/basis (${laws.map((l) => l.id).join(', ')}); got "${ref.law}"`);
      } else if (!latestVersionWith(law, articleKey(ref.article))) {
        problems.add('categories.yaml', field, `expected an article that exists in some version of ${ref.law}; article ${ref.article} is in none`);
      }
    });
  });
}

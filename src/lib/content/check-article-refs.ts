import type { Category } from '../../schemas/category.ts';
import type { Law } from './load-laws.ts';
import type { Decision } from './load-decisions.ts';
import { articleKey } from '../laws/parse-law-text.ts';
import { citingCaseOf, findLaw, latestVersionWith, resolveCitation } from '../laws/resolve-citation.ts';
import type { ProblemList } from './content-error.ts';

/**
 * Every article a decision or a category cites must exist in content/basis: a
 * decision in the version that applied to it (see resolveCitation), a category
 * (undated) in at least one version, and a cited paragraph (款) in that article.
 */
export function checkArticleRefs(laws: readonly Law[], decisions: readonly Decision[], categories: readonly Category[], problems: ProblemList): void {
  for (const d of decisions) {
    let appliesNewLaw = false;
    d.basis.forEach((ref, i) => {
      const c = resolveCitation(laws, ref, citingCaseOf(d));
      if (!c.ok) {
        problems.add(d.file, c.field === 'version' ? `basis.${i}.version` : `basis.${i}`, c.expected);
        return;
      }
      if (c.rule === 'lighter-new-law') appliesNewLaw = true;
      if (ref.paragraph !== undefined && ref.paragraph > c.article.clauses.length) {
        problems.add(d.file, `basis.${i}.paragraph`, `expected a paragraph (款) of ${c.article.label}, which has ${c.article.clauses.length} in ${c.version.file}`);
      }
    });
    if (d.lighterNewLaw && !appliesNewLaw && d.basis.every((ref) => resolveCitation(laws, ref, citingCaseOf(d)).ok)) {
      problems.add(d.file, 'lighterNewLaw', `expected a citation with the version in force on the decision date when lighterNewLaw is given; every citation applies the version in force on the violation date (${d.violationDate})`);
    }
    const category = categories.find((c) => c.code === d.category);
    if (category && category.penaltyArticles.length > 0) {
      const governs = d.basis.some((ref) => category.penaltyArticles.some((a) => a.law === ref.law && a.article === ref.article));
      if (!governs) {
        const names = category.penaltyArticles.map((a) => `${a.law} ${a.article}`).join(', ');
        problems.add(d.file, 'basis', `expected an article that governs the category ${category.code} (${names}); the decision cites none of them`);
      }
    }
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

import type { Baseline } from '../../schemas/baseline.ts';
import type { CalculatorBaseline } from '../../islands/penalty-calculator/penalty-model.ts';
import { describeLegalRange } from './describe.ts';
import { factsNeeded } from './facts-needed.ts';

/** What the penalty calculator needs of a baseline: nothing more is serialised into the page. */
export function toCalculatorBaseline(b: Baseline, categoryName: string, articles: CalculatorBaseline['articles']): CalculatorBaseline {
  return {
    id: b.id,
    title: b.title,
    version: b.version,
    label: `${categoryName}（${b.version}）`,
    legalRange: b.legalRange,
    bands: b.bands,
    legalText: describeLegalRange(b.legalRange),
    articles,
    needs: factsNeeded(b),
  };
}

import type { Baseline } from '../../schemas/baseline.ts';
import { landTypes, type LandType } from '../../schemas/land-type.ts';
import { describeLegalRange } from './describe.ts';
import { factsNeeded, type FactsNeeded } from './facts-needed.ts';

/** A baseline as the calculator receives it from the page. */
export interface CalculatorBaseline extends Pick<Baseline, 'id' | 'title' | 'version' | 'legalRange' | 'bands'> {
  /** Violation type and version, for the choice list. */
  label: string;
  /** The legal range in words. */
  legalText: string;
  /** Articles refined, with links where the basis has them. */
  articles: { label: string; href?: string }[];
  needs: FactsNeeded;
  /** The land types the violation can involve (破坏耕地: 耕地 only), asked for in this order. */
  landTypes: readonly LandType[];
}

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
    landTypes: b.landTypes ?? landTypes,
  };
}

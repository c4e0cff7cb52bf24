import type { Band, Baseline } from '../../schemas/baseline.ts';
import { toFactPoint, type CaseFacts, type FactPoint } from './case-facts.ts';
import { conditionHolds } from './condition-holds.ts';

/** The bands whose conditions hold for a point (exactly one for a well-formed baseline). */
export function bandsMatching(baseline: Pick<Baseline, 'bands'>, point: FactPoint): Band[] {
  return baseline.bands.filter((band) => band.match.some((c) => conditionHolds(c, point)));
}

/** The band a case falls in; undefined when no band covers it. */
export function selectBand(baseline: Pick<Baseline, 'bands'>, facts: CaseFacts): Band | undefined {
  return bandsMatching(baseline, toFactPoint(facts))[0];
}

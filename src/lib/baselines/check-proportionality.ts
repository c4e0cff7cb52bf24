import type { Band, Baseline } from '../../schemas/baseline.ts';
import type { CaseFacts } from './case-facts.ts';
import { fineForCase, legalFineForCase, type CaseFine } from './fine-for-case.ts';
import { selectBand } from './select-band.ts';

/** Where an actual fine stands against the band the facts fall in. */
export type Verdict = 'within' | 'below' | 'above' | 'below-legal' | 'above-legal';

export type ProportionalityResult =
  | {
      ok: true;
      /** The band the facts fall in. */
      band: Band;
      /** The fine that band expects for this case. */
      expected: CaseFine;
      /** The statutory range for this case. */
      legal: CaseFine;
      /** The actual fine, 元. */
      fine: number;
      verdict: Verdict;
      /** The band the decision says it applied, when it names one different from `band`. */
      namedBand: Band | undefined;
      /** True when the decision names a band id the baseline does not have. */
      namedBandUnknown: boolean;
    }
  | { ok: false; reason: 'no-band' | 'missing-fact'; missing?: string };

// Amounts are rounded to the fen; anything closer than half a fen is equal.
const EPSILON = 0.005;

export function verdictFor(fine: number, expected: Pick<CaseFine, 'min' | 'max'>, legal: Pick<CaseFine, 'min' | 'max'>): Verdict {
  if (fine < legal.min - EPSILON) return 'below-legal';
  if (fine > legal.max + EPSILON) return 'above-legal';
  if (fine < expected.min - EPSILON) return 'below';
  if (fine > expected.max + EPSILON) return 'above';
  return 'within';
}

/** Checks an actual fine against the baseline band the facts fall in (过罚相当). */
export function checkProportionality(baseline: Baseline, facts: CaseFacts, fine: number, namedBandId?: string): ProportionalityResult {
  const band = selectBand(baseline, facts);
  if (!band) return { ok: false, reason: 'no-band' };
  const expected = fineForCase(baseline.legalRange, band.range, band.fallbackRange, facts);
  const legal = legalFineForCase(baseline.legalRange, facts);
  if (!expected.ok) return { ok: false, reason: 'missing-fact', missing: expected.missing };
  if (!legal.ok) return { ok: false, reason: 'missing-fact', missing: legal.missing };
  const named = namedBandId === undefined ? undefined : baseline.bands.find((b) => b.id === namedBandId);
  return {
    ok: true,
    band,
    expected: expected.fine,
    legal: legal.fine,
    fine,
    verdict: verdictFor(fine, expected.fine, legal.fine),
    namedBand: named && named.id !== band.id ? named : undefined,
    namedBandUnknown: namedBandId !== undefined && named === undefined,
  };
}

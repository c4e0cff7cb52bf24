import type { Decision } from './load-decisions.ts';
import type { LoadedBaseline } from './load-baselines.ts';
import type { ProblemList } from './content-error.ts';

/** A decision's `baseline: { id, band }` must name a baseline of its category and one of its bands. */
export function checkDecisionBaselines(decisions: readonly Decision[], baselines: readonly LoadedBaseline[], problems: ProblemList): void {
  const byId = new Map(baselines.map((b) => [b.id, b]));
  for (const d of decisions) {
    if (!d.baseline) continue;
    const baseline = byId.get(d.baseline.id);
    if (!baseline) {
      problems.add(d.file, 'baseline.id', `expected the id of a baseline in content/baselines (${[...byId.keys()].join(', ')}); got "${d.baseline.id}"`);
      continue;
    }
    if (baseline.category !== d.category) {
      problems.add(d.file, 'baseline.id', `expected a baseline of the decision's category ${d.category}; ${baseline.id} is for ${baseline.category}`);
    }
    if (!baseline.bands.some((b) => b.id === d.baseline?.band)) {
      problems.add(d.file, 'baseline.band', `expected a band of ${baseline.id} (${baseline.bands.map((b) => b.id).join(', ')}); got "${d.baseline.band}"`);
    }
  }
}

import type { Requirement } from '../../schemas/penalty-provision.ts';
import type { Circumstance } from '../../schemas/decision.ts';
import type { LandType } from '../../schemas/land-type.ts';

/** Whether a case meets what an article requires for a penalty item. */
export function requirementHolds(
  requires: Requirement | undefined,
  d: { area: Partial<Record<LandType, number | undefined>>; circumstances: readonly Circumstance[] },
): boolean {
  if (!requires) return true;
  if (requires.landTypes && !requires.landTypes.some((t) => (d.area[t] ?? 0) > 0)) return false;
  if (requires.circumstances && !requires.circumstances.every((c) => d.circumstances.includes(c))) return false;
  return true;
}

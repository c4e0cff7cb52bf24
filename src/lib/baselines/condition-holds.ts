import type { Condition, Interval } from '../../schemas/baseline.ts';
import { M2_PER_MU, type FactPoint } from './case-facts.ts';

/** True when above < value ≤ upTo (open ends where missing). */
export function inInterval(value: number, interval: Interval): boolean {
  return (interval.above === undefined || value > interval.above) && (interval.upTo === undefined || value <= interval.upTo);
}

/** An area interval in m², whatever unit it was written in. */
export function areaIntervalInM2(area: NonNullable<Condition['area']>): Interval {
  const factor = area.unit === 'mu' ? M2_PER_MU : 1;
  return {
    ...(area.above === undefined ? {} : { above: area.above * factor }),
    ...(area.upTo === undefined ? {} : { upTo: area.upTo * factor }),
  };
}

/** True when every fact the condition names holds for the point. */
export function conditionHolds(condition: Condition, point: FactPoint): boolean {
  if (condition.landTypes && (point.landType === undefined || !condition.landTypes.includes(point.landType))) return false;
  if (condition.area && !inInterval(point.area, areaIntervalInM2(condition.area))) return false;
  if (condition.illegalIncome && !inInterval(point.illegalIncome, condition.illegalIncome)) return false;
  if (condition.oreValue && !inInterval(point.oreValue, condition.oreValue)) return false;
  if (condition.repeat !== undefined && condition.repeat !== point.repeat) return false;
  return true;
}

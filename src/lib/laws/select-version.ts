import { addDays } from '../dates.ts';

/** What version selection needs to know of a version. */
export interface DatedVersion {
  effectiveFrom: string;
  effectiveTo?: string | undefined;
}

/**
 * The last day a version is in force: its effectiveTo when it was repealed,
 * otherwise the day before the next version starts, otherwise open (undefined).
 * `versions` are sorted by effectiveFrom.
 */
export function lastDayInForce<T extends DatedVersion>(versions: readonly T[], index: number): string | undefined {
  const version = versions[index];
  if (!version) return undefined;
  if (version.effectiveTo !== undefined) return version.effectiveTo;
  const next = versions[index + 1];
  return next ? addDays(next.effectiveFrom, -1) : undefined;
}

/** The version in force on `date` (both boundary days included), or undefined when none was. */
export function versionOn<T extends DatedVersion>(versions: readonly T[], date: string): T | undefined {
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i];
    if (!v || v.effectiveFrom > date) continue;
    const last = lastDayInForce(versions, i);
    return last === undefined || date <= last ? v : undefined;
  }
  return undefined;
}

/**
 * The version a reader means by "the law" on `today`: the one in force, else
 * (all repealed, or none started yet) the latest that has started, else the first.
 */
export function currentVersion<T extends DatedVersion>(versions: readonly T[], today: string): T | undefined {
  return versionOn(versions, today) ?? [...versions].reverse().find((v) => v.effectiveFrom <= today) ?? versions[0];
}

import type { ColumnDoc } from '../open-data/dictionary.ts';

/**
 * One table of figures, as a statistics page shows it and as its CSV holds it:
 * the same rows, so what a reader downloads is what the page says. `id` names
 * the file (/data/statistics/<id>.csv); a column's `unit` is shown beside its
 * values on the page, never mixed into the numbers of the file.
 */
export interface StatTable {
  id: string;
  title: string;
  columns: readonly (ColumnDoc & { unit?: string; numeric?: boolean })[];
  rows: Record<string, string | number>[];
  /** What the rows count, and from what, shown under the table. */
  note: string;
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A share in percent with one decimal, or '' when there is nothing to divide by (never a false 0 %). */
export function percent(part: number, whole: number): number | '' {
  return whole === 0 ? '' : Math.round((part / whole) * 1000) / 10;
}

/** Rounded to the fen, for amounts and per-m² figures. */
export function fen(value: number | undefined): number | '' {
  return value === undefined ? '' : Math.round(value * 100) / 100;
}

// Calendar dates as YYYY-MM-DD strings, computed in UTC so that no time zone
// ever moves a date by a day.

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  if (days === 1 || days === -1) return adjacentDay(date, days);
  return shiftDate(date, days);
}

// Working-day counts step one day at a time, through the same few thousand dates
// for every decision of a build; a Date round trip for each step cost a second
// of a 10,000-decision build. Bounded, so that a long-lived process cannot grow it without end.
const adjacent = new Map<string, string>();
function adjacentDay(date: string, days: 1 | -1): string {
  const key = days === 1 ? date : `-${date}`;
  let day = adjacent.get(key);
  if (day === undefined) {
    day = shiftDate(date, days);
    if (adjacent.size >= 50_000) adjacent.clear();
    adjacent.set(key, day);
  }
  return day;
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date `months` months after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today in China (UTC+8), as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2025年4月8日 */
export function formatDateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

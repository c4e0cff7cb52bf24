import type { TimeLimit } from '../../schemas/procedure.ts';
import { calendarFromCompact, type CompactCalendar } from '../../lib/procedures/compact-calendar.ts';
import { computeDeadlines, type StepDeadline } from '../../lib/procedures/compute-deadlines.ts';
import { formatDateZh, weekday } from '../../lib/dates.ts';

/** A step or remedy as the calculator receives it from the page. */
export interface CalculatorStep {
  id: string;
  name: string;
  when?: string;
  limit?: TimeLimit;
  /** The limit in words, as on the page. */
  limitText?: string;
}

export interface DeadlineRow {
  id: string;
  name: string;
  when: string | undefined;
  limitText: string | undefined;
  /** What the date column says. */
  result: string;
  /** True when the date falls in or crosses a year whose holiday arrangement is unpublished. */
  uncertain: boolean;
  /** True for the start step. */
  start: boolean;
}

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** 2025年10月10日（星期五） */
export function formatDateWithWeekday(date: string): string {
  return `${formatDateZh(date)}（星期${WEEKDAY[weekday(date)]}）`;
}

function resultText(d: StepDeadline): string {
  switch (d.kind) {
    case 'start':
      return `${formatDateWithWeekday(d.date)}（起算日）`;
    case 'deadline':
      return `最迟 ${formatDateWithWeekday(d.date)}`;
    case 'earliest':
      return `最早 ${formatDateWithWeekday(d.date)}`;
    case 'before-later-step':
      return '按其后环节的日期倒推（见时限）';
    case 'none':
      return '—';
  }
}

/** Rows of the result table for a start step and date. */
export function deadlineRows(
  steps: readonly CalculatorStep[],
  remedies: readonly CalculatorStep[],
  calendar: CompactCalendar,
  startStep: string,
  startDate: string,
): { steps: DeadlineRow[]; remedies: DeadlineRow[] } {
  const computed = computeDeadlines({ steps, remedies }, startStep, startDate, calendarFromCompact(calendar));
  const toRows = (items: readonly CalculatorStep[], results: StepDeadline[]) =>
    items.map((item, i) => {
      const d = results[i] ?? { id: item.id, kind: 'none' as const };
      return {
        id: item.id,
        name: item.name,
        when: item.when,
        limitText: item.limitText,
        result: resultText(d),
        uncertain: (d.kind === 'deadline' || d.kind === 'earliest') && !d.certain,
        start: d.kind === 'start',
      };
    });
  return { steps: toRows(steps, computed.steps), remedies: toRows(remedies, computed.remedies) };
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

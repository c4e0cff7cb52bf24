import type { TimeLimit } from '../../schemas/procedure.ts';
import { calendarFromCompact, type CompactCalendar } from '../../lib/procedures/compact-calendar.ts';
import { computeDeadlines, eventsCountedFrom, type StepDeadline } from '../../lib/procedures/compute-deadlines.ts';
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

/** An event a later limit counts from, whose date the user may enter. */
export interface CountedEvent {
  id: string;
  name: string;
  /** The steps and remedies counted from it. */
  usedBy: string[];
}

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** 2025年10月10日（星期五） */
export function formatDateWithWeekday(date: string): string {
  return `${formatDateZh(date)}（星期${WEEKDAY[weekday(date)]}）`;
}

function resultText(d: StepDeadline, nameOf: (id: string) => string): string {
  switch (d.kind) {
    case 'start':
      return `${formatDateWithWeekday(d.date)}（起算日）`;
    case 'entered':
      return `${formatDateWithWeekday(d.date)}（您填写的日期）`;
    case 'deadline':
      return `最迟 ${formatDateWithWeekday(d.date)}`;
    case 'earliest':
      return `最早 ${formatDateWithWeekday(d.date)}`;
    case 'needs-date':
      return `填写“${nameOf(d.from)}”的日期后计算`;
    case 'none':
      return '—';
  }
}

/** The steps from the start on: what comes before it has already happened. */
export function stepsFrom<T extends { id: string }>(steps: readonly T[], startStep: string): T[] {
  const at = steps.findIndex((s) => s.id === startStep);
  return at < 0 ? [...steps] : steps.slice(at);
}

/** The events, in procedure order, that the steps listed from `startStep` and the remedies count from. */
export function countedEvents(steps: readonly CalculatorStep[], remedies: readonly CalculatorStep[], startStep: string): CountedEvent[] {
  const listed = [...stepsFrom(steps, startStep), ...remedies];
  const ids = new Set(eventsCountedFrom(listed, startStep));
  return steps
    .filter((s) => ids.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, usedBy: listed.filter((x) => x.limit?.from === s.id).map((x) => x.name) }));
}

/**
 * Rows of the result table for a start step and date, and the dates entered
 * for later events: the steps from the start on, then the remedies.
 */
export function deadlineRows(
  steps: readonly CalculatorStep[],
  remedies: readonly CalculatorStep[],
  calendar: CompactCalendar,
  startStep: string,
  startDate: string,
  entered: Readonly<Record<string, string>> = {},
): { steps: DeadlineRow[]; remedies: DeadlineRow[] } {
  const computed = computeDeadlines({ steps, remedies }, startStep, startDate, calendarFromCompact(calendar), entered);
  const nameOf = (id: string) => steps.find((s) => s.id === id)?.name ?? id;
  const toRows = (items: readonly CalculatorStep[], results: StepDeadline[]) =>
    items.map((item, i) => {
      const d = results[i] ?? { id: item.id, kind: 'none' as const };
      return {
        id: item.id,
        name: item.name,
        when: item.when,
        limitText: item.limitText,
        result: resultText(d, nameOf),
        uncertain: (d.kind === 'deadline' || d.kind === 'earliest') && !d.certain,
        start: d.kind === 'start',
      };
    });
  const listed = new Set(stepsFrom(steps, startStep).map((s) => s.id));
  return { steps: toRows(steps, computed.steps).filter((r) => listed.has(r.id)), remedies: toRows(remedies, computed.remedies) };
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

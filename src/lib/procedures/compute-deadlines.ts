import type { TimeLimit } from '../../schemas/procedure.ts';
import type { WorkingCalendar } from '../working-day-count.ts';
import { deadlineBefore, deadlineFor } from './deadline-for-limit.ts';
import { addDays } from '../dates.ts';

/** Where one step or remedy stands once a start date is chosen. */
export type StepDeadline =
  /** The step the count starts from, on the chosen date. */
  | { id: string; kind: 'start'; date: string }
  /** A step whose real date the user entered (the hearing was held on …). */
  | { id: string; kind: 'entered'; date: string }
  /** The last day for the step: counted along the chain of limits from the start, or back from a later event. */
  | { id: string; kind: 'deadline'; date: string; certain: boolean }
  /** The first day the step may happen (a waiting period, e.g. 催告 then 10 working days). */
  | { id: string; kind: 'earliest'; date: string; certain: boolean }
  /** Counted from an event whose date is not known yet: the user may enter it (`from`). */
  | { id: string; kind: 'needs-date'; from: string }
  /** No limit. */
  | { id: string; kind: 'none' };

/** What the count needs of a step or remedy. */
export interface CountedStep {
  id: string;
  limit?: Pick<TimeLimit, 'amount' | 'unit' | 'from' | 'direction'> | undefined;
}

/**
 * Deadlines of every step and remedy when `startStep` happened on `startDate`
 * and the steps in `entered` on the dates given there. Each later date is the
 * latest one the law allows, so a chain (决定 within 90 days of 立案, 送达 within
 * 7 days of 决定) gives the outermost date; an entered date replaces the
 * outermost one for the steps counted from it.
 */
export function computeDeadlines(
  procedure: { steps: readonly CountedStep[]; remedies: readonly CountedStep[] },
  startStep: string,
  startDate: string,
  calendar: WorkingCalendar,
  entered: Readonly<Record<string, string>> = {},
): { steps: StepDeadline[]; remedies: StepDeadline[] } {
  const known = new Map<string, { date: string; certain: boolean }>();
  for (const [id, date] of Object.entries(entered)) known.set(id, { date, certain: true });
  known.set(startStep, { date: startDate, certain: true });
  const place = (item: CountedStep): StepDeadline => {
    if (item.id === startStep) return { id: item.id, kind: 'start', date: startDate };
    const date = entered[item.id];
    if (date) return { id: item.id, kind: 'entered', date };
    const limit = item.limit;
    if (!limit) return { id: item.id, kind: 'none' };
    const from = known.get(limit.from);
    if (!from) return { id: item.id, kind: 'needs-date', from: limit.from };
    const result = limit.direction === 'before' ? deadlineBefore(calendar, from.date, limit) : deadlineFor(calendar, from.date, limit);
    const certain = from.certain && result.certain;
    known.set(item.id, { date: result.date, certain });
    // 「送达十日后」: the waiting period's last day is counted like a limit; the step may follow it.
    if (limit.direction === 'after') return { id: item.id, kind: 'earliest', date: addDays(result.date, 1), certain };
    return { id: item.id, kind: 'deadline', date: result.date, certain };
  };
  const steps = procedure.steps.map(place);
  const remedies = procedure.remedies.map(place);
  return { steps, remedies };
}

/**
 * The events the listed steps and remedies count from, other than the start:
 * the dates a user may enter (立案 for the decision's 90 days, the hearing for
 * the notice 7 working days before it, 送达 for payment and the remedies).
 */
export function eventsCountedFrom(items: readonly CountedStep[], startStep: string): string[] {
  const ids = new Set<string>();
  for (const item of items) if (item.limit && item.limit.from !== startStep) ids.add(item.limit.from);
  return [...ids];
}

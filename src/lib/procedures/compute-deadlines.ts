import type { TimeLimit } from '../../schemas/procedure.ts';
import type { WorkingCalendar } from '../working-day-count.ts';
import { deadlineFor } from './deadline-for-limit.ts';
import { addDays } from '../dates.ts';

/** Where one step or remedy stands once a start date is chosen. */
export type StepDeadline =
  /** The step the count starts from, on the chosen date. */
  | { id: string; kind: 'start'; date: string }
  /** The last day for the step, counted along the chain of limits from the start. */
  | { id: string; kind: 'deadline'; date: string; certain: boolean }
  /** The first day the step may happen (a waiting period, e.g. 催告 then 10 working days). */
  | { id: string; kind: 'earliest'; date: string; certain: boolean }
  /** Counted back from a later event whose date is not known yet (e.g. ≥ 7 days before the hearing). */
  | { id: string; kind: 'before-later-step' }
  /** No limit, or its chain does not lead back to the start. */
  | { id: string; kind: 'none' };

/**
 * Deadlines of every step and remedy when `startStep` happened on `startDate`.
 * Each later date is the latest one the law allows, so a chain (决定 within 90
 * days of 立案, 送达 within 7 days of 决定) gives the outermost date.
 */
/** What the count needs of a step or remedy. */
export interface CountedStep {
  id: string;
  limit?: Pick<TimeLimit, 'amount' | 'unit' | 'from' | 'direction'> | undefined;
}

export function computeDeadlines(
  procedure: { steps: readonly CountedStep[]; remedies: readonly CountedStep[] },
  startStep: string,
  startDate: string,
  calendar: WorkingCalendar,
): { steps: StepDeadline[]; remedies: StepDeadline[] } {
  const known = new Map<string, { date: string; certain: boolean }>();
  const place = (item: CountedStep): StepDeadline => {
    if (item.id === startStep) {
      known.set(item.id, { date: startDate, certain: true });
      return { id: item.id, kind: 'start', date: startDate };
    }
    const limit = item.limit;
    if (!limit) return { id: item.id, kind: 'none' };
    if (limit.direction === 'before') return { id: item.id, kind: 'before-later-step' };
    const from = known.get(limit.from);
    if (!from) return { id: item.id, kind: 'none' };
    const result = deadlineFor(calendar, from.date, limit);
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

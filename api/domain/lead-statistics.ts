import { workingDaysBetween, type WorkingCalendar } from '../../src/lib/working-days.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { LEAD_SOURCES, OUTCOMES, type LeadSource, type Outcome } from './report-status.ts';
import type { ReportRow } from './records.ts';

/** The columns of a lead the statistics read: dates, office, source, outcome — never its content or reporter. */
export type LeadStatsRow = Pick<
  ReportRow,
  'office_code' | 'source' | 'status' | 'received_at' | 'assigned_at' | 'acknowledged_at' | 'concluded_at' | 'acknowledge_by' | 'conclude_by' | 'outcome' | 'supervised_at'
>;

/** One office's figures (office null: the desk's unrouted queue). */
export interface LeadStats {
  officeCode: string | null;
  received: number;
  bySource: Record<LeadSource, number>;
  acknowledged: number;
  /** Acknowledged on or before its acknowledgement deadline (China date of the acknowledgement). */
  acknowledgedOnTime: number;
  concluded: number;
  /** Median working days from reaching the office to its outcome (行政处罚法 art. 85's count: the first day not counted). */
  medianWorkingDaysToOutcome: number | undefined;
  byOutcome: Record<Outcome, number>;
  /** Open and past a deadline today. */
  overdueNow: number;
  supervised: number;
}

const zero = <K extends string>(keys: Record<K, unknown>) => Object.fromEntries(Object.keys(keys).map((k) => [k, 0])) as Record<K, number>;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The leads figures per office from the stored rows, computed in one place so
 * that the page, its CSV and the tests agree. Deadlines are the ones stored
 * with each lead (local practice, site.yaml); a lead that is not yet with an
 * office counts as received, never as late.
 */
export function leadStatistics(rows: readonly LeadStatsRow[], offices: readonly (string | null)[], calendar: WorkingCalendar, today: string): LeadStats[] {
  return offices.map((officeCode) => {
    const own = rows.filter((r) => r.office_code === officeCode);
    const bySource = zero(LEAD_SOURCES);
    const byOutcome = zero(OUTCOMES);
    const toOutcome: number[] = [];
    let acknowledged = 0;
    let acknowledgedOnTime = 0;
    let overdueNow = 0;
    for (const r of own) {
      bySource[r.source] = (bySource[r.source] ?? 0) + 1;
      if (r.acknowledged_at) {
        acknowledged++;
        if (r.acknowledge_by && todayInChina(new Date(r.acknowledged_at)) <= r.acknowledge_by) acknowledgedOnTime++;
      }
      if (r.status === 'concluded' && r.outcome) {
        byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
        if (r.assigned_at && r.concluded_at) toOutcome.push(workingDaysBetween(calendar, todayInChina(new Date(r.assigned_at)), todayInChina(new Date(r.concluded_at))).days);
      }
      const open = r.status !== 'concluded';
      if (open && ((!r.acknowledged_at && r.acknowledge_by !== null && r.acknowledge_by < today) || (!r.concluded_at && r.conclude_by !== null && r.conclude_by < today))) overdueNow++;
    }
    return {
      officeCode,
      received: own.length,
      bySource,
      acknowledged,
      acknowledgedOnTime,
      concluded: own.filter((r) => r.status === 'concluded').length,
      medianWorkingDaysToOutcome: median(toOutcome),
      byOutcome,
      overdueNow,
      supervised: own.filter((r) => r.supervised_at !== null).length,
    };
  });
}

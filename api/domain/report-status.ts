import type { Routing } from './route-report.ts';

/**
 * A lead's status as the reporter sees it. This issue ends with a lead stored
 * and routed; later issues add the office's steps (acknowledged, verifying…).
 */
export const REPORT_STATUSES = {
  /** Stored and sent to the county office whose territory holds the point. */
  routed: '已分派至区县',
  /** Stored; no county holds the point (or there is none), so the city desk will dispatch it. */
  unrouted: '待分派',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

/** Kinds of timeline event; `data` of each is public unless said otherwise. */
export type TimelineEventType = 'received' | 'routed' | 'unrouted';

/** The status a new report takes from its routing. */
export function statusOf(routing: Routing): ReportStatus {
  return routing.kind === 'routed' ? 'routed' : 'unrouted';
}

/** The sentence a reporter reads for a timeline event. */
export function describeEvent(type: TimelineEventType, officeName: string | null): string {
  switch (type) {
    case 'received':
      return '已收到举报线索';
    case 'routed':
      return `已分派至${officeName ?? '区县'}核查`;
    case 'unrouted':
      return `位置不在任何区县范围内或未标出，已进入待分派队列，由${officeName ?? '市级执法监察机构'}分派`;
  }
}

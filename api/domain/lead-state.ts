import type { Outcome, ReportStatus, TimelineEventType } from './report-status.ts';

/** Where a lead stands: everything here follows from its events, in order. */
export interface LeadState {
  status: ReportStatus;
  /** The office that holds it now (null: the desk's unrouted queue). */
  officeCode: string | null;
  /** When it reached that office (routing or assignment): its deadlines count from here. */
  assignedAt: string | null;
  acknowledgedAt: string | null;
  concludedAt: string | null;
  outcome: Outcome | null;
  publicSummary: string | null;
  supervisedAt: string | null;
}

export interface StateEvent {
  type: TimelineEventType;
  /** The event's data as stored (JSON text) or parsed. */
  data: string | Record<string, unknown>;
  at: string;
}

export const NO_STATE: LeadState = {
  status: 'unrouted',
  officeCode: null,
  assignedAt: null,
  acknowledgedAt: null,
  concludedAt: null,
  outcome: null,
  publicSummary: null,
  supervisedAt: null,
};

/** The state after one more event. */
export function applyEvent(state: LeadState, event: StateEvent): LeadState {
  const data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as {
    officeCode?: string | null;
    outcome?: Outcome;
    summary?: string;
  };
  switch (event.type) {
    case 'routed':
    case 'assigned':
      // A lead that reaches a new office starts again there: to be acknowledged and concluded.
      return { ...state, status: 'routed', officeCode: data.officeCode ?? null, assignedAt: event.at, acknowledgedAt: null, concludedAt: null, outcome: null, publicSummary: null };
    case 'unrouted':
      return { ...state, status: 'unrouted', officeCode: null, assignedAt: null };
    case 'acknowledged':
      return { ...state, status: state.status === 'routed' ? 'acknowledged' : state.status, acknowledgedAt: state.acknowledgedAt ?? event.at };
    case 'result':
      return data.outcome
        ? { ...state, status: 'concluded', outcome: data.outcome, concludedAt: event.at, publicSummary: data.summary ?? null, acknowledgedAt: state.acknowledgedAt ?? event.at }
        : { ...state, status: state.status === 'concluded' ? 'concluded' : 'verifying', publicSummary: data.summary ?? state.publicSummary, acknowledgedAt: state.acknowledgedAt ?? event.at };
    case 'supervised':
      return { ...state, supervisedAt: state.supervisedAt ?? event.at };
    default:
      return state;
  }
}

export function stateOf(events: readonly StateEvent[]): LeadState {
  return events.reduce(applyEvent, NO_STATE);
}

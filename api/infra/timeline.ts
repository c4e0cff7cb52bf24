import type { Transaction } from './database.ts';
import type { KeyRing } from './key-ring.ts';
import type { TimelineAnchor } from './timeline-anchor.ts';
import { GENESIS_LINK, linkEvent } from '../domain/timeline-link.ts';
import type { TimelineEventType } from '../domain/report-status.ts';

/** An event to record: which report, what happened, its data (public unless its type says otherwise), when. */
export interface TimelineEntry {
  reportId: number;
  type: TimelineEventType;
  data: Record<string, unknown>;
  at: string;
}

export interface Timeline {
  /**
   * The only way onto the timeline: appends the events in order inside the
   * caller's transaction, each linked to the one before by an HMAC under the
   * current timeline key, and anchors the new head once the transaction commits.
   */
  appendEvents(tx: Transaction, events: readonly TimelineEntry[]): Promise<void>;
}

export function createTimeline(keys: KeyRing, anchor: TimelineAnchor): Timeline {
  return {
    async appendEvents(tx, events) {
      if (events.length === 0) return;
      const last = await tx.get<{ hash: string }>('SELECT hash FROM timeline_events ORDER BY id DESC LIMIT 1');
      let head = last?.hash ?? GENESIS_LINK;
      const key = keys.current.key('timeline');
      const params: (string | number)[] = [];
      for (const event of events) {
        const data = JSON.stringify(event.data);
        const hash = linkEvent(key, { reportId: event.reportId, type: event.type, data, at: event.at, prevHash: head });
        params.push(event.reportId, event.type, data, event.at, head, hash, keys.current.id);
        head = hash;
      }
      const rows = events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      const { lastID } = await tx.run(`INSERT INTO timeline_events (report_id, type, data, at, prev_hash, hash, key_id) VALUES ${rows}`, params);
      const anchored = head;
      tx.onCommit(() => anchor.note(lastID, anchored));
    },
  };
}

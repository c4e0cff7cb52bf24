import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyRing } from './key-ring.ts';

/**
 * One line of the anchor file: the timeline's last event id and link at a
 * moment, signed. Kept outside the database (and in the daily summary mailed
 * to the administrator), it lets a verifier see events removed from the end of
 * the chain, which the chain alone cannot show.
 */
export interface AnchorLine {
  lastEventId: number;
  head: string;
  at: string;
  keyId: string;
  mac: string;
}

function macOf(key: Buffer, line: Omit<AnchorLine, 'mac' | 'keyId'>): string {
  return createHmac('sha256', key).update(`${line.lastEventId}\n${line.head}\n${line.at}`).digest('hex');
}

export interface TimelineAnchor {
  /** The chain now ends at this event with this link (called after each commit that added events). */
  note(lastEventId: number, head: string): void;
  /** Resolves when every noted head is written and fsynced. */
  flush(): Promise<void>;
}

/**
 * Appends a signed line for the chain's head after each commit that extended
 * it, coalescing the commits that happen while a line is being written. A
 * crash between a commit and its line leaves the anchor one step behind the
 * chain, which a verifier accepts (the chain must extend the anchored head);
 * nothing can make the anchor run ahead of the chain but a removal of events.
 */
export function createTimelineAnchor(file: string, keys: KeyRing, now: () => Date = () => new Date()): TimelineAnchor {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let latest: { lastEventId: number; head: string } | undefined;
  let written = 0;
  let writing: Promise<void> | undefined;

  async function writeLatest(): Promise<void> {
    while (latest && latest.lastEventId > written) {
      const { lastEventId, head } = latest;
      const body = { lastEventId, head, at: now().toISOString() };
      const line: AnchorLine = { ...body, keyId: keys.current.id, mac: macOf(keys.current.key('anchor'), body) };
      const handle = await open(file, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(line)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      written = lastEventId;
    }
  }

  function kick(): void {
    if (writing) return;
    writing = writeLatest()
      .catch((error: unknown) => console.error('timeline anchor not written:', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        writing = undefined;
        if (latest && latest.lastEventId > written) kick();
      });
  }

  return {
    note(lastEventId, head) {
      if (!latest || lastEventId > latest.lastEventId) latest = { lastEventId, head };
      kick();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}

export type AnchorReading = { lines: AnchorLine[]; faults: string[] };

/** Reads the anchor file, checking each line's signature with the key it names. */
export function readAnchor(file: string, keys: KeyRing): AnchorReading {
  if (!existsSync(file)) return { lines: [], faults: [] };
  const lines: AnchorLine[] = [];
  const faults: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let line: AnchorLine;
      try {
        line = JSON.parse(text) as AnchorLine;
      } catch {
        faults.push(`anchor line ${i + 1} is not JSON`);
        return;
      }
      const key = keys.byId(line.keyId)?.key('anchor');
      const expected = key ? Buffer.from(macOf(key, line), 'hex') : undefined;
      const given = Buffer.from(String(line.mac), 'hex');
      if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        faults.push(`anchor line ${i + 1} is not signed by a key in the key ring (changed or forged)`);
        return;
      }
      lines.push(line);
    });
  return { lines, faults };
}

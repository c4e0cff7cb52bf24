import { statfs } from 'node:fs/promises';
import { IntakeError } from '../domain/intake-error.ts';

/** Bytes received but not yet stored or discarded, by request. */
export interface DiskReservation {
  /** Counts more bytes of this request; throws 507 when they would not fit. */
  grow(bytes: number): Promise<void>;
  /** The request is done (stored or discarded): its bytes no longer count as in flight. */
  release(): void;
}

export interface DiskGuard {
  /** Starts counting a request's bytes; `declared` is its Content-Length when it sent one. */
  reserve(declared: number | undefined): Promise<DiskReservation>;
  /** Bytes now kept for good (originals committed). */
  stored(bytes: number): void;
}

const FREE_SPACE_CACHE_MS = 1_000;

export function diskFull(): IntakeError {
  return new IntakeError('storage-full', [
    { field: '', code: 'storage_full', message: '服务器存储空间不足，举报未能保存，请稍后重试或拨打 12336。' },
  ]);
}

/**
 * Refuses uploads (507) before the disk fills: whatever is in flight plus the
 * new bytes must leave `minFreeBytes` free on the data directory's file
 * system, and the photos kept must stay under `maxStoredBytes` (0: no cap).
 * Free space is read at most once a second; in-flight bytes are subtracted
 * from it, so a burst of parallel uploads cannot each see the same room.
 */
export function createDiskGuard(options: { dir: string; minFreeBytes: number; maxStoredBytes: number; storedBytes: number }): DiskGuard {
  let inFlight = 0;
  let stored = options.storedBytes;
  let free: { bytes: number; at: number } | undefined;

  async function freeBytes(): Promise<number> {
    const now = Date.now();
    if (!free || now - free.at > FREE_SPACE_CACHE_MS) {
      const stats = await statfs(options.dir);
      free = { bytes: stats.bavail * stats.bsize, at: now };
    }
    return free.bytes;
  }

  async function fits(extra: number): Promise<boolean> {
    if (options.maxStoredBytes > 0 && stored + inFlight + extra > options.maxStoredBytes) return false;
    return (await freeBytes()) - inFlight - extra >= options.minFreeBytes;
  }

  return {
    async reserve(declared) {
      let mine = 0;
      if (declared !== undefined && declared > 0) {
        if (!(await fits(declared))) throw diskFull();
      }
      let released = false;
      return {
        async grow(bytes) {
          if (released) return;
          if (!(await fits(bytes))) throw diskFull();
          mine += bytes;
          inFlight += bytes;
        },
        release() {
          if (released) return;
          released = true;
          inFlight -= mine;
        },
      };
    },
    stored(bytes) {
      stored += bytes;
      // What was just written is no longer free: read the file system again next time.
      free = undefined;
    },
  };
}

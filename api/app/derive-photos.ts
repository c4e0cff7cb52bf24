import { UnreadablePhoto } from '../domain/photos.ts';
import type { PhotoStore, ReportStore } from './ports.ts';

import { createSemaphore } from './semaphore.ts';

export interface PhotoDeriver {
  /** There may be new work: start if idle. */
  kick(): void;
  /** Finishes the photo in hand and stops. */
  close(): Promise<void>;
}

const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * Makes the display and forwarding copies of accepted photos, outside the
 * request: the reporter's 201 waits only for the original to be on disk. The
 * work list is the photos table itself, so copies a killed process never made
 * are made after the restart. The copies are made in an image worker process
 * of their own at a lower scheduling priority than the reporters' checks, so
 * they neither wait for a quiet moment nor hold up a reporter or the server.
 */
export function createPhotoDeriver(deps: {
  store: ReportStore;
  photos: PhotoStore;
  concurrency: number;
  now: () => Date;
  /** Told of each photo whose copies cannot be made (it stays as evidence; office and reporter see it). */
  onUnreadable?: (reason: string) => void;
}): PhotoDeriver {
  const limit = createSemaphore(deps.concurrency);
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function deriveOne(photo: Awaited<ReturnType<ReportStore['photosToDerive']>>[number]): Promise<boolean> {
    try {
      const copies = await deps.photos.derive(photo.original_sha256, photo.original_type);
      await deps.store.markDerived(photo.id, copies, deps.now().toISOString());
      return true;
    } catch (error) {
      if (error instanceof UnreadablePhoto) {
        await deps.store.markUnreadable(photo.id, deps.now().toISOString(), error.reason);
        deps.onUnreadable?.(error.reason);
        return true;
      }
      console.error('photo copies failed:', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      return false;
    }
  }

  async function loop(): Promise<void> {
    while (!closed) {
      const batch = await deps.store.photosToDerive(deps.concurrency * 4);
      if (batch.length === 0) return;
      const results = await Promise.all(batch.map((photo) => limit(() => (closed ? Promise.resolve(false) : deriveOne(photo)))));
      if (results.includes(false)) {
        // A failed write (full disk…) is retried later rather than in a tight loop.
        retryTimer = setTimeout(kick, RETRY_AFTER_FAILURE_MS);
        retryTimer.unref();
        return;
      }
    }
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = loop()
      .catch((error: unknown) => console.error('photo copies stopped:', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    kick,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await running;
    },
  };
}

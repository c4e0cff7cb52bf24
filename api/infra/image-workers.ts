import { fork, type ChildProcess } from 'node:child_process';
import type { KeyRing } from './key-ring.ts';
import type { ImageFailureCode, ImageJob, ImageJobResult, WorkerMessage } from './image-job.ts';

/** A job the image worker refused or could not finish. */
export class ImageJobFailed extends Error {
  readonly code: ImageFailureCode;
  constructor(code: ImageFailureCode, detail: string) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.name = 'ImageJobFailed';
  }
}

/**
 * Intake jobs (a reporter is waiting for the answer) go before background
 * jobs (copies). A background job that has waited longer than
 * BACKGROUND_MAX_WAIT_MS goes next all the same, so that copies are still made
 * during a flood of uploads. The bound is in time, not in a count of intake
 * jobs: with a count, every report of three photos paid for a copy (4–5× the
 * work of its check) before its answer, and at five concurrent uploads the
 * answers took seconds while copies were never urgent.
 */
export type JobPriority = 'intake' | 'background';
const BACKGROUND_MAX_WAIT_MS = 3000;


export interface ImageWorkers {
  run<Op extends ImageJob['op']>(job: Extract<ImageJob, { op: Op }>, priority: JobPriority): Promise<Extract<ImageJobResult, { op: Op }>>;
  /** Jobs waiting or running. */
  pending(): number;
  close(): Promise<void>;
}

interface Queued {
  job: ImageJob;
  queuedAt: number;
  resolve: (result: ImageJobResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy?: { id: number; item: Queued; timer: NodeJS.Timeout | undefined } | undefined;
}

/**
 * A few image worker processes (image-worker-child.ts), each running one job
 * at a time under a time limit: a job that overruns it is ended by killing its
 * process, which is replaced at once.
 */
export function createImageWorkers(options: {
  keys: KeyRing;
  workers: number;
  timeoutMs: number;
  /** How long a background job may wait behind intake jobs (default BACKGROUND_MAX_WAIT_MS). */
  backgroundMaxWaitMs?: number;
  onEvent?: (event: { kind: 'timeout' | 'crashed'; op: ImageJob['op'] }) => void;
}): ImageWorkers {
  const queues: Record<JobPriority, Queued[]> = { intake: [], background: [] };
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const photoKeys = options.keys.all().map((k) => ({ id: k.id, key: k.key('photo').toString('hex') }));

  function spawnSlot(): Slot {
    const child = fork(new URL('./image-worker-child.ts', import.meta.url), [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = {
      child,
      ready: new Promise<void>((resolve) => {
        const onReady = (message: WorkerMessage) => {
          if (message.type === 'ready') {
            child.off('message', onReady);
            resolve();
          }
        };
        child.on('message', onReady);
      }),
    };
    child.send({ type: 'init', photoKeys });
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready' || !slot.busy || slot.busy.id !== message.id) return;
      const { item, timer } = slot.busy;
      clearTimeout(timer);
      slot.busy = undefined;
      if (message.type === 'done') item.resolve(message.result);
      else item.reject(new ImageJobFailed(message.code, message.detail));
      dispatch();
    });
    child.on('exit', () => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        const { item } = slot.busy;
        slot.busy = undefined;
        if (closed) item.reject(new ImageJobFailed('failed', 'the image workers are closing'));
        else {
          options.onEvent?.({ kind: 'crashed', op: item.job.op });
          item.reject(new ImageJobFailed('crashed', 'the image worker stopped during the job'));
        }
      }
      if (!closed) {
        slots.push(spawnSlot());
        dispatch();
      }
    });
    return slot;
  }

  function take(): Queued | undefined {
    const oldestBackground = queues.background[0];
    const overdue = oldestBackground !== undefined && Date.now() - oldestBackground.queuedAt > (options.backgroundMaxWaitMs ?? BACKGROUND_MAX_WAIT_MS);
    if (queues.intake.length > 0 && !overdue) return queues.intake.shift();
    return queues.background.shift();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.busy || !slot.child.connected) continue;
      const item = take();
      if (!item) return;
      const id = nextId++;
      slot.busy = { id, item, timer: undefined };
      void slot.ready.then(() => {
        const busy = slot.busy;
        if (busy?.id !== id) return;
        // The time limit counts from when the worker has the job, not from a replacement's start-up.
        busy.timer = setTimeout(() => {
          if (slot.busy?.id !== id) return;
          slot.busy = undefined;
          options.onEvent?.({ kind: 'timeout', op: item.job.op });
          item.reject(new ImageJobFailed('timeout', `the job took longer than ${options.timeoutMs} ms`));
          // The worker may be stuck inside libvips: only ending the process stops it.
          slot.child.kill('SIGKILL');
        }, options.timeoutMs);
        slot.child.send({ type: 'job', id, job: item.job });
      });
    }
  }

  for (let i = 0; i < Math.max(1, options.workers); i += 1) slots.push(spawnSlot());

  return {
    run(job, priority) {
      if (closed) return Promise.reject(new ImageJobFailed('failed', 'the image workers are closed'));
      return new Promise((resolve, reject) => {
        queues[priority].push({ job, queuedAt: Date.now(), resolve: resolve as (r: ImageJobResult) => void, reject });
        dispatch();
      });
    },
    pending: () => queues.intake.length + queues.background.length + slots.filter((s) => s.busy).length,
    async close() {
      closed = true;
      for (const queue of Object.values(queues)) for (const item of queue.splice(0)) item.reject(new ImageJobFailed('failed', 'the image workers are closing'));
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve) => {
              if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
              slot.child.once('exit', () => resolve());
              slot.child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
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
 * Intake jobs (a reporter is waiting for the answer) and background jobs
 * (copies) run in separate processes, so a reporter never waits behind a copy.
 * Sharing one queue did not work on two cores: copies are four to five times
 * the work of a check, and once any copy had waited its bound every check
 * queued behind the copies, so at five concurrent uploads answers took seconds.
 *
 * Copies still take CPU from the reporters' checks and the server. So the
 * copy process runs at a lower scheduling priority (nice 10), and while
 * checks are waiting or running (or ended less than CHECKS_QUIET_MS ago) it
 * rests COPY_REST_FACTOR times the CPU time of its last copy before the next: during a flood of uploads copies take at
 * most a tenth of one core and keep being made; when the flood ends they
 * catch up at full speed. (Priority alone was not enough: the copies filled
 * every idle moment, and at five concurrent uploads the p95 answer rose by
 * half. The lowest priority, 19, starved them whenever the checks kept both
 * cores busy.)
 */
export type JobPriority = 'intake' | 'background';
/** Linux nice value of the copy process (0 normal … 19 lowest); raising it needs no privilege. */
const COPY_NICENESS = 10;
const COPY_REST_FACTOR = 9;
/** The longest rest: however large the last photo, a copy is made at least this often during a flood. */
const COPY_MAX_REST_MS = 3000;
/** Checks count as busy until this long after the last one ended. */
const CHECKS_QUIET_MS = 1000;

export interface ImageWorkers {
  run<Op extends ImageJob['op']>(job: Extract<ImageJob, { op: Op }>, priority: JobPriority): Promise<Extract<ImageJobResult, { op: Op }>>;
  /** Jobs waiting or running. */
  pending(): number;
  close(): Promise<void>;
}

interface Queued {
  job: ImageJob;
  resolve: (result: ImageJobResult) => void;
  reject: (error: unknown) => void;
  /** Set once the job has been run again after its process ended under it. */
  retried?: boolean;
}

interface Running {
  item: Queued;
  timer: NodeJS.Timeout | undefined;
  startedAt: number;
  timedOut?: boolean;
}

interface Slot {
  lane: JobPriority;
  capacity: number;
  child: ChildProcess;
  ready: Promise<void>;
  running: Map<number, Running>;
}

/**
 * The image worker processes (image-worker-child.ts): one for reporters'
 * checks, running up to `workers` jobs at once on its own threads, and one for
 * copies, one job at a time. Each job runs under a time limit; a job that
 * overruns it is ended by killing its process, which is replaced at once. A
 * job whose process ended under it for any other reason (another job's
 * overrun, a crash) is run again, once.
 */
export function createImageWorkers(options: {
  keys: KeyRing;
  /** Checks run at once. */
  workers: number;
  timeoutMs: number;
  onEvent?: (event: { kind: 'timeout' | 'crashed'; op: ImageJob['op'] }) => void;
}): ImageWorkers {
  const queues: Record<JobPriority, Queued[]> = { intake: [], background: [] };
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const photoKeys = options.keys.all().map((k) => ({ id: k.id, key: k.key('photo').toString('hex') }));
  const checksAtOnce = Math.max(1, options.workers);

  function spawnSlot(lane: JobPriority): Slot {
    const capacity = lane === 'intake' ? checksAtOnce : 1;
    const child = fork(new URL('./image-worker-child.ts', import.meta.url), [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // sharp runs each job on a libuv thread: enough of them for the jobs at once (libuv's default is 4).
      env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(4, capacity + 1)) },
    });
    if (lane === 'background' && child.pid) {
      try {
        setPriority(child.pid, COPY_NICENESS);
      } catch {
        // Some sandboxes refuse it: copies then share the CPU evenly, as any process does.
      }
    }
    const slot: Slot = {
      lane,
      capacity,
      child,
      running: new Map(),
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
      if (message.type === 'ready') return;
      const run = slot.running.get(message.id);
      if (!run || run.timedOut) return;
      clearTimeout(run.timer);
      slot.running.delete(message.id);
      if (slot.lane === 'intake') lastCheckEnded = Date.now();
      // The rest is counted from the CPU the copy used, not from how long it took: at low priority a copy takes longer exactly when the checks are busy.
      if (slot.lane === 'background') copyRestUntil = checksBusy() ? Date.now() + Math.min(COPY_MAX_REST_MS, COPY_REST_FACTOR * (message.cpuMs ?? Date.now() - run.startedAt)) : 0;
      if (message.type === 'done') run.item.resolve(message.result);
      else run.item.reject(new ImageJobFailed(message.code, message.detail));
      dispatch();
    });
    child.on('exit', () => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      for (const { item, timer, timedOut } of slot.running.values()) {
        clearTimeout(timer);
        if (timedOut) continue;
        if (closed) item.reject(new ImageJobFailed('failed', 'the image workers are closing'));
        else if (!item.retried) {
          // Perhaps not this job's fault: another job in the same process overran its limit or crashed it.
          // Run once more; a job that ends its process again is the one at fault.
          item.retried = true;
          queues[slot.lane].unshift(item);
        } else {
          options.onEvent?.({ kind: 'crashed', op: item.job.op });
          item.reject(new ImageJobFailed('crashed', 'the image worker stopped during the job'));
        }
      }
      slot.running.clear();
      if (!closed) {
        slots.push(spawnSlot(slot.lane));
        dispatch();
      }
    });
    return slot;
  }

  /** When the copy process may take its next job while checks are busy, and the timer that will try then. */
  let copyRestUntil = 0;
  let copyRestTimer: NodeJS.Timeout | undefined;
  /** When a check last ended: between the checks of a flood's reports the server is still busy receiving the next ones. */
  let lastCheckEnded = 0;
  const checksBusy = () => queues.intake.length > 0 || slots.some((s) => s.lane === 'intake' && s.running.size > 0) || Date.now() - lastCheckEnded < CHECKS_QUIET_MS;

  function mayTake(slot: Slot): boolean {
    if (slot.lane === 'intake' || !checksBusy()) return true;
    const wait = copyRestUntil - Date.now();
    if (wait <= 0) return true;
    if (!copyRestTimer) {
      // Looked at again when the rest is over, or sooner: the checks may fall quiet before that.
      copyRestTimer = setTimeout(() => {
        copyRestTimer = undefined;
        dispatch();
      }, Math.min(wait, CHECKS_QUIET_MS));
      copyRestTimer.unref();
    }
    return false;
  }

  function dispatch(): void {
    for (const slot of slots) {
      while (slot.running.size < slot.capacity && slot.child.connected && queues[slot.lane].length > 0 && mayTake(slot)) {
        const item = queues[slot.lane].shift();
        if (!item) break;
        const id = nextId++;
        const run: Running = { item, timer: undefined, startedAt: Date.now() };
        slot.running.set(id, run);
        void slot.ready.then(() => {
          if (slot.running.get(id) !== run) return;
          // The time limit counts from when the worker has the job, not from a replacement's start-up.
          run.timer = setTimeout(() => {
            if (slot.running.get(id) !== run) return;
            run.timedOut = true;
            options.onEvent?.({ kind: 'timeout', op: item.job.op });
            item.reject(new ImageJobFailed('timeout', `the job took longer than ${options.timeoutMs} ms`));
            // The worker may be stuck inside libvips: only ending the process stops it.
            slot.child.kill('SIGKILL');
          }, options.timeoutMs);
          slot.child.send({ type: 'job', id, job: item.job });
        });
      }
    }
  }

  slots.push(spawnSlot('intake'), spawnSlot('background'));

  return {
    run(job, priority) {
      if (closed) return Promise.reject(new ImageJobFailed('failed', 'the image workers are closed'));
      return new Promise((resolve, reject) => {
        queues[priority].push({ job, resolve: resolve as (r: ImageJobResult) => void, reject });
        dispatch();
      });
    },
    pending: () => queues.intake.length + queues.background.length + slots.reduce((n, s) => n + s.running.size, 0),
    async close() {
      closed = true;
      clearTimeout(copyRestTimer);
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

import { OverTimeBudget } from './budgets.js';
import type { LintRequest, WorkerReply, WorkerRequest } from './service.js';
import type { PackedReply } from './wire.js';

/** The few things Fulcrum needs from a worker, on every platform (worker thread, web worker, browser extension). */
export interface WorkerPort {
  post(message: WorkerRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  /** The worker died on its own (an uncaught error, a script that failed to load, an exit). */
  onFailure?(listener: (error: Error) => void): void;
  terminate(): void;
}

/** Timers, injectable so tests can run the clock by hand. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Running {
  id: number;
  timer: unknown;
  resolve(reply: PackedReply): void;
  reject(error: Error): void;
}

/**
 * Runs one lint at a time in a worker it can replace. A worker cannot be interrupted in the
 * middle of a lint, only terminated, so each job gets a deadline: past it the job fails with
 * OverTimeBudget, the worker is terminated, and the next job starts a fresh one. A worker
 * that dies on its own fails its job the same way. Answers from a replaced worker, however
 * late, are ignored: each worker's listener checks that it is still the current one.
 *
 * Only one job is ever in the worker, so its deadline measures its own work, never time
 * spent waiting behind others; callers queue (WorkerEngine in FIFO order, the browser's
 * engine host round-robin across tabs).
 */
export class WorkerSupervisor {
  private port: WorkerPort | null = null;
  private running: Running | null = null;
  private nextId = 1;

  constructor(
    private readonly startWorker: () => WorkerPort,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A job is in the worker. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** A worker is running (busy or idle). */
  get hasWorker(): boolean {
    return this.port !== null;
  }

  /** Lints in the worker, starting one if needed; rejects after `budgetSeconds`. One job at a time. */
  run(request: LintRequest, budgetSeconds: number): Promise<PackedReply> {
    if (this.running) return Promise.reject(new Error('the engine is busy: queue jobs, one at a time'));
    return new Promise((resolve, reject) => {
      let port: WorkerPort;
      try {
        port = this.port ?? this.start();
      } catch (error) {
        return reject(error as Error);
      }
      const id = this.nextId++;
      const timer = this.clock.setTimeout(() => this.fail(port, new OverTimeBudget(budgetSeconds)), budgetSeconds * 1000);
      this.running = { id, timer, resolve, reject };
      try {
        port.post({ id, kind: 'lint', request });
      } catch (error) {
        this.fail(port, error as Error);
      }
    });
  }

  /** Drops a document's parse cache in the current worker (a fresh worker has none to drop). */
  forget(key: string): void {
    if (!this.port) return;
    try {
      this.port.post({ id: this.nextId++, kind: 'forget', key });
    } catch {
      // a worker that cannot take messages is replaced on the next lint anyway
    }
  }

  /** Terminates the worker; a job still in it fails with `reason`. The next run starts a fresh worker. */
  stop(reason = 'the Fulcrum engine was stopped'): void {
    if (this.port) this.fail(this.port, new Error(reason));
  }

  private start(): WorkerPort {
    const port = this.startWorker();
    port.onReply((reply) => this.answer(port, reply));
    port.onFailure?.((error) => this.fail(port, error));
    this.port = port;
    return port;
  }

  private answer(port: WorkerPort, reply: WorkerReply): void {
    const job = this.running;
    if (port !== this.port || !job || job.id !== reply.id) return; // a replaced worker, or a forget's acknowledgement
    this.settle();
    if (reply.reply) job.resolve(reply.reply);
    else job.reject(new Error(reply.error ?? 'the engine gave no answer'));
  }

  /** The worker `port` is done for: terminate it and fail its job. Nothing happens for a worker already replaced. */
  private fail(port: WorkerPort, error: Error): void {
    if (port !== this.port) return;
    this.port = null;
    const job = this.running;
    this.settle();
    try {
      port.terminate();
    } catch {
      // already gone
    }
    job?.reject(error);
  }

  private settle(): void {
    if (this.running) this.clock.clearTimeout(this.running.timer);
    this.running = null;
  }
}

import { createEngineService } from '../src/host/service.js';
import type { Clock, WorkerPort } from '../src/host/supervisor.js';
import type { WorkerReply, WorkerRequest } from '../src/host/service.js';

/**
 * Test doubles for the engine worker: a clock run by hand, and workers that hold their
 * messages until the test tells them to answer (with the real engine service), fail, or never answer.
 */

export class ManualClock implements Clock {
  now = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.now + ms, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Moves time on, running each timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

export class FakeWorker implements WorkerPort {
  readonly received: WorkerRequest[] = [];
  terminated = false;
  private replyListener: ((reply: WorkerReply) => void) | undefined;
  private failureListener: ((error: Error) => void) | undefined;
  private readonly engine = createEngineService();

  post(message: WorkerRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.received.push(message);
  }

  onReply(listener: (reply: WorkerReply) => void): void {
    this.replyListener = listener;
  }

  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The lints it was sent, in order. */
  get lints(): Array<Extract<WorkerRequest, { kind: 'lint' }>> {
    return this.received.filter((m): m is Extract<WorkerRequest, { kind: 'lint' }> => m.kind === 'lint');
  }

  /** Answers a message it was sent with the real engine, even after it was terminated (a late answer). */
  answer(message: WorkerRequest): void {
    this.replyListener?.(this.engine(message));
  }

  /** Answers every message so far, in order. */
  answerAll(): void {
    for (const message of this.received.splice(0)) this.answer(message);
  }

  fail(error = new Error('worker crashed')): void {
    this.failureListener?.(error);
  }
}

/** Hands out fresh fake workers and remembers them all. */
export class FakeWorkers {
  readonly started: FakeWorker[] = [];
  readonly start = (): FakeWorker => {
    const worker = new FakeWorker();
    this.started.push(worker);
    return worker;
  };

  get current(): FakeWorker {
    return this.started[this.started.length - 1];
  }
}

/** Lets promise callbacks (the queue's next step) run. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

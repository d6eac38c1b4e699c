/**
 * Time budgets for the CLI: each document is linted in a worker thread while the main thread
 * waits, at most the budget, on a shared flag. A document over budget has its worker terminated
 * (a JavaScript loop cannot be interrupted any other way) and the next document gets a fresh
 * worker, so one pathological file costs its budget and nothing more. The CLI stays synchronous:
 * Atomics.wait blocks, and receiveMessageOnPort reads the answer without an event loop turn.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LintJob, LintJobResult } from './lintJob.js';

export const READY = 1;
export const DONE = 2;
const IDLE = 0;
/** Starting a worker loads the NLP library (~0.6 s); that never counts against a document's budget. */
const START_TIMEOUT_MS = 60_000;

export interface WorkerSetup {
  flag: Int32Array;
  explicitConfig: string | undefined;
  cwd: string;
}

export type BudgetedResult = { ok: LintJobResult } | { timedOut: true };

export class BudgetedLinter {
  private worker: { thread: Worker; port: MessagePort; flag: Int32Array } | null = null;

  constructor(
    private readonly workerFile: URL,
    private readonly setup: Omit<WorkerSetup, 'flag'>,
    private readonly budgetMs: number,
  ) {}

  /** Lints in the worker; over budget, the worker is stopped and `timedOut` returned. */
  lint(job: LintJob): BudgetedResult {
    const worker = this.worker ?? this.start();
    Atomics.store(worker.flag, 0, IDLE);
    worker.port.postMessage(job);
    if (Atomics.wait(worker.flag, 0, IDLE, this.budgetMs) === 'timed-out') {
      this.stop();
      return { timedOut: true };
    }
    const answer = receiveMessageOnPort(worker.port)?.message as { ok?: LintJobResult; error?: string } | undefined;
    if (!answer?.ok) {
      this.stop();
      throw new Error(`the lint worker failed: ${answer?.error ?? 'no answer'}`);
    }
    return { ok: answer.ok };
  }

  /** Stops the worker, if any; the process can then exit. */
  stop(): void {
    if (!this.worker) return;
    void this.worker.thread.terminate();
    this.worker.port.close();
    this.worker = null;
  }

  private start(): { thread: Worker; port: MessagePort; flag: Int32Array } {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const thread = new Worker(this.workerFile, { workerData: { ...this.setup, flag, port: port2 }, transferList: [port2] });
    thread.unref();
    if (Atomics.wait(flag, 0, IDLE, START_TIMEOUT_MS) === 'timed-out') {
      void thread.terminate();
      throw new Error('the lint worker did not start');
    }
    this.worker = { thread, port: port1, flag };
    return this.worker;
  }
}

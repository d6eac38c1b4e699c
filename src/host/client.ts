import type { LintReply, LintRequest, WorkerReply, WorkerRequest } from './service.js';
import { systemClock, WorkerSupervisor, type Clock, type WorkerPort } from './supervisor.js';
import { unpackReply } from './wire.js';

export type { WorkerPort } from './supervisor.js';

/** The engine as the extension host sees it: in a worker, or (web fallback) loaded lazily in the host. */
export interface EngineClient {
  lint(request: LintRequest): Promise<LintReply>;
  forget(key: string): void;
  dispose(): void;
}

interface QueuedLint {
  request: LintRequest;
  resolve(reply: LintReply): void;
  reject(error: Error): void;
}

/**
 * Talks to the engine worker: lints queue here, in the order asked, and go to the worker one
 * at a time, each with the time budget in force when it starts. A lint over budget fails
 * with OverTimeBudget and its worker is replaced (WorkerSupervisor); the lints queued
 * behind it then go to the fresh worker, so nothing waits forever on a wedged one.
 */
export class WorkerEngine implements EngineClient {
  private readonly queue: QueuedLint[] = [];
  private readonly supervisor: WorkerSupervisor;
  private disposed = false;

  constructor(
    startWorker: () => WorkerPort,
    private readonly timeBudgetSeconds: () => number,
    clock: Clock = systemClock,
  ) {
    this.supervisor = new WorkerSupervisor(startWorker, clock);
  }

  lint(request: LintRequest): Promise<LintReply> {
    if (this.disposed) return Promise.reject(new Error('Fulcrum worker stopped'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  /**
   * Drops the document's parse cache. A lint for it still waiting here would make a new
   * cache after the forget: it runs without one instead (its caller gets its answer).
   */
  forget(key: string): void {
    for (const queued of this.queue) if (queued.request.key === key) queued.request = { ...queued.request, key: undefined };
    this.supervisor.forget(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new Error('Fulcrum worker stopped'));
    this.supervisor.stop('Fulcrum worker stopped');
  }

  private next(): void {
    if (this.supervisor.busy || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.supervisor
      .run(job.request, this.timeBudgetSeconds())
      .then((packed) => job.resolve(unpackReply(packed)))
      .catch((error: Error) => job.reject(error))
      .finally(() => this.next());
  }
}

/**
 * The engine in the extension host itself, for web hosts that cannot start a worker. The
 * engine module is imported on first use, so activation stays cheap even then. It has no
 * time budget: a lint on the host's own thread cannot be interrupted (the size cap still
 * applies, before any engine is asked).
 */
export class InHostEngine implements EngineClient {
  private service: Promise<(message: WorkerRequest) => WorkerReply> | undefined;
  private nextId = 1;

  private load() {
    this.service ??= import('./service.js').then((m) => m.createEngineService());
    return this.service;
  }

  async lint(request: LintRequest): Promise<LintReply> {
    const handle = await this.load();
    const answer = handle({ id: this.nextId++, kind: 'lint', request });
    if (!answer.reply) throw new Error(answer.error ?? 'no reply');
    return unpackReply(answer.reply);
  }

  forget(key: string): void {
    void this.service?.then((handle) => handle({ id: this.nextId++, kind: 'forget', key }));
  }

  dispose(): void {}
}

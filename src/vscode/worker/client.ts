import type { LintReply, LintRequest, WorkerReply, WorkerRequest } from './service.js';
import { unpackReply } from './wire.js';

/** The engine as the extension host sees it: in a worker, or (web fallback) loaded lazily in the host. */
export interface EngineClient {
  lint(request: LintRequest): Promise<LintReply>;
  forget(key: string): void;
  dispose(): void;
}

/** The few things Fulcrum needs from a worker, on either platform. */
export interface WorkerPort {
  post(message: WorkerRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  terminate(): void;
}

/** Talks to the engine worker: one request id per call, one promise per request. */
export class WorkerEngine implements EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LintReply) => void; reject: (e: Error) => void }>();

  constructor(private readonly port: WorkerPort) {
    port.onReply((reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.reply) waiting.resolve(unpackReply(reply.reply));
      else waiting.reject(new Error(reply.error ?? 'no reply'));
    });
  }

  lint(request: LintRequest): Promise<LintReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.post({ id, kind: 'lint', request });
    });
  }

  forget(key: string): void {
    this.port.post({ id: this.nextId++, kind: 'forget', key });
  }

  dispose(): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error('Fulcrum worker stopped'));
    this.pending.clear();
    this.port.terminate();
  }
}

/**
 * The engine in the extension host itself, for web hosts that cannot start a worker. The
 * engine module is imported on first use, so activation stays cheap even then.
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

import type { LintResult } from '../../core/index.js';
import type { BackgroundLinter, LintRequest } from '../analyzer.js';
import type { WorkerReply, WorkerRequest } from './service.js';

/** The few things Fulcrum needs from a worker, on either platform. */
export interface WorkerPort {
  post(message: WorkerRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  terminate(): void;
}

/** Talks to the lint worker: one request id per call, one promise per request. */
export class WorkerLinter implements BackgroundLinter {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LintResult) => void; reject: (e: Error) => void }>();

  constructor(private readonly port: WorkerPort) {
    port.onReply((reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.result) waiting.resolve(reply.result);
      else if (reply.error) waiting.reject(new Error(reply.error));
    });
  }

  lint(request: LintRequest): Promise<LintResult> {
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

import { builtinRules, Linter, ParseCache, type LintResult } from '../../core/index.js';
import type { LintRequest } from '../analyzer.js';

export type WorkerRequest = { id: number; kind: 'lint'; request: LintRequest } | { id: number; kind: 'forget'; key: string };
export type WorkerReply = { id: number; result?: LintResult; error?: string };

/**
 * What runs inside the worker (a worker thread on the desktop, a web worker on the web):
 * the same engine, with a parse cache per document so re-analysis stays incremental.
 */
export function createWorkerService(): (message: WorkerRequest) => WorkerReply {
  const caches = new Map<string, ParseCache>();
  const linters = new Map<string, Linter>();
  return (message) => {
    if (message.kind === 'forget') {
      caches.delete(message.key);
      return { id: message.id };
    }
    try {
      const { key, text, format, config } = message.request;
      const configKey = JSON.stringify(config);
      let linter = linters.get(configKey);
      if (!linter) linters.set(configKey, (linter = new Linter(builtinRules, config)));
      let cache = caches.get(key);
      if (!cache) caches.set(key, (cache = new ParseCache()));
      return { id: message.id, result: linter.lint(text, { format, cache }) };
    } catch (error) {
      return { id: message.id, error: (error as Error).message };
    }
  };
}

import { Worker } from 'node:worker_threads';
import type { WorkerPort } from './supervisor.js';
import type { WorkerReply } from './service.js';

/**
 * A lint allocates a great deal that dies young (tokens, spans, findings): with V8's default young
 * generation, a keystroke on a 100 KB document spent about a fifth of its time collecting garbage.
 * A larger one collects less often: at 96 MB collection still took 4–7 ms of a ~20 ms keystroke,
 * at 192 MB half that. V8 grows the young generation only as far as it is used, so a small
 * document's thread stays small (the server with a 100 KB document open peaked near 300 MB either
 * way). Whoever starts an engine thread passes these options (bin/fulcrum.js repeats them).
 */
export const ENGINE_THREAD_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 192 } };

/** The engine in a worker thread (desktop), as the supervisor sees it. */
export function startWorkerThread(file: string | URL): WorkerPort {
  return workerThreadPort(new Worker(file, ENGINE_THREAD_OPTIONS));
}

/** A worker thread already started (the language server starts its first one before it loads). */
export function workerThreadPort(worker: Worker): WorkerPort {
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onReply: (listener) => worker.on('message', (reply: WorkerReply) => listener(reply)),
    // An exit we asked for (terminate) comes here too; the supervisor ignores a worker it already replaced.
    onFailure: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`the Fulcrum worker stopped (exit code ${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
}

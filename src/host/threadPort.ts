import { Worker } from 'node:worker_threads';
import type { WorkerPort } from './supervisor.js';
import type { WorkerReply } from './service.js';

/** The engine in a worker thread (desktop), as the supervisor sees it. */
export function startWorkerThread(file: string | URL): WorkerPort {
  return workerThreadPort(new Worker(file));
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

/**
 * Runs a web-worker script (an IIFE bundle such as dist/web/server.js) in a Node worker thread,
 * with the little of a DedicatedWorkerGlobalScope it uses: `self` with postMessage, onmessage,
 * addEventListener and location, and a `Worker` constructor that starts nested scripts the same
 * way. Messages are structured-cloned between threads, as between a page and its workers. Every
 * worker started through this scope adds one to the shared counter in workerData.started.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import { parentPort, Worker as ThreadWorker, workerData } from 'node:worker_threads';

export interface WebWorkerData {
  /** The script's URL (file:), also its `self.location`. */
  url: string;
  /** Int32Array over a SharedArrayBuffer: [0] counts the workers started, this one included. */
  started: SharedArrayBuffer;
}

type Listener = (event: { data?: unknown; message?: string }) => void;

/** What a script sees as `new Worker(url)`: a thread running the script in a scope like this one. */
class NestedWorker {
  private readonly thread: ThreadWorker;

  constructor(url: string | URL) {
    const data: WebWorkerData = { url: String(url), started: (workerData as WebWorkerData).started };
    this.thread = new ThreadWorker(new URL(import.meta.url), { workerData: data });
  }

  postMessage(message: unknown): void {
    this.thread.postMessage(message);
  }

  addEventListener(type: 'message' | 'error', listener: Listener): void {
    if (type === 'message') this.thread.on('message', (data) => listener({ data }));
    else this.thread.on('error', (error: Error) => listener({ message: error.message }));
  }

  terminate(): void {
    void this.thread.terminate();
  }
}

function runScope(data: WebWorkerData): void {
  Atomics.add(new Int32Array(data.started), 0, 1);
  const listeners: Record<string, Listener[]> = {};
  const scope = {
    location: { href: data.url },
    onmessage: null as Listener | null,
    postMessage: (message: unknown) => parentPort!.postMessage(message),
    addEventListener: (type: string, listener: Listener) => (listeners[type] ??= []).push(listener),
  };
  parentPort!.on('message', (message) => {
    const event = { data: message };
    scope.onmessage?.(event);
    for (const listener of listeners.message ?? []) listener(event);
  });
  Object.assign(globalThis, { self: scope, Worker: NestedWorker });
  runInThisContext(readFileSync(fileURLToPath(data.url), 'utf8'), { filename: fileURLToPath(data.url) });
}

if (parentPort && (workerData as WebWorkerData | undefined)?.url) runScope(workerData as WebWorkerData);

/** Starts `scriptUrl` as a web worker would run it; the counter says how many workers it and its nested ones started. */
export function startWebWorker(scriptUrl: URL): { thread: ThreadWorker; startedCount: () => number } {
  const started = new SharedArrayBuffer(4);
  const thread = new ThreadWorker(new URL(import.meta.url), { workerData: { url: scriptUrl.href, started } satisfies WebWorkerData });
  return { thread, startedCount: () => Atomics.load(new Int32Array(started), 0) };
}

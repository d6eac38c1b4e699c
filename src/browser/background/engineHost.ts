/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The engine host: accepts the field UIs' ports and runs their texts through the engine
 * worker, one at a time, newest text per field first.
 *
 * Where the engine runs, and why. A content script cannot reliably start a worker (the
 * page's CSP governs blob: workers, and extension URLs are cross-origin to the page), and
 * running the engine in the page would block it for ~0.5 s while the NLP library starts.
 * Chrome's extension service worker cannot start workers or import() lazily, and would
 * pay that start-up on every wake (badge, popup). So in Chrome this host runs in an
 * offscreen document, created on the first focused field, and the engine in a worker it
 * starts; in Firefox, whose background is an event page with workers, the same host runs
 * in the background page. Either way the page's main thread never sees the engine, and
 * neither does the extension's own UI thread (popup, options).
 */
import type { LintRequest, WorkerReply, WorkerRequest } from '../../vscode/worker/service.js';
import { ENGINE_PORT, type EngineLintRequest, type EngineLintResponse } from '../protocol.js';
import { toEditorSettings } from '../settings.js';

/** With no request for this long, the worker stops and its memory (parse caches, the NLP lexicon) goes back. */
const IDLE_MS = 10 * 60_000;

interface Job {
  port: chrome.runtime.Port;
  request: EngineLintRequest;
  cacheKey: string;
}

export function startEngineHost(workerUrl: string): void {
  let worker: Worker | null = null;
  let nextPort = 1;
  let nextWorkerId = 1;
  /** Waiting texts, one per field: a newer text replaces an older one that has not run yet. */
  const queue = new Map<string, Job>();
  let running: { job: Job; workerId: number; started: number } | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const reply = (job: Job, response: Omit<EngineLintResponse, 'id'>) => {
    try {
      job.port.postMessage({ id: job.request.id, ...response });
    } catch {
      // the field's page went away meanwhile
    }
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const startWorker = (): Worker => {
    const started = new Worker(workerUrl);
    started.onmessage = (event: MessageEvent<WorkerReply>) => {
      const done = running;
      if (!done || event.data.id !== done.workerId) return;
      running = null;
      if (event.data.reply) reply(done.job, { reply: event.data.reply, engineMs: performance.now() - done.started });
      else reply(done.job, { error: event.data.error ?? 'the engine gave no answer' });
      pump();
    };
    started.onerror = (event) => {
      event.preventDefault();
      const failed = running;
      running = null;
      stopWorker();
      if (failed) reply(failed.job, { error: event.message || 'the engine failed' });
      pump();
    };
    return started;
  };

  const post = (message: WorkerRequest) => {
    worker ??= startWorker();
    worker.postMessage(message);
  };

  function pump(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stopWorker, IDLE_MS);
    if (running) return;
    const next = queue.entries().next();
    if (next.done) return;
    const [cacheKey, job] = next.value;
    queue.delete(cacheKey);
    const { text, format, settings, dismissals } = job.request;
    const request: LintRequest = { key: cacheKey, text, format, configText: null, settings: toEditorSettings(settings), trusted: false, dismissals };
    running = { job, workerId: nextWorkerId++, started: performance.now() };
    post({ id: running.workerId, kind: 'lint', request });
  }

  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    const portId = nextPort++;
    const keys = new Set<string>();
    port.onMessage.addListener((request: EngineLintRequest) => {
      const cacheKey = `${portId}/${request.key}`;
      keys.add(cacheKey);
      const waiting = queue.get(cacheKey);
      if (waiting) reply(waiting, { superseded: true });
      queue.set(cacheKey, { port, request, cacheKey });
      pump();
    });
    // The tab closed or navigated: drop its fields' parse caches.
    port.onDisconnect.addListener(() => {
      for (const key of keys) {
        queue.delete(key);
        if (worker) post({ id: nextWorkerId++, kind: 'forget', key });
      }
    });
  });
}

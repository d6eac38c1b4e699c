/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The engine host: accepts the field UIs' ports and runs their texts through the engine
 * worker, one at a time, taking turns between tabs (FairQueue), newest text per field.
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
 *
 * Limits. A text over the size cap is answered at once without going to the engine; a text
 * whose check runs past the time budget has its worker terminated (WorkerSupervisor) and
 * the next text starts a fresh one. Both come back to the field as a plain message. The
 * limits are the user's settings, sent with each text.
 */
import { OverTimeBudget, readBudgets, sizeRefusal, TextTooLarge } from '../../host/budgets.js';
import type { LintRequest, WorkerReply } from '../../host/service.js';
import { systemClock, WorkerSupervisor, type Clock, type WorkerPort } from '../../host/supervisor.js';
import { ENGINE_PORT, type EngineLintRequest, type EngineLintResponse } from '../protocol.js';
import { toEditorSettings } from '../settings.js';
import { FairQueue } from './fairQueue.js';

/** With no text to check for this long, the worker stops and its memory (parse caches, the NLP lexicon) goes back. */
export const IDLE_MS = 10 * 60_000;

type Respond = (response: Omit<EngineLintResponse, 'id'>) => void;

interface Job {
  portId: number;
  fieldKey: string;
  request: EngineLintRequest;
  respond: Respond;
}

/** What the user reads when a text is over a limit; null for any other failure. */
export function limitResponse(error: unknown): Omit<EngineLintResponse, 'id'> | null {
  if (error instanceof TextTooLarge) return { limit: 'size', error: `Fulcrum did not check this text: ${error.message} set in Fulcrum's options.` };
  if (error instanceof OverTimeBudget) return { limit: 'time', error: `Fulcrum stopped checking this text: ${error.message} (the limit set in Fulcrum's options). It tries again after your next change.` };
  return null;
}

/**
 * The host's logic, free of extension APIs so tests can drive it with a fake worker and
 * clock: submit texts per port, drop a port when its tab goes.
 */
export class EngineHost {
  private readonly supervisor: WorkerSupervisor;
  private readonly queue = new FairQueue<Job>();
  private idleTimer: unknown;

  constructor(
    startWorker: () => WorkerPort,
    private readonly clock: Clock = systemClock,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.supervisor = new WorkerSupervisor(startWorker, clock);
  }

  /** A text to check; an older text of the same field still waiting is answered `superseded`. */
  submit(portId: number, request: EngineLintRequest, respond: Respond): void {
    const replaced = this.queue.add({ portId, fieldKey: cacheKey(portId, request.key), request, respond });
    replaced?.respond({ superseded: true });
    this.pump();
  }

  /** The tab closed or navigated: its waiting texts are dropped, and its fields' parse caches. */
  disconnect(portId: number, fieldKeys: Iterable<string>): void {
    this.queue.dropPort(portId);
    for (const key of fieldKeys) this.supervisor.forget(cacheKey(portId, key));
  }

  /** Whether the idle timer is set (for tests: it must never be while a text waits or runs). */
  get idleTimerArmed(): boolean {
    return this.idleTimer !== undefined;
  }

  private pump(): void {
    this.disarmIdle();
    if (this.supervisor.busy) return;
    const job = this.queue.next();
    if (!job) return this.armIdle();
    const { text, format, settings, dismissals } = job.request;
    const budgets = readBudgets((key) => settings[key]);
    const tooLarge = sizeRefusal(text, budgets);
    if (tooLarge) {
      job.respond(limitResponse(tooLarge)!);
      return this.pump();
    }
    const request: LintRequest = { key: job.fieldKey, text, format, configText: null, settings: toEditorSettings(settings), trusted: false, dismissals };
    const started = this.now();
    this.supervisor
      .run(request, budgets.timeBudgetSeconds)
      .then(
        (reply) => job.respond({ reply, engineMs: this.now() - started }),
        (error: Error) => job.respond(limitResponse(error) ?? { error: error.message || 'the engine failed' }),
      )
      .finally(() => this.pump());
  }

  /** Armed only when nothing runs and nothing waits, so it can never stop a worker in the middle of a text. */
  private armIdle(): void {
    if (!this.supervisor.hasWorker) return;
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = undefined;
      if (!this.supervisor.busy) this.supervisor.stop();
    }, IDLE_MS);
  }

  private disarmIdle(): void {
    if (this.idleTimer === undefined) return;
    this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** The engine's cache key for a field: unique across ports, since each page numbers its own fields. */
function cacheKey(portId: number, fieldKey: string): string {
  return `${portId}/${fieldKey}`;
}

/** A dedicated worker as the supervisor sees it. */
function browserWorker(url: string): WorkerPort {
  const worker = new Worker(url);
  return {
    post: (message) => worker.postMessage(message),
    onReply: (listener) => (worker.onmessage = (event: MessageEvent<WorkerReply>) => listener(event.data)),
    onFailure: (listener) =>
      (worker.onerror = (event) => {
        event.preventDefault();
        listener(new Error(event.message || 'the engine failed'));
      }),
    terminate: () => worker.terminate(),
  };
}

export function startEngineHost(workerUrl: string): void {
  const host = new EngineHost(() => browserWorker(workerUrl));
  let nextPort = 1;
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    const portId = nextPort++;
    const fieldKeys = new Set<string>();
    let connected = true;
    const respond = (id: number) => (response: Omit<EngineLintResponse, 'id'>) => {
      if (!connected) return;
      try {
        port.postMessage({ id, ...response });
      } catch {
        // the field's page went away meanwhile
      }
    };
    port.onMessage.addListener((request: EngineLintRequest) => {
      fieldKeys.add(request.key);
      host.submit(portId, request, respond(request.id));
    });
    port.onDisconnect.addListener(() => {
      connected = false;
      host.disconnect(portId, fieldKeys);
    });
  });
}

/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The field UI's line to the engine, which never runs in the page: a port to the engine
 * host (an offscreen document in Chrome, the background page in Firefox) that passes each
 * text to a worker. The port is opened on first use and again after the host went away.
 */
import type { Dismissal } from '../../core/dismissals.js';
import type { TextFormat } from '../../core/types.js';
import type { LintReply } from '../../host/service.js';
import { unpackReply } from '../../host/wire.js';
import { ENGINE_PORT, type EngineLintRequest, type EngineLintResponse } from '../protocol.js';
import type { BrowserSettings } from '../settings.js';

export interface EngineAnswer {
  reply: LintReply;
  engineMs: number;
}

/** A newer text for the same field replaced this one before the engine got to it. */
export class Superseded extends Error {}

/** The text was not checked: it is over the size cap or its check ran past the time budget. The message is for the user. */
export class OverLimit extends Error {
  constructor(
    message: string,
    readonly limit: 'size' | 'time',
  ) {
    super(message);
  }
}

export class EngineClient {
  private port: chrome.runtime.Port | null = null;
  private connecting: Promise<chrome.runtime.Port> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: EngineAnswer) => void; reject: (error: Error) => void }>();

  private async connect(): Promise<chrome.runtime.Port> {
    if (this.port) return this.port;
    this.connecting ??= (async () => {
      // The background makes sure the engine host exists before anyone connects to it.
      await chrome.runtime.sendMessage({ type: 'fulcrum:ensure-engine' });
      const port = chrome.runtime.connect({ name: ENGINE_PORT });
      port.onMessage.addListener((message: EngineLintResponse) => this.settle(message));
      port.onDisconnect.addListener(() => {
        if (this.port === port) this.port = null;
        for (const waiting of this.pending.values()) waiting.reject(new Error('The Fulcrum engine stopped'));
        this.pending.clear();
      });
      this.port = port;
      return port;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private settle(message: EngineLintResponse): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.reply) waiting.resolve({ reply: unpackReply(message.reply), engineMs: message.engineMs ?? 0 });
    else if (message.superseded) waiting.reject(new Superseded());
    else if (message.limit) waiting.reject(new OverLimit(message.error ?? 'Fulcrum did not check this text.', message.limit));
    else waiting.reject(new Error(message.error ?? 'no answer from the engine'));
  }

  async lint(key: string, text: string, format: TextFormat, settings: BrowserSettings, dismissals: Dismissal[]): Promise<EngineAnswer> {
    const port = await this.connect();
    const id = this.nextId++;
    const request: EngineLintRequest = { id, key, text, format, settings, dismissals };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        port.postMessage(request);
      } catch (error) {
        this.pending.delete(id);
        this.port = null;
        reject(error as Error);
      }
    });
  }

  dispose(): void {
    this.port?.disconnect();
    this.port = null;
  }
}

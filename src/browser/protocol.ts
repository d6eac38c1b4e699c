/**
 * The messages the browser extension's parts send each other. Everything stays inside the
 * extension: the page's text travels only between the content script, the engine host and
 * its worker, over the browser's own extension messaging.
 *
 *   content.js ──load-ui──▶ background ──executeScript──▶ field-ui.js (same frame)
 *   field-ui.js ──ensure-engine──▶ background (creates the offscreen engine host in Chrome)
 *   field-ui.js ══port "fulcrum-engine"══▶ engine host ──postMessage──▶ engine-worker.js
 *   field-ui.js ──analysed──▶ background (badge, which frame the popup should ask)
 *   popup ──report──▶ field-ui.js (the frame that last analysed a focused field)
 */
import type { Dismissal } from '../core/dismissals.js';
import type { LintResult, TextFormat } from '../core/types.js';
import type { PackedReply } from '../host/wire.js';
import type { BrowserSettings } from './settings.js';

export const ENGINE_PORT = 'fulcrum-engine';

/** field-ui.js → engine host, over the port. */
export interface EngineLintRequest {
  id: number;
  /** Names the field within this port, so its parse cache survives between keystrokes. */
  key: string;
  text: string;
  format: TextFormat;
  settings: BrowserSettings;
  /** Findings dismissed as "Not an issue" on this machine. */
  dismissals: Dismissal[];
}

/** engine host → field-ui.js. `superseded`: a newer text for the same field arrived before this one ran. */
export interface EngineLintResponse {
  id: number;
  reply?: PackedReply;
  error?: string;
  /**
   * The text was not checked because it is over a limit (`size`: too large to send to the
   * engine; `time`: its check ran past the time budget and was stopped). `error` then says
   * so in words for the user; trying again at once would only fail again.
   */
  limit?: 'size' | 'time';
  superseded?: boolean;
  /** Time the worker spent on this text. */
  engineMs?: number;
}

/** Timings a field reports with each analysis; the background keeps the last ones for the speed test. */
export interface AnalysisTimings {
  reason: 'focus' | 'input' | 'settings' | 'fix' | 'dismiss';
  textLength: number;
  engineMs: number;
  /** From sending the text to having its result. */
  roundTripMs: number;
  /** Measuring and drawing the underlines on the page's main thread. */
  renderMs: number;
  /** From the field's first focus to its first underlines (first analysis only). */
  focusToUnderlinesMs?: number;
  /** Main-thread time of each keystroke since the last analysis: the input handler plus moving the underlines. */
  keystrokeMs: number[];
}

export type BackgroundMessage =
  | { type: 'fulcrum:load-ui' }
  | { type: 'fulcrum:ensure-engine' }
  | { type: 'fulcrum:analysed'; score: number | null; timings?: AnalysisTimings };

/** popup → field-ui.js */
export type TabMessage = { type: 'fulcrum:report' };

export interface FieldReport {
  result: LintResult;
  /** How the field is described to the user: "Feedback (textarea)". */
  field: string;
  omitted: number;
}

/** What the background remembers per tab (in storage.session, so a restarted service worker still knows). */
export interface TabState {
  frameId: number;
  score: number | null;
}

export const tabStateKey = (tabId: number): string => `fulcrum.tab.${tabId}`;

/** How a score reads (good / fair / poor): one definition for the popup, the badge and the editor. */
export { scoreTone } from '../report/domCharts.js';

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
 *   field-ui.js in a child frame ──card-to-top──▶ background ──card──▶ field-ui.js in the top frame
 *   field-ui.js in the top frame ──card-action──▶ background ──card-action──▶ the child frame
 *     (a field in a frame has its card drawn in the top document, so no frame edge cuts it)
 */
import type { Dismissal } from '../core/dismissals.js';
import type { Finding, Fix, LintResult, TextFormat } from '../core/types.js';
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

/** A rectangle in a viewport's coordinates, as it travels between frames. */
export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * What a child frame asks the top frame to do with the card it draws for it. `anchor` is
 * the word's rectangle in the top viewport; `refusal` the suggestion of a fix the editor
 * did not take (the card then offers to copy it).
 */
export type CardCommand =
  | { kind: 'show'; id: number; finding: Finding; anchor: ViewportRect; refusal?: string }
  | { kind: 'hide' }
  | { kind: 'hide-soon' }
  | { kind: 'cancel-hide' };

/** What the user chose in a card drawn for another frame; `closed`: the card went away. */
export type CardAction = { id: number; kind: 'fix'; fix: Fix } | { id: number; kind: 'dismiss' } | { id: number; kind: 'closed' };

export type BackgroundMessage =
  | { type: 'fulcrum:load-ui' }
  | { type: 'fulcrum:ensure-engine' }
  | { type: 'fulcrum:analysed'; score: number | null; timings?: AnalysisTimings }
  | { type: 'fulcrum:card-to-top'; command: CardCommand }
  | { type: 'fulcrum:card-action'; frameId: number; action: CardAction };

/** popup → field-ui.js; background → field-ui.js (card relays, `frameId`: the frame the card is for). */
export type TabMessage =
  | { type: 'fulcrum:report' }
  | { type: 'fulcrum:card'; frameId: number; command: CardCommand }
  | { type: 'fulcrum:card-action'; action: CardAction };

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

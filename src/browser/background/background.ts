/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The background, shared by both browsers: a Manifest V3 service worker in Chrome
 * (background.chrome.ts), an event page in Firefox (background.firefox.ts). It stays small
 * (no engine in it), so waking it for a badge or a popup costs milliseconds. It injects
 * the field UI where a field was focused, starts the engine host on demand (each browser
 * its own way), keeps the content-script registration in step with the sites the user
 * granted, and shows each tab's score on the badge.
 */
import type { AnalysisTimings, BackgroundMessage, TabMessage, TabState } from '../protocol.js';
import { tabStateKey } from '../protocol.js';
import { showScore } from './badge.js';
import { syncContentScripts } from './contentScripts.js';

/** What the end-to-end speed test reads (through the service worker's console). Timings only, never text. */
const diagnostics = { uiLoads: [] as Array<{ at: number }>, analyses: [] as AnalysisTimings[] };
(globalThis as unknown as { fulcrumDiagnostics: typeof diagnostics }).fulcrumDiagnostics = diagnostics;

function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > 500) list.shift();
}

/** Makes sure the engine host is there to accept a field's port. */
export type EnsureEngine = () => Promise<void>;

async function handle(message: BackgroundMessage, sender: chrome.runtime.MessageSender, ensureEngine: EnsureEngine): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'fulcrum:load-ui':
      if (tabId === undefined) return false;
      remember(diagnostics.uiLoads, { at: Date.now() });
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['field-ui.js'] });
      // A field in a child frame has its card drawn by the top frame: ready it now, so the
      // first card opens without a wait. Refused where the top page is not a granted site;
      // the frame then draws its card itself.
      if (sender.frameId) await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['field-ui.js'] }).catch(() => {});
      return true;
    case 'fulcrum:card-to-top': {
      if (tabId === undefined || !sender.frameId) return false;
      const relayed: TabMessage = { type: 'fulcrum:card', frameId: sender.frameId, command: message.command };
      // No field UI in the top frame (not a granted site): false, and the frame draws the card.
      return chrome.tabs.sendMessage(tabId, relayed, { frameId: 0 }).then((drawn: unknown) => drawn === true, () => false);
    }
    case 'fulcrum:card-action': {
      if (tabId === undefined || sender.frameId !== 0) return false;
      const relayed: TabMessage = { type: 'fulcrum:card-action', action: message.action };
      await chrome.tabs.sendMessage(tabId, relayed, { frameId: message.frameId }).catch(() => {});
      return true;
    }
    case 'fulcrum:ensure-engine':
      await ensureEngine();
      return true;
    case 'fulcrum:analysed': {
      if (tabId === undefined) return false;
      if (message.timings) remember(diagnostics.analyses, message.timings);
      const state: TabState = { frameId: sender.frameId ?? 0, score: message.score };
      await Promise.all([showScore(tabId, message.score), chrome.storage.session.set({ [tabStateKey(tabId)]: state })]);
      return true;
    }
    default:
      return false;
  }
}

export function startBackground(ensureEngine: EnsureEngine): void {
  chrome.runtime.onMessage.addListener((message: BackgroundMessage, sender, respond) => {
    if (!message?.type?.startsWith('fulcrum:') || sender.id !== chrome.runtime.id) return false;
    handle(message, sender, ensureEngine).then(respond, (error: Error) => respond({ error: error.message }));
    return true;
  });
  chrome.permissions.onAdded.addListener(() => void syncContentScripts());
  chrome.permissions.onRemoved.addListener(() => void syncContentScripts());
  chrome.runtime.onInstalled.addListener(() => void syncContentScripts());
  chrome.runtime.onStartup.addListener(() => void syncContentScripts());
  chrome.tabs.onRemoved.addListener((tabId) => void chrome.storage.session.remove(tabStateKey(tabId)));
}

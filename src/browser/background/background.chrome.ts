/// <reference types="chrome" />
/**
 * Chrome's background: a service worker, which can neither start a worker nor import()
 * lazily. The engine host goes into an offscreen document (engine.html), created when the
 * first field is focused; it starts the engine worker (see engineHost.ts for why).
 */
import { startBackground } from './background.js';

let creating: Promise<void> | null = null;

async function ensureOffscreenEngine(): Promise<void> {
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (existing.length) return;
  creating ??= chrome.offscreen
    .createDocument({ url: 'engine.html', reasons: [chrome.offscreen.Reason.WORKERS], justification: 'Runs the writing analysis in a worker, off the web page and off the service worker.' })
    .finally(() => {
      creating = null;
    });
  await creating;
}

startBackground(ensureOffscreenEngine);

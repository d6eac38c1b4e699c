/// <reference types="chrome" />
/**
 * Fulcrum's content script is registered at run time, for exactly the sites the user
 * granted (optional host permissions), never for every site through the manifest. This
 * keeps the registration in step with the grants, and mirrors them into storage so open
 * pages notice at once when a site is taken away.
 */
import { SITES_KEY } from '../settings.js';
import { webPatterns } from '../sites.js';

const SCRIPT_ID = 'fulcrum-content';

export async function syncContentScripts(): Promise<string[]> {
  const { origins = [] } = await chrome.permissions.getAll();
  const patterns = webPatterns(origins);
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (patterns.length === 0) {
    if (registered.length) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } else {
    // matchOriginAsFallback: editors that write in an about:srcdoc or about:blank frame
    // (TinyMCE) get the script when the page that made the frame is a granted site.
    const script = { id: SCRIPT_ID, js: ['content.js'], matches: patterns, allFrames: true, matchOriginAsFallback: true, runAt: 'document_idle' as const };
    if (registered.length) await chrome.scripting.updateContentScripts([script]);
    else await chrome.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  }
  await chrome.storage.local.set({ [SITES_KEY]: patterns });
  return patterns;
}

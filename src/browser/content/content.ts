/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The only script that runs on every page of a site the user turned Fulcrum on for. It
 * must cost next to nothing at page load: it adds one focus listener and does no other
 * work until someone focuses a multi-line text field. Then it asks the background to
 * inject the field UI (field-ui.js) into this frame, and gets out of the way.
 */
import { deepActiveElement, eligibleField } from './eligibility.js';

const marker = globalThis as unknown as { __fulcrumContent?: boolean };

function start(): void {
  let asked = false;

  const onFocus = (event: Event) => {
    if (asked || !eligibleField(event.composedPath()[0])) return;
    asked = true;
    document.removeEventListener('focusin', onFocus, true);
    chrome.runtime.sendMessage({ type: 'fulcrum:load-ui' }).catch(() => {
      // The extension was reloaded or the site switched off: stay quiet.
    });
  };

  document.addEventListener('focusin', onFocus, true);
  // A field focused before this script ran (autofocus) counts as focused now.
  const active = deepActiveElement();
  if (active && eligibleField(active)) onFocus({ composedPath: () => [active] } as unknown as Event);
}

if (!marker.__fulcrumContent) {
  marker.__fulcrumContent = true;
  start();
}

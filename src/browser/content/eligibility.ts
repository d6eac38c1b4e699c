/// <reference lib="dom" />
/**
 * Which fields Fulcrum checks: multi-line text areas and rich-text (contenteditable)
 * editors. Never an <input> (password, search, e-mail, single-line text), never a
 * read-only or disabled field, never a field the page marks data-fulcrum="off".
 * Shared by the tiny content script and the field UI, so it must stay small.
 */

export type EligibleField = HTMLTextAreaElement | HTMLElement;

/** The element that really has focus, looking inside open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The outermost element of a rich-text editor: where contenteditable starts. */
export function editingHost(element: HTMLElement): HTMLElement {
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function lineHeightPx(style: CSSStyleDeclaration): number {
  const line = parseFloat(style.lineHeight);
  return Number.isFinite(line) ? line : parseFloat(style.fontSize) * 1.2 || 16;
}

/** A text area sized for one line (chat boxes, "title" fields) is a single-line field in all but name. */
function looksSingleLine(field: HTMLElement): boolean {
  const style = getComputedStyle(field);
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  return field.clientHeight - padding < 1.8 * lineHeightPx(style);
}

export function eligibleField(target: EventTarget | null | undefined): EligibleField | null {
  // Elements from another frame's realm fail instanceof; nodeType and tagName work everywhere.
  const element = target as HTMLElement | null;
  if (!element || element.nodeType !== 1) return null;
  if (element.tagName === 'INPUT') return null;
  if (element.tagName === 'TEXTAREA') {
    const area = element as HTMLTextAreaElement;
    if (area.readOnly || area.disabled || area.dataset.fulcrum === 'off' || looksSingleLine(area)) return null;
    return area;
  }
  if (!element.isContentEditable) return null;
  const host = editingHost(element);
  if (host.dataset.fulcrum === 'off' || host.getAttribute('aria-multiline') === 'false') return null;
  if (host.closest('input, [type="password"]')) return null;
  return host;
}

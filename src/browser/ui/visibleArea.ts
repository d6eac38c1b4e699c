/// <reference lib="dom" />
/**
 * Where a field can be seen: its padding box, cut down by every ancestor that clips its
 * content (a scrolling side panel, a dialog body, an editor's own scrolling wrapper) and by
 * the viewport. Underlines are drawn only there, so they never show over the page around
 * a field scrolled out of its panel.
 */

/** The element whose box clips this one's: the parent, or a shadow root's host. */
function containerOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function paddingBoxOf(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  return new DOMRect(rect.left + element.clientLeft, rect.top + element.clientTop, element.clientWidth, element.clientHeight);
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

export function visibleArea(element: HTMLElement, box: DOMRect): DOMRect {
  const doc = element.ownerDocument;
  let visible = box;
  for (let node = containerOf(element); node && node !== doc.body && node !== doc.documentElement; node = containerOf(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') visible = intersect(visible, paddingBoxOf(node));
    // A fixed ancestor is placed against the viewport: what lies above it clips nothing.
    if (style.position === 'fixed') break;
  }
  const view = doc.defaultView;
  return view ? intersect(visible, new DOMRect(0, 0, view.innerWidth, view.innerHeight)) : visible;
}

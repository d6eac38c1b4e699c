/// <reference lib="dom" />
/**
 * Where this frame's viewport lies in the top-level viewport, found by walking up the
 * chain of <iframe> elements. Only frames that can see their parent (same origin, which
 * about:srcdoc and about:blank frames are) have an answer; null otherwise.
 */
import type { ViewportRect } from '../protocol.js';

export function offsetInTopViewport(win: Window = window): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  try {
    for (let current = win; current !== current.top; current = current.parent) {
      const frame = current.frameElement as HTMLElement | null;
      if (!frame) return null;
      // The frame's document starts inside the iframe's border and padding.
      const box = frame.getBoundingClientRect();
      const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
      x += box.left + frame.clientLeft + parseFloat(style.paddingLeft);
      y += box.top + frame.clientTop + parseFloat(style.paddingTop);
    }
  } catch {
    return null; // a cross-origin parent
  }
  return { x, y };
}

export function inTopViewport(rect: ViewportRect, offset: { x: number; y: number }): ViewportRect {
  return { left: rect.left + offset.x, top: rect.top + offset.y, width: rect.width, height: rect.height };
}

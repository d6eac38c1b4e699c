/// <reference lib="dom" />
/**
 * Measurements taken inside the page under test, independent of the extension's own code:
 * where the drawn underlines are, and where the words they should cover really are.
 */
import type { Frame, Page } from 'playwright-core';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface DrawnMark {
  rule: string;
  finding: number;
  rect: Rect;
  severity: string;
}

type Target = Page | Frame;

/** The underlines Fulcrum drew in this document, in viewport coordinates. */
export function drawnMarks(target: Target): Promise<DrawnMark[]> {
  return target.evaluate(() => {
    const root = document.querySelector('fulcrum-overlay')?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('.mark')).map((mark) => {
      const r = mark.getBoundingClientRect();
      return { rule: mark.dataset.rule ?? '', finding: Number(mark.dataset.finding), severity: mark.className.replace('mark ', '').replace(' active', ''), rect: { left: r.left, top: r.top, width: r.width, height: r.height } };
    });
  });
}

export async function waitForMarks(target: Target, predicate: (marks: DrawnMark[]) => boolean = (m) => m.length > 0, timeoutMs = 30_000): Promise<DrawnMark[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await drawnMarks(target);
    if (predicate(marks)) return marks;
    if (Date.now() > deadline) throw new Error(`underlines not as expected after ${timeoutMs} ms: ${JSON.stringify(marks.map((m) => m.rule))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Where the characters [start, end) of a text area are drawn: the test's own mirror, a
 * <div> laid over the text area with every computed style copied, then DOM ranges.
 */
export function textareaWordRects(target: Target, selector: string, start: number, end: number): Promise<Rect[]> {
  return target.evaluate(
    ({ selector, start, end }) => {
      const area = document.querySelector(selector) as HTMLTextAreaElement;
      const computed = getComputedStyle(area);
      const mirror = document.createElement('div');
      for (const property of Array.from(computed)) mirror.style.setProperty(property, computed.getPropertyValue(property));
      const rect = area.getBoundingClientRect();
      Object.assign(mirror.style, { position: 'fixed', left: `${rect.left}px`, top: `${rect.top}px`, margin: '0', whiteSpace: 'pre-wrap', overflowY: area.scrollHeight > area.clientHeight ? 'scroll' : 'hidden', visibility: 'hidden' });
      mirror.textContent = area.value;
      document.body.append(mirror);
      mirror.scrollTop = area.scrollTop;
      const range = document.createRange();
      range.setStart(mirror.firstChild!, start);
      range.setEnd(mirror.firstChild!, end);
      const rects = Array.from(range.getClientRects())
        .filter((r) => r.width >= 1)
        .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
      mirror.remove();
      return rects;
    },
    { selector, start, end },
  );
}

/** Where the nth occurrence of a phrase in an element's text nodes is drawn. */
export function domWordRects(target: Target, selector: string, phrase: string, occurrence = 0): Promise<Rect[]> {
  return target.evaluate(
    ({ selector, phrase, occurrence }) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        let index = node.data.indexOf(phrase);
        while (index >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + phrase.length);
            return Array.from(range.getClientRects())
              .filter((r) => r.width >= 1)
              .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
          }
          index = node.data.indexOf(phrase, index + 1);
        }
      }
      return [];
    },
    { selector, phrase, occurrence },
  );
}

export function sameRects(actual: Rect[], expected: Rect[], tolerance = 2): boolean {
  if (actual.length !== expected.length || expected.length === 0) return false;
  const sort = (rects: Rect[]) => [...rects].sort((a, b) => a.top - b.top || a.left - b.left);
  const a = sort(actual);
  const e = sort(expected);
  return a.every((r, i) => (['left', 'top', 'width', 'height'] as const).every((k) => Math.abs(r[k] - e[i][k]) <= tolerance));
}

export function centre(rect: Rect): { x: number; y: number } {
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/// <reference lib="dom" />
/**
 * The text of a rich-text editor as the engine reads it, and the way back from an offset
 * in that text to a place in the DOM. Text nodes give the characters; blocks (paragraphs,
 * divs, list items, headings) and <br>s give line breaks that exist in no text node. Those
 * are added as "virtual" text, and headings and list items get a Markdown marker, so the
 * engine sees "## Next steps" as a heading and "- Sam will …" as an action item.
 */

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const LINE_BLOCKS = new Set(['LI', 'TR', 'TD', 'TH', 'DT', 'DD']);

interface TextSegment {
  /** Offset of the node's first character in the extracted text. */
  start: number;
  node: Text;
}

export interface EditableText {
  text: string;
  /** Text nodes in document order; the characters between them are virtual. */
  segments: TextSegment[];
}

/** Collapsible white space (the normal case in HTML) turns newlines into spaces, one for one. */
function keepsNewlines(element: Element | null, cache: Map<Element, boolean>): boolean {
  if (!element) return false;
  let keeps = cache.get(element);
  if (keeps === undefined) {
    const ws = getComputedStyle(element).whiteSpace;
    keeps = ws.startsWith('pre') || ws === 'break-spaces';
    cache.set(element, keeps);
  }
  return keeps;
}

export function extractText(root: HTMLElement): EditableText {
  let text = '';
  const segments: TextSegment[] = [];
  const whiteSpace = new Map<Element, boolean>();

  /** Where the last list or heading marker ended: a block right after one continues its line. */
  let markerEnd = -1;

  /** Ends the current line; `blank` leaves an empty line after it, as between paragraphs. */
  const breakLine = (blank: boolean) => {
    if (text === '' || text.length === markerEnd) return;
    if (!text.endsWith('\n')) text += '\n';
    if (blank && !text.endsWith('\n\n')) text += '\n';
  };

  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data === '') return;
      segments.push({ start: text.length, node: node as Text });
      text += keepsNewlines(node.parentElement, whiteSpace) ? data : data.replace(/[\r\n\t]/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      text += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    // List items and table cells are lines; everything else is a paragraph with a blank line around it.
    const blank = !LINE_BLOCKS.has(tag);
    if (block) {
      breakLine(blank);
      if (/^H[1-6]$/.test(tag)) text += `${'#'.repeat(Number(tag[1]))} `;
      else if (tag === 'LI') text += element.parentElement?.tagName === 'OL' ? '1. ' : '- ';
      if (/^(H[1-6]|LI)$/.test(tag)) markerEnd = text.length;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (block) {
      markerEnd = -1; // an empty list item still ends its line
      breakLine(blank);
    }
  };

  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  return { text: text.replace(/\n+$/, ''), segments };
}

/** The last segment starting at or before `offset`. */
function segmentIndexAt(segments: TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The DOM place of an offset. Inside a text node it is exact; in virtual text (a line
 * break between blocks, a list marker) it is the end of the text before it, or, for a
 * start, the beginning of the text after it.
 */
export function domPoint(extracted: EditableText, offset: number, bias: 'start' | 'end'): { node: Text; offset: number } | null {
  const { segments } = extracted;
  if (segments.length === 0) return null;
  const index = segmentIndexAt(segments, offset);
  if (index < 0) return { node: segments[0].node, offset: 0 };
  const segment = segments[index];
  const within = offset - segment.start;
  if (within <= segment.node.data.length) return { node: segment.node, offset: within };
  const next = segments[index + 1];
  if (bias === 'start' && next) return { node: next.node, offset: 0 };
  return { node: segment.node, offset: segment.node.data.length };
}

export function domRange(extracted: EditableText, start: number, end: number): Range | null {
  const from = domPoint(extracted, start, 'start');
  const to = domPoint(extracted, end, 'end');
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  if (range.collapsed && start !== end) range.setStart(to.node, to.offset);
  return range;
}

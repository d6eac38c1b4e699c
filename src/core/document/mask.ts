import type { TextFormat } from '../types.js';

/**
 * Turns a document into "prose only" text of exactly the same length: everything that is
 * not prose (code, front matter, HTML, URLs, e-mail addresses, link targets, Markdown
 * markup) is overwritten with spaces. Line breaks are kept, so every offset into the
 * masked text is also an offset into the original. Rules never see the masked-out parts.
 *
 * A line scanner rather than a full CommonMark parser: micromark costs ~5 ms/KB, as much
 * as the NLP itself, and linting needs only to know what is prose.
 */

export type LineKind =
  | 'blank'
  | 'code'
  | 'front-matter'
  | 'heading'
  | 'setext-underline'
  | 'list-item'
  | 'table'
  | 'rule'
  | 'text';

export interface MaskedLine {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
  kind: LineKind;
  /** Leading indentation width of the original line (tabs count as 4). */
  indent: number;
  headingLevel?: number;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface MaskedDocument {
  masked: string;
  lines: MaskedLine[];
  frontMatter: string | null;
  /** The closed HTML comments outside code and front matter: the only places suppression directives count. */
  comments: TextRange[];
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})/;
const HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT_OR_RULE = /^ {0,3}(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$/;
const LIST_MARKER = /^([ \t]*)(?:[-*+•]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const BLOCKQUOTE = /^(?: {0,3}>[ \t]?)+/;
const DELIMITER_CELL = /^:?-{2,}:?$/;

/**
 * A table's delimiter row ("| --- | :--: |"). Checked cell by cell: one regular expression for
 * the whole row backtracks quadratically on a long line of spaces ending in "|".
 */
function isTableDelimiter(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => DELIMITER_CELL.test(cell.replace(/^[ \t]+|[ \t]+$/g, '')));
}
/** "[label]: https://…" (an optional quoted title may follow); "[Owner]: send the deck" is prose. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*<?\S+>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

/** Plain text has no code: every closed comment counts. */
const CLOSED_HTML_COMMENT = /<!--[\s\S]*?-->/g;
const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';
const BACKTICK_RUN = /`+/g;
const AUTOLINK = /<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
// Link and image text stops at the next "[": on a line of unclosed brackets each one
// would otherwise scan to the end of the line (quadratic time on long lines).
const IMAGE = /!\[[^[\]\n]*\]\([^)\n]*\)/g;
const LINK = /\[([^[\]\n]*)\](\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])/g;
/** A bare URL; parentheses only in balanced pairs, so "(see https://x.org/a)" keeps its ")" but ".../Foo_(bar)" is whole. */
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)(?:[^\s<>"'`()]|\([^\s<>"'`()]*\))*(?:[^\s<>"'`.,;:!?()\]]|\([^\s<>"'`()]*\))/g;
// The lookbehind starts a match only where a run of address characters starts; without
// it a long run with no "@" (a base64 image) is rescanned from every character.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const EMPHASIS = /\*{1,3}|~~|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])|\\(?=[\\`*_{}[\]()#+\-.!|>~])/gu;

/** Counts blankOut calls, so a line nothing was masked in can be read from the source (no array join). */
let blankCount = 0;

const SPACE = 32;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const PIPE = 124;

/**
 * The document being masked, one UTF-16 code unit per slot: a typed array rather than
 * `text.split('')`, whose million one-character strings for a 1 MB document cost more
 * (in allocation and garbage collection) than all the masking itself.
 */
type CodeUnits = Uint16Array;

function codeUnitsOf(text: string): CodeUnits {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** The text of units[start, end), read in chunks (argument lists have a length limit). */
function textOf(units: CodeUnits, start: number, end: number): string {
  const CHUNK = 8192;
  let out = '';
  // `apply` takes the typed array as it is; spreading it first builds an array and is ten times slower.
  for (let i = start; i < end; i += CHUNK) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  return out;
}

function blankOut(chars: CodeUnits, start: number, end: number): void {
  blankCount++;
  for (let i = start; i < end; i++) {
    const ch = chars[i];
    if (ch !== LINE_FEED && ch !== CARRIAGE_RETURN) chars[i] = SPACE;
  }
}

function blankMatches(chars: CodeUnits, lineText: string, lineStart: number, pattern: RegExp): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(lineText); m; m = pattern.exec(lineText)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    blankOut(chars, lineStart + m.index, lineStart + m.index + m[0].length);
  }
}

/**
 * Code spans as CommonMark reads them: a run of backticks opens one that the next run of the
 * same length closes; an opening run that is never closed is literal text. Each run is looked
 * at once (a regular expression with a back-reference was quadratic on a line of backticks).
 */
function maskCodeSpans(chars: CodeUnits, lineText: string, lineStart: number): void {
  if (!lineText.includes('`')) return;
  const runs = [...lineText.matchAll(BACKTICK_RUN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // For each run, the index of the next run of the same length (-1 if none), found right to left.
  const nextSameLength = new Array<number>(runs.length);
  const latestOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i].end - runs[i].start;
    nextSameLength[i] = latestOfLength.get(length) ?? -1;
    latestOfLength.set(length, i);
  }
  for (let i = 0; i < runs.length; ) {
    const closer = nextSameLength[i];
    if (closer < 0) {
      i++;
      continue;
    }
    blankOut(chars, lineStart + runs[i].start, lineStart + runs[closer].end);
    i = closer + 1;
  }
}

function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function splitLines(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      lines.push({ start, end: i });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

function findFrontMatterEnd(text: string, lines: Array<{ start: number; end: number }>): number {
  const first = text.slice(lines[0].start, lines[0].end).replace(/^\uFEFF/, '');
  if (first.trimEnd() !== '---' || lines.length < 2) return -1;
  for (let i = 1; i < lines.length; i++) {
    const line = text.slice(lines[i].start, lines[i].end).trimEnd();
    if (line === '---' || line === '...') return i;
  }
  return -1;
}

/** Where the code span opened by the backtick run at `tick` ends (after its closing run), or -1 when the run is never closed. */
function codeSpanEnd(line: string, tick: number): number {
  let run = 0;
  while (line[tick + run] === '`') run++;
  for (let j = tick + run; j < line.length; ) {
    if (line[j] !== '`') {
      j++;
      continue;
    }
    let k = j;
    while (line[k] === '`') k++;
    if (k - j === run) return k;
    j = k;
  }
  return -1;
}

/**
 * Masks the HTML comments in text[from, end) (one line) and records them. A "<!--" inside
 * a code span is code, not a comment, so a document that shows a directive in backticks
 * does not switch its own rules off. Returns the start of a comment that stays open past
 * the end of the line, or -1. `lastClose` is the last "-->" of the whole text: whether a
 * comment can close on a later line is known without searching the rest of the text.
 */
function maskLineComments(chars: CodeUnits, text: string, from: number, end: number, lastClose: number, comments: TextRange[]): number {
  const line = text.slice(from, end);
  let tick = line.indexOf('`');
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf(COMMENT_OPEN, i);
    if (open < 0) return -1;
    if (tick >= 0 && tick < i) tick = line.indexOf('`', i);
    if (tick >= 0 && tick < open) {
      const spanEnd = codeSpanEnd(line, tick);
      i = spanEnd > 0 ? spanEnd : tick + 1;
      continue;
    }
    const close = line.indexOf(COMMENT_CLOSE, open + COMMENT_OPEN.length);
    if (close >= 0) {
      blankOut(chars, from + open, from + close + COMMENT_CLOSE.length);
      comments.push({ start: from + open, end: from + close + COMMENT_CLOSE.length });
      i = close + COMMENT_CLOSE.length;
      continue;
    }
    // "<!--" in running text that never closes is literal text in CommonMark, not a
    // comment that hides the rest of the document. No later "<!--" on this line can
    // close on it either, so the rest of the line is text too.
    const startsLine = line.slice(0, open).trim() === '';
    if (!startsLine && lastClose < end) return -1;
    blankOut(chars, from + open, end);
    return from + open;
  }
  return -1;
}

/** Masks every closed comment of a plain-text document. */
function maskTextComments(chars: CodeUnits, text: string, comments: TextRange[]): void {
  CLOSED_HTML_COMMENT.lastIndex = 0;
  for (let m = CLOSED_HTML_COMMENT.exec(text); m; m = CLOSED_HTML_COMMENT.exec(text)) {
    blankOut(chars, m.index, m.index + m[0].length);
    comments.push({ start: m.index, end: m.index + m[0].length });
  }
}

/** Masks inline non-prose in one prose line. */
function maskInline(chars: CodeUnits, lineText: string, lineStart: number, format: TextFormat): void {
  if (format === 'markdown') {
    maskCodeSpans(chars, lineText, lineStart);
    // Each pattern is tried only on a line holding the character it cannot match without: every
    // prose line is masked again on each keystroke, and most lines hold none of them.
    const angle = lineText.includes('<');
    if (angle) blankMatches(chars, lineText, lineStart, AUTOLINK);
    if (lineText.includes('![')) blankMatches(chars, lineText, lineStart, IMAGE);
    if (angle) blankMatches(chars, lineText, lineStart, HTML_TAG);
  }
  if (lineText.includes('://') || lineText.includes('www.')) blankMatches(chars, lineText, lineStart, URL);
  if (lineText.includes('@')) blankMatches(chars, lineText, lineStart, EMAIL);
  if (format === 'markdown') {
    // "[text](target)" and "[text][ref]": keep the text, mask the brackets and the target.
    LINK.lastIndex = 0;
    for (let m = lineText.includes('[') ? LINK.exec(lineText) : null; m; m = LINK.exec(lineText)) {
      const open = lineStart + m.index;
      blankOut(chars, open, open + 1);
      blankOut(chars, open + 1 + m[1].length, open + m[0].length);
    }
    // Emphasis markers inside code spans or URLs are already blank; matching the line as written is enough.
    blankMatches(chars, lineText, lineStart, EMPHASIS);
  }
}

export function maskDocument(text: string, format: TextFormat): MaskedDocument {
  const chars = codeUnitsOf(text);
  let lineMarker = -1;
  /** The current line as masked so far: straight from the source while nothing in it has been masked. */
  const readLine = (start: number, end: number): string => (blankCount === lineMarker ? text.slice(start, end) : textOf(chars, start, end));
  const rawLines = splitLines(text);
  const lines: MaskedLine[] = [];
  const comments: TextRange[] = [];
  let frontMatter: string | null = null;

  if (format === 'text') maskTextComments(chars, text, comments);
  // Those comments were masked before the line loop, so lines cannot be read from the source as written.
  const maskedUpFront = comments.length > 0;

  let firstContentLine = 0;
  if (format === 'markdown') {
    const fmEnd = findFrontMatterEnd(text, rawLines);
    if (fmEnd > 0) {
      frontMatter = text.slice(rawLines[1].start, rawLines[fmEnd].start).replace(/\r?\n$/, '');
      for (let i = 0; i <= fmEnd; i++) {
        blankOut(chars, rawLines[i].start, rawLines[i].end);
        lines.push({ ...rawLines[i], kind: 'front-matter', indent: 0 });
      }
      firstContentLine = fmEnd + 1;
    }
  }

  let fence: { char: string; length: number } | null = null;
  /** Start of an HTML comment that spans lines, or -1. Comments are found line by line so code keeps its "<!--" literal. */
  let openComment = -1;
  const lastClose = text.lastIndexOf(COMMENT_CLOSE);
  let previous: LineKind = 'blank';
  let inList = false;

  for (let i = firstContentLine; i < rawLines.length; i++) {
    lineMarker = maskedUpFront ? -1 : blankCount;
    const { start, end } = rawLines[i];
    const original = text.slice(start, end);
    const indent = indentWidth(original);
    const push = (kind: LineKind, headingLevel?: number) => {
      lines.push({ start, end, kind, indent, headingLevel });
      previous = kind;
    };

    if (format === 'markdown') {
      if (fence) {
        blankOut(chars, start, end);
        const close = original.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/);
        if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
        push('code');
        continue;
      }
      // Where this line's own content starts: after the end of a comment carried over from above.
      let from = start;
      if (openComment >= 0) {
        const close = original.indexOf(COMMENT_CLOSE);
        if (close < 0) {
          blankOut(chars, start, end);
          push('blank');
          continue;
        }
        from = start + close + COMMENT_CLOSE.length;
        blankOut(chars, start, from);
        comments.push({ start: openComment, end: from });
        openComment = -1;
      }
      if (from === start) {
        if (original.trim() === '') {
          push('blank');
          continue;
        }
        const open = original.match(FENCE_OPEN);
        if (open) {
          fence = { char: open[2][0], length: open[2].length };
          blankOut(chars, start, end);
          push('code');
          continue;
        }
        // Indented code is judged on the original line: a comment masked to spaces is no indentation.
        if (indent >= 4 && (previous === 'blank' || previous === 'code') && !inList) {
          blankOut(chars, start, end);
          push('code');
          continue;
        }
      }
      openComment = maskLineComments(chars, text, from, end, lastClose, comments);
    }

    const lineText = readLine(start, end);
    if (lineText.trim() === '') {
      // A line that held only a comment still separates nothing: treat it as blank.
      push('blank');
      continue;
    }

    if (format === 'markdown') {
      if (REFERENCE_DEFINITION.test(lineText)) {
        blankOut(chars, start, end);
        push('blank');
        continue;
      }
      // Block quotes are prose: drop the markers and classify what follows.
      const quote = lineText.match(BLOCKQUOTE);
      if (quote) blankOut(chars, start, start + quote[0].length);
    }

    const content = readLine(start, end);
    if (format === 'markdown' && SETEXT_OR_RULE.test(content)) {
      blankOut(chars, start, end);
      const isUnderline = (previous as LineKind) === 'text' && /^ {0,3}(=+|-+)[ \t]*$/.test(content);
      if (isUnderline && lines.length > 0) {
        lines[lines.length - 1].kind = 'heading';
        lines[lines.length - 1].headingLevel = content.includes('=') ? 1 : 2;
      }
      push(isUnderline ? 'setext-underline' : 'rule');
      inList = false;
      continue;
    }

    const heading = format === 'markdown' ? content.match(HEADING) : null;
    if (heading) {
      blankOut(chars, start, start + heading[0].length);
      const closing = content.match(/[ \t]#+[ \t]*$/);
      if (closing) blankOut(chars, start + (closing.index ?? 0), end);
      maskInline(chars, content, start, format);
      push('heading', heading[2].length);
      inList = false;
      continue;
    }

    const delimiterRow = format === 'markdown' && content.includes('|') && isTableDelimiter(content);
    if (delimiterRow || (format === 'markdown' && /^\s*\|/.test(content))) {
      if (delimiterRow) blankOut(chars, start, end);
      else {
        maskInline(chars, content, start, format);
        for (let c = start; c < end; c++) if (chars[c] === PIPE) chars[c] = SPACE;
      }
      push('table');
      continue;
    }

    const marker = content.match(LIST_MARKER);
    if (marker) {
      blankOut(chars, start, start + marker[0].length);
      maskInline(chars, content, start, format);
      push('list-item');
      inList = true;
      continue;
    }

    maskInline(chars, content, start, format);
    if (previous === 'blank' && indent === 0) inList = false;
    push('text');
  }

  return { masked: textOf(chars, 0, chars.length), lines, frontMatter, comments };
}

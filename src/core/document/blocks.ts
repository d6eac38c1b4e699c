import type { MaskedDocument } from './mask.js';

export type BlockKind = 'heading' | 'label' | 'paragraph' | 'list-item' | 'table-row';

/** A unit of prose: a heading, a paragraph, one list item or one table row. */
export interface BlockSpan {
  kind: BlockKind;
  start: number;
  end: number;
  /** Index of the section (run of blocks under one heading or label) this block belongs to. */
  section: number;
  headingLevel?: number;
}

export interface Section {
  /** Heading or label text, or null for the blocks before the first heading. */
  title: string | null;
  start: number;
  blocks: number[];
}

/** A short line ending with a colon works as a heading in notes: "Next steps:", "Action items:". */
const LABEL = /^[^.!?]{1,60}:\s*$/;
/** A short line with no sentence punctuation right above a list works as one too: "Actions", "Todo". */
const TITLE_ABOVE_LIST = /^[^.!?:;,]{1,40}$/;

/**
 * The most prose one block holds. A paragraph longer than this (a pasted log, a PDF dump with
 * no line breaks) is cut into pieces, so the tokeniser and every per-block scan see bounded
 * input and a document's analysis time grows linearly with its length.
 */
export const MAX_BLOCK_CHARS = 4000;

/**
 * Where to cut an over-long block: after the last sentence stop in the window's second half,
 * else at its last whitespace, else (one letterless run) at the limit, never inside a
 * surrogate pair.
 */
function cutPoint(text: string, start: number, end: number): number {
  const limit = start + MAX_BLOCK_CHARS;
  if (end <= limit) return end;
  const windowStart = start + MAX_BLOCK_CHARS / 2;
  const window = text.slice(windowStart, limit);
  let afterStop = -1;
  for (const stop of window.matchAll(/[.!?…]["'”’)]*\s/gu)) afterStop = stop.index + stop[0].length;
  if (afterStop > 0) return windowStart + afterStop;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  if (space >= 0) return windowStart + space + 1;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function trimmedRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Notes are often typed without blank lines: "Thanks all.\nNext steps:\n- …" or a label
 * right after a list. Such a label line starts its own section when the block before it
 * is a finished sentence or an unindented line after a list item; otherwise ("three
 * things\nfor the quarter:") it goes on the sentence it continues.
 */
function labelEndsBlock(masked: string, open: { kind: BlockKind; start: number; end: number }, indent: number): boolean {
  if (open.kind === 'list-item') return indent === 0;
  if (open.kind !== 'paragraph') return false;
  // Only the paragraph's last characters matter: slicing all of it for every label line is quadratic.
  let last = open.end;
  while (last > open.start && /\s/.test(masked[last - 1])) last--;
  return /[.!?…]["'”’)]*$/.test(masked.slice(Math.max(open.start, last - 16), last));
}

export function buildBlocks(doc: MaskedDocument): { blocks: BlockSpan[]; sections: Section[] } {
  const { masked, lines } = doc;
  const blocks: BlockSpan[] = [];
  const sections: Section[] = [{ title: null, start: 0, blocks: [] }];
  let open: { kind: BlockKind; start: number; end: number; indent: number; aboveList?: boolean } | null = null;

  const startSection = (title: string, start: number) => {
    sections.push({ title, start, blocks: [] });
  };

  const close = () => {
    if (!open) return;
    const [start, end] = trimmedRange(masked, open.start, open.end);
    const openKind = open.kind;
    const aboveList = open.aboveList === true;
    open = null;
    if (start >= end) return;
    const text = masked.slice(start, end);
    const titleLike = LABEL.test(text) || (aboveList && TITLE_ABOVE_LIST.test(text));
    const kind: BlockKind = openKind === 'paragraph' && !text.includes('\n') && titleLike ? 'label' : openKind;
    if (kind === 'label') startSection(text.replace(/:\s*$/, '').trim(), start);
    for (let pieceStart = start; pieceStart < end; ) {
      const cut = cutPoint(masked, pieceStart, end);
      const [from, to] = trimmedRange(masked, pieceStart, cut);
      pieceStart = cut;
      if (from >= to) continue;
      sections[sections.length - 1].blocks.push(blocks.length);
      blocks.push({ kind, start: from, end: to, section: sections.length - 1 });
    }
  };

  for (const line of lines) {
    switch (line.kind) {
      case 'blank':
      case 'code':
      case 'front-matter':
      case 'rule':
      case 'setext-underline':
        close();
        break;
      case 'heading': {
        close();
        const [start, end] = trimmedRange(masked, line.start, line.end);
        if (start < end) {
          startSection(masked.slice(start, end).replace(/\s+/g, ' '), start);
          sections[sections.length - 1].blocks.push(blocks.length);
          blocks.push({ kind: 'heading', start, end, section: sections.length - 1, headingLevel: line.headingLevel });
        }
        break;
      }
      case 'table':
        close();
        open = { kind: 'table-row', start: line.start, end: line.end, indent: line.indent };
        close();
        break;
      case 'list-item':
        if (open?.kind === 'paragraph') open.aboveList = true;
        close();
        open = { kind: 'list-item', start: line.start, end: line.end, indent: line.indent };
        break;
      case 'text': {
        const isLabel = LABEL.test(masked.slice(line.start, line.end).trim());
        if (open && isLabel && labelEndsBlock(masked, open, line.indent)) close();
        if (open) {
          open.end = line.end;
        } else {
          open = { kind: 'paragraph', start: line.start, end: line.end, indent: line.indent };
        }
        // A label line ("Next steps:") stands alone even without a blank line after it.
        if (open.kind === 'paragraph' && open.start === line.start && isLabel) close();
        break;
      }
    }
  }
  close();
  return { blocks, sections };
}

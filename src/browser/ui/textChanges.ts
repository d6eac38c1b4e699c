/**
 * Pure text bookkeeping for a field between analyses: where the text changed, how the
 * underlines move with it, and how a fix's edits become one edit (one undo step).
 */
import type { Fix, TextEdit, TextFormat } from '../../core/types.js';

/** The span an edit replaced: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one contiguous change between two texts (common prefix and suffix kept), or null when equal. */
export function diffTexts(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Moves underlines with the typing before the next analysis arrives: spans before the
 * change stay, spans after it shift, spans the change touches disappear until the engine
 * has looked again.
 */
export function shiftSpans<T extends Span>(spans: readonly T[], change: TextChange): T[] {
  const delta = change.newEnd - change.oldEnd;
  const kept: T[] = [];
  for (const span of spans) {
    if (span.end <= change.start) kept.push(span);
    else if (span.start >= change.oldEnd) kept.push({ ...span, start: span.start + delta, end: span.end + delta });
  }
  return kept;
}

/**
 * A fix may hold several edits; applying them as one replacement of the text between the
 * first and the last keeps them one step for Ctrl+Z.
 */
export function mergeFixEdits(text: string, fix: Fix): TextEdit | null {
  if (fix.edits.length === 0) return null;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const start = edits[0].start;
  const end = Math.max(...edits.map((e) => e.end));
  let replacement = '';
  let cursor = start;
  for (const edit of edits) {
    if (edit.start < cursor) return null; // overlapping edits: not a fix we can apply in one go
    replacement += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  replacement += text.slice(cursor, end);
  return { start, end, text: replacement };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/**
 * The same edit with something to insert: a pure deletion also replaces the character
 * before it (or after it, at a line start) with itself, for input paths that cannot insert
 * nothing (an empty paste).
 */
export function withInsertedText(text: string, edit: TextEdit): TextEdit {
  if (edit.text !== '') return edit;
  if (edit.start > 0 && text[edit.start - 1] !== '\n') return { start: edit.start - 1, end: edit.end, text: text[edit.start - 1] };
  if (edit.end < text.length && text[edit.end] !== '\n') return { start: edit.start, end: edit.end + 1, text: text[edit.end] };
  return edit;
}

/** The first "[placeholder]" a fix left in the text, so the user can type over it. */
export function firstPlaceholder(text: string, from: number, to: number): Span | null {
  const m = /\[[^\]\n]{1,80}\]/.exec(text.slice(from, to));
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
}

/**
 * Text areas are plain text, except where people write Markdown (issue trackers, wikis):
 * headings, fences or links make the engine read it as Markdown, so "## Next steps" counts
 * as a heading and code is skipped.
 */
export function guessFormat(text: string): TextFormat {
  return /^(#{1,6} \S|```|~~~)|\]\([^)\s]+\)/m.test(text) ? 'markdown' : 'text';
}

import type { Finding } from '../core/types.js';

/**
 * The first lint of a long document is published twice: first the findings of its top, where
 * the editor opens it, then all of them. The engine's first lint after start-up is its slowest
 * (the NLP library tags every paragraph for the first time): on a 100 KB review the writer
 * would wait about a second longer for any underline than on a short one. Linting the top first
 * costs little more in all, since the full lint that follows reuses the top's parse (same
 * engine key).
 *
 * The preview is provisional: it holds only inline findings that lie wholly in the top, and
 * the full lint decides the document's kind from all of it, so a preview finding can still
 * change. The full lint's publish is the document's result, the same as one lint of the whole
 * text, and only it becomes the document's analysis (code actions, hover, score).
 */

/** Documents shorter than this are linted whole at once: their first lint is quick enough. */
export const PREVIEW_MIN_CHARS = 16_000;
/** About how much of the top is linted first: a few screens. */
export const PREVIEW_CHARS = 8_000;

/** A blank line (a paragraph break) ends the top: blocks before it parse as they do in the whole text. */
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/g;

/**
 * Where the top of the text ends (after the first line break of a paragraph break at or past
 * PREVIEW_CHARS), or null when the text is linted whole: it is short, or it has no paragraph
 * break soon enough after PREVIEW_CHARS for the top to be much shorter than the whole.
 */
export function previewCut(text: string): number | null {
  if (text.length < PREVIEW_MIN_CHARS) return null;
  PARAGRAPH_BREAK.lastIndex = PREVIEW_CHARS;
  const paragraphBreak = PARAGRAPH_BREAK.exec(text);
  if (!paragraphBreak || paragraphBreak.index > PREVIEW_MIN_CHARS) return null;
  return paragraphBreak.index + 1;
}

/** What a preview shows: inline findings that end before the cut (document checks need the whole text). */
export function previewFindings(findings: readonly Finding[], cut: number): Finding[] {
  return findings.filter((f) => f.scope === 'inline' && f.range.end.offset < cut);
}

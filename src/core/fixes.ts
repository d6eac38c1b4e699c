import type { ParsedDocument } from './document/parse.js';
import type { Hit } from './detectors/hit.js';
import type { Fix, FixSpec, TextEdit } from './types.js';

/**
 * Fixes are data (a rule's `fix`); this module turns one into concrete edits for one
 * finding, and applies edits to text. Placeholders such as [date] stay visible so the
 * writer fills them in; a fix with placeholders is never "safe".
 */

const PLACEHOLDER = /\[[a-z][a-z /'’-]*\]/;

/** A replacement that starts a sentence starts with a capital, like the words it replaces. */
function matchCase(replacement: string, hit: Hit): string {
  const startsSentence = hit.sentence !== undefined && hit.sentence.start === hit.start;
  if (startsSentence && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

function fill(template: string, hit: Hit): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => hit.values[key] ?? whole);
}

function lineBreakOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

function withLineBreaks(text: string, source: string): string {
  return text.replace(/\n/g, lineBreakOf(source));
}

/** Where a document-level finding points: the place its fix would go. */
export function documentAnchor(spec: FixSpec | undefined, doc: ParsedDocument): { start: number; end: number } {
  if (spec?.kind === 'insert-after-first-block') {
    const first = doc.blocks.find((b) => b.kind !== 'heading') ?? doc.blocks[0];
    if (first) return { start: first.start, end: first.end };
  }
  const last = doc.blocks[doc.blocks.length - 1];
  if (last) {
    const lineStart = Math.max(doc.source.lastIndexOf('\n', last.end - 1) + 1, last.start);
    return { start: lineStart, end: last.end };
  }
  return { start: doc.source.length, end: doc.source.length };
}

function deletionRange(source: string, start: number, end: number): [number, number] {
  if (source[end] === ' ') return [start, end + 1];
  if (source[start - 1] === ' ') return [start - 1, end];
  return [start, end];
}

export function buildFix(spec: FixSpec | undefined, hit: Hit, doc: ParsedDocument): Fix | null {
  if (!spec) return null;
  const { source } = doc;
  const edits: TextEdit[] = [];
  let text = '';
  switch (spec.kind) {
    case 'replace': {
      const template = hit.replacement ?? spec.text;
      if (template === undefined) return null;
      text = matchCase(fill(template, hit), hit);
      edits.push({ start: hit.start, end: hit.end, text });
      break;
    }
    case 'delete': {
      const [start, end] = deletionRange(source, hit.start, hit.end);
      // "I guess the estimates were wrong" → "The estimates were wrong": the word that now starts the sentence gets its capital.
      const nowFirst = source[end];
      const startsSentence = hit.sentence !== undefined && hit.sentence.start === hit.start;
      if (startsSentence && nowFirst !== undefined && /\p{Ll}/u.test(nowFirst)) edits.push({ start, end: end + 1, text: nowFirst.toUpperCase() });
      else edits.push({ start, end, text: '' });
      break;
    }
    case 'replace-sentence':
      if (!hit.sentence) return null;
      text = fill(spec.text, hit);
      edits.push({ start: hit.sentence.start, end: hit.sentence.end, text });
      break;
    case 'insert-sentence-end':
      if (!hit.sentence) return null;
      text = fill(spec.text, hit);
      edits.push({ start: hit.sentence.wordsEnd, end: hit.sentence.wordsEnd, text });
      break;
    case 'insert-after-match':
      text = fill(spec.text, hit);
      edits.push({ start: hit.end, end: hit.end, text });
      break;
    case 'insert-before-unit':
      if (!hit.sentence) return null;
      text = fill(spec.text, hit);
      edits.push({ start: hit.sentence.start, end: hit.sentence.start, text });
      break;
    case 'append-document': {
      text = doc.format === 'markdown' ? spec.markdown : spec.text;
      const trimmedEnd = source.replace(/\s+$/, '').length;
      const body = `${trimmedEnd === 0 ? '' : '\n\n'}${text}\n`;
      edits.push({ start: trimmedEnd, end: source.length, text: withLineBreaks(body, source) });
      break;
    }
    case 'insert-after-first-block': {
      text = doc.format === 'markdown' ? spec.markdown : spec.text;
      const anchor = documentAnchor(spec, doc);
      edits.push({ start: anchor.end, end: anchor.end, text: withLineBreaks(`\n\n${text}`, source) });
      break;
    }
  }
  // Text inserted before a sentence goes in front of the emphasis or link its first words are in;
  // text inserted after words goes behind the emphasis or link they end in.
  const outward = spec.kind === 'insert-before-unit' ? 'backward' : 'forward';
  const proseEdits = edits.map((edit) => {
    if (edit.start !== edit.end) return keepingMarkup(edit, doc);
    const at = outsideWrappers(doc, edit.start, outward);
    return keepingMarkup({ start: at, end: at, text: edit.text }, doc);
  });
  if (proseEdits.some((edit) => edit === null)) return null;
  const safe = 'safe' in spec && spec.safe === true && !PLACEHOLDER.test(text) && !hit.configured;
  return { title: fill(spec.title, hit), edits: proseEdits as TextEdit[], safe };
}

/** The mask overwrote this character: it is code, a comment, a tag, a link target or other markup. */
function isMarkup(doc: ParsedDocument, offset: number): boolean {
  return doc.prose[offset] !== doc.source[offset];
}

/**
 * An edit that leaves markup byte for byte as it was, or null when there is none. Rules read the
 * masked text, so a phrase can run across markup ("low-hanging <!-- note --> fruit", "a deep
 * `--verbose` dive"): replacing the span would delete the markup with it. A change of case only
 * keeps the markup's own characters ("YOU `RUN` NOW" → "you `RUN` now"); any other edit across
 * markup, or an insertion inside it, is dropped — the finding stays, with no fix.
 */
function keepingMarkup(edit: TextEdit, doc: ParsedDocument): TextEdit | null {
  const { start, end, text } = edit;
  if (start === end) return start > 0 && isMarkup(doc, start - 1) && isMarkup(doc, start) ? null : edit;
  // Nearly every span is prose only: one comparison of the two texts says so.
  const original = doc.source.slice(start, end);
  if (doc.prose.slice(start, end) === original) return edit;
  if (!isCaseChangeOf(text, original)) return null;
  let kept = '';
  for (let i = 0; i < original.length; i++) kept += isMarkup(doc, start + i) ? original[i] : text[i];
  return { start, end, text: kept };
}

/**
 * The fix, unless it deletes every word between two pieces of markup, which would leave "[](url)"
 * or "****". Checked once touching hits are merged: each of "maybe" and "just a little" leaves a
 * word behind, the two together do not.
 */
export function unlessEmptyingMarkup(fix: Fix | null, doc: ParsedDocument): Fix | null {
  return fix && emptiesMarkup(fix.edits, doc) ? null : fix;
}

function emptiesMarkup(edits: readonly TextEdit[], doc: ParsedDocument): boolean {
  const deletions = edits.filter((edit) => edit.text === '' && edit.start < edit.end).sort((a, b) => a.start - b.start);
  for (let i = 0; i < deletions.length; i++) {
    const start = deletions[i].start;
    let end = deletions[i].end;
    while (i + 1 < deletions.length && deletions[i + 1].start === end) end = deletions[++i].end;
    if (start > 0 && isMarkup(doc, start - 1) && isMarkup(doc, end)) return true;
  }
  return false;
}

const EMPHASIS_OR_LINK_OPENER = new Set(['*', '_', '~', '[']);
const EMPHASIS_CLOSER = new Set(['*', '_', '~']);
/** The rest of a link after its text: "](target "title")" or "][label]". */
const LINK_TAIL = /^\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])/;

/**
 * Moves an insertion point out of the emphasis and link markup that wraps the words beside it:
 * "**[Owner]: Update** the runbook" would put the owner in bold, and "[see notes by [date]](url)"
 * inside a link's text, where "[date]" breaks the link.
 */
function outsideWrappers(doc: ParsedDocument, offset: number, direction: 'backward' | 'forward'): number {
  const { source } = doc;
  let at = offset;
  if (direction === 'backward') {
    while (at > 0 && isMarkup(doc, at - 1) && EMPHASIS_OR_LINK_OPENER.has(source[at - 1])) at--;
    return at;
  }
  for (;;) {
    if (at < source.length && isMarkup(doc, at) && EMPHASIS_CLOSER.has(source[at])) at++;
    else if (source[at] === ']' && isMarkup(doc, at)) {
      const tail = LINK_TAIL.exec(source.slice(at, at + 2048))?.[0];
      if (!tail) return at;
      at += tail.length;
    } else return at;
  }
}

/** Same characters in the same places, in another case: "Must" for "MUST", never "i̇" for "İ". */
function isCaseChangeOf(text: string, original: string): boolean {
  if (text.length !== original.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== original[i] && text[i].toLowerCase() !== original[i].toLowerCase()) return false;
  }
  return true;
}

/**
 * Applies edits to text. Edits are applied from the end backwards; an edit that overlaps
 * one already taken is skipped (the next lint run will offer it again).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) continue;
    // Overlapping ranges would corrupt the text; two insertions at one point would interleave.
    const previous = taken.at(-1);
    if (edit.start < lastEnd || (previous && previous.start === edit.start && previous.end === edit.end)) continue;
    taken.push(edit);
    lastEnd = edit.end;
  }
  let result = text;
  for (let i = taken.length - 1; i >= 0; i--) {
    const e = taken[i];
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
  }
  return { text: result, applied: taken.length, skipped: edits.length - taken.length };
}

/** Applies every fix (each of Fulcrum's fixes is a single edit); overlapping ones are skipped. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; skipped: number } {
  return applyEdits(
    text,
    fixes.flatMap((fix) => fix.edits),
  );
}

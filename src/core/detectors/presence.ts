import type { ParsedDocument, Sentence } from '../document/parse.js';
import { phraseRegex, test } from '../phrases.js';
import type { PresenceDetector } from '../types.js';
import { allFeatures, anyFeature, wholeDocumentHit, type DocumentDetection, type DetectionContext, type Hit } from './hit.js';

/** Document-level check: the document must contain something (a heading, or a sentence with given features). */
export function presenceDetection(spec: PresenceDetector): DocumentDetection {
  const disqualifying = new Set(spec.notFlaggedBy ?? []);
  /** A flagged sentence is not the part it tried to be: "we'll talk again soon" is no check-in. */
  const disqualified = (sentence: Sentence, context: DetectionContext | undefined): boolean => {
    const rules = context?.flaggedBy.get(sentence);
    return rules !== undefined && [...rules].some((id) => disqualifying.has(id));
  };
  const headingPatterns = spec.anyOf.map((c) => (c.heading?.length ? phraseRegex(c.heading, 'iu') : null));

  const satisfied = (doc: ParsedDocument, context: DetectionContext | undefined): boolean => {
    const title = titleLine(doc);
    return spec.anyOf.some((condition, i) => {
      const heading = headingPatterns[i];
      if (heading && headingsOf(doc).some((text) => test(heading, text))) return true;
      if (condition.sentence?.length) {
        // Features first: they are cached per sentence, the rest is worked out each time.
        return doc.sentences.some((s) => allFeatures(s, condition.sentence) && !anyFeature(s, condition.unless) && s !== title && !isBlankField(s) && !disqualified(s, context));
      }
      return false;
    });
  };

  return {
    hits(doc: ParsedDocument, context?: DetectionContext): Hit[] {
      const prose = doc.sentences.filter((s) => s.block.kind !== 'heading' && s.block.kind !== 'label');
      if (prose.length === 0 || prose.length < (spec.minSentences ?? 1)) return [];
      if (spec.onlyIf?.length && !prose.some((s) => allFeatures(s, spec.onlyIf))) return [];
      if (satisfied(doc, context)) return [];
      return [wholeDocumentHit()];
    },
  };
}

/**
 * The line that names the document ("1:1 Aditi / Marcus - 15 Feb"): the first prose block, one
 * line with no closing stop. It says what this meeting was, not what comes next, so it satisfies
 * no check (its date is no check-in).
 */
/** A full stop, question or exclamation mark ends the line, maybe before a closing quote or bracket. */
const CLOSING_STOP = /[.!?]["'”’)]*\s*$/;

/**
 * What heads a part of the document: section titles and the label lines that do a heading's job.
 * Worked out once per parse; every check with heading conditions reads it.
 */
const headings = new WeakMap<ParsedDocument, string[]>();
function headingsOf(doc: ParsedDocument): string[] {
  let found = headings.get(doc);
  if (!found) {
    found = [...doc.sections.flatMap((section) => (section.title === null ? [] : [section.title])), ...labelLines(doc)];
    headings.set(doc, found);
  }
  return found;
}

/**
 * A form's field left empty: "Training / development: –", "Comments: N/A", "Next review: TBC". The
 * label names the part the form asks for; it does not supply it. A label with nothing after it on its
 * line ("What changes for you:") heads the lines below it instead.
 */
const BLANK_FIELD = /^[^:\n]{1,60}:\s*(?:[-–—]+|n\/?a|tbc|tbd|to be (?:agreed|confirmed|decided)|none|nil|\?+)\s*\.?\s*$/i;
function isBlankField(sentence: Sentence): boolean {
  if (!sentence.text.includes(':')) return false;
  // The line, not the sentence: the parse leaves a lone dash out of the sentence's text.
  const from = sentence.start - sentence.block.start;
  const lineEnd = sentence.block.text.indexOf('\n', from);
  return BLANK_FIELD.test(sentence.block.text.slice(from, lineEnd < 0 ? undefined : lineEnd));
}

/** Titles name a meeting or a person and a date: "1:1 Aditi / Marcus - 15 Feb", "Review - Sean (herd assistant) - Feb". */
const MAX_TITLE_WORDS = 12;

function titleLine(doc: ParsedDocument): Sentence | undefined {
  const first = doc.blocks.find((b) => b.kind !== 'heading' && b.sentences.length > 0);
  if (!first || first.index !== doc.blocks.findIndex((b) => b.sentences.length > 0) || first.sentences.length !== 1) return undefined;
  const only = first.sentences[0];
  // A note of one long unpunctuated line ("jess smashed it this qtr, first call resolution up to 82% …") is no title.
  if (only.tokens.length > MAX_TITLE_WORDS) return undefined;
  return /\n/.test(first.text.trim()) || CLOSING_STOP.test(only.text) ? undefined : only;
}

/** Words at most in a line that stands for a heading in plain text ("Next meeting", "Section E — Next review"). */
const MAX_LABEL_WORDS = 6;

/**
 * Lines that do a heading's job without Markdown: a short line of its own, with no closing stop,
 * with text after it on the next line. Forms and minutes pasted from other tools are written so
 * ("Next meeting\nMonday 3 June, 14:00"; "Section E — Next review\nTwo weeks after the course").
 */
function labelLines(doc: ParsedDocument): string[] {
  const lines: string[] = [];
  doc.sentences.forEach((sentence, i) => {
    const next = doc.sentences[i + 1];
    if (sentence.block.kind === 'heading' || !next || sentence.tokens.length > MAX_LABEL_WORDS || isBlankField(sentence)) return;
    if (CLOSING_STOP.test(sentence.text) || !doc.source.slice(sentence.end, next.start).includes('\n')) return;
    lines.push(sentence.text);
  });
  return lines;
}

import type { ParsedDocument, Sentence } from '../document/parse.js';
import type { PhraseEntry } from '../types.js';
import { hasFeature } from '../features.js';

/** What a detector reports before it becomes a Finding: a span plus what a fix needs. */
export interface Hit {
  start: number;
  end: number;
  /** The sentence (or unit) the hit is in; document-level hits have none. */
  sentence?: Sentence;
  /** A phrase-specific replacement, when the phrase list gives one. */
  replacement?: string;
  /** Values for the message template: {match}, {missing}. */
  values: Record<string, string>;
}

export interface Detection {
  hits(doc: ParsedDocument): Hit[];
}

export function allFeatures(sentence: Sentence, names: readonly string[] | undefined): boolean {
  return (names ?? []).every((name) => hasFeature(sentence, name));
}

export function anyFeature(sentence: Sentence, names: readonly string[] | undefined): boolean {
  return (names ?? []).some((name) => hasFeature(sentence, name));
}

/** The guards shared by phrase and pattern detectors. */
export interface Guards {
  when?: string[];
  unless?: string[];
  unlessAdjacent?: string[];
}

export function passesGuards(sentence: Sentence, guards: Guards): boolean {
  if (!allFeatures(sentence, guards.when)) return false;
  if (anyFeature(sentence, guards.unless)) return false;
  if (guards.unlessAdjacent?.length) {
    const siblings = sentence.block.sentences;
    const i = siblings.indexOf(sentence);
    for (const neighbour of [siblings[i - 1], siblings[i + 1]]) {
      if (neighbour && anyFeature(neighbour, guards.unlessAdjacent)) return false;
    }
  }
  return true;
}

const OPENING_QUOTES = new Set(['"', '“', '«', '„']);
const CLOSING_QUOTES = new Set(['"', '”', '»', '“']);

/**
 * True when [start, end) sits inside quotation marks in its sentence: a quotation of
 * someone else is not the author's claim ("Sam called it \"a total disaster\"").
 */
export function isQuoted(sentence: Sentence, start: number, source: string): boolean {
  let open = false;
  for (let i = sentence.start; i < start; i++) {
    const ch = source[i];
    if (!open && OPENING_QUOTES.has(ch)) open = true;
    else if (open && CLOSING_QUOTES.has(ch)) open = false;
  }
  return open;
}

export function phraseText(entry: string | PhraseEntry): string {
  return typeof entry === 'string' ? entry : entry.text;
}

import { SPELLER } from '../language/lexicon.js';
import { isProperWord } from '../wordClasses.js';
import type { Block, ParsedDocument, Sentence } from '../document/parse.js';
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
  /** Found by a phrase from a configuration: its fix is offered, never applied on its own. */
  configured?: boolean;
  /** Values for the message template: {match}, {missing}. */
  values: Record<string, string>;
}

/** A finding about the whole document (a part it lacks): no span of its own; the linter anchors it. */
export function wholeDocumentHit(): Hit {
  return { start: -1, end: -1, values: {} };
}

/** What document-level checks know besides the text: the inline findings on each sentence. */
export interface DetectionContext {
  /** The rules with an inline finding on a sentence. */
  flaggedBy: ReadonlyMap<Sentence, ReadonlySet<string>>;
}

/** A check that reads the whole document (action items across blocks, document gaps). */
export interface DocumentDetection {
  hits(doc: ParsedDocument, context?: DetectionContext): Hit[];
}

/**
 * A check whose hits in a block depend only on that block's text and kind: the linter keeps its
 * results per block (see blockwiseHits), so a keystroke re-runs it on the edited paragraph only.
 */
export interface BlockDetection {
  inBlock(block: Block, prose: string): BlockHit[];
}

export type Detection = DocumentDetection | BlockDetection;

/** A hit relative to its block, cacheable while the block's text is unchanged. */
export interface BlockHit {
  start: number;
  end: number;
  /** Index of the hit's sentence in block.sentences. */
  sentence: number;
  replacement?: string;
  configured?: boolean;
  /** Values for the message template besides {match} and {lower}. */
  values?: Record<string, string>;
}

const NO_HITS: readonly BlockHit[] = Object.freeze([]);

/** A block-local rule to run, and its slot in each block's store of results (Block.resultsOf). */
export interface BlockwiseRule {
  slot: number;
  detection: BlockDetection;
}

/**
 * Runs block-local detectors over every prose block, and returns each rule's hits (by slot) in
 * document order. `owner` (the linter) keeps each rule's results in a store on each block, one
 * slot per rule: a block whose text has not changed since the last version keeps its results.
 * One array per block for all rules, not a WeakMap per rule: on a list of 50,000 one-word items
 * the rules' WeakMaps held 2.5 million entries, and their look-ups and collection were a fifth
 * of the time. All rules in one pass over the blocks, rather than a pass per rule: each block
 * and its store are then read once per lint instead of once per rule, and on a keystroke, when
 * nearly every result is cached, that reading was most of the work.
 */
export function blockwiseHits(doc: ParsedDocument, owner: object, rules: readonly BlockwiseRule[]): Map<number, Hit[]> {
  const hitsByRule = rules.map((): Hit[] => []);
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.sentences.length === 0) continue;
    const results = block.resultsOf<readonly BlockHit[]>(owner);
    for (let r = 0; r < rules.length; r++) {
      const { slot, detection } = rules[r];
      let found = results[slot];
      if (!found) {
        const detected = detection.inBlock(block, doc.prose);
        results[slot] = found = detected.length > 0 ? detected : NO_HITS;
      }
      const hits = hitsByRule[r];
      for (const h of found) {
        const start = block.start + h.start;
        const end = block.start + h.end;
        const match = doc.source.slice(start, end);
        hits.push({ start, end, sentence: block.sentences[h.sentence], replacement: h.replacement, configured: h.configured, values: new MatchValues(match, h.values) });
      }
    }
  }
  return new Map(rules.map(({ slot }, r) => [slot, hitsByRule[r]]));
}

/**
 * {match} and {lower} for messages and fixes; {lower} is worked out only when a template asks for
 * it. A class, so the getter lives on the prototype: defining it on each of the hundreds of hits
 * a keystroke re-reads cost more than the rest of making them.
 */
class MatchValues {
  [key: string]: string;
  constructor(
    readonly match: string,
    more?: Record<string, string>,
  ) {
    if (more) Object.assign(this, more);
  }
  get lower(): string {
    return lowerKnownWords(this.match);
  }
}

/**
 * "PLEASE TELL MARIA OKONKWO BY FRIDAY" → "please tell Maria OKONKWO by Friday": only words a dictionary
 * knows are lower-cased (names, weekdays and places keep their capital), so surnames, acronyms and
 * code keep their case and a case fix never changes who or what.
 */
function lowerKnownWords(text: string): string {
  return text
    .replace(/\p{L}+(?:['’]\p{L}+)*/gu, (word) => {
      const lower = word.toLowerCase();
      if (!SPELLER.knows(lower.replace(/’/g, "'")) || lower.length !== word.length) return word;
      return isProperWord(lower) ? word[0] + lower.slice(1) : lower;
    })
    .replace(/([.!?]\s+)(\p{Ll})/gu, (_, stop: string, letter: string) => stop + letter.toUpperCase()); // "… OUT! PLEASE HELP" → "… out! Please help"
}

/** The index in block.sentences of the sentence containing an absolute offset, or -1. */
export function sentenceIndexIn(block: Block, offset: number): number {
  return block.sentences.findIndex((s) => offset >= s.start && offset < s.end);
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
export function isQuoted(sentence: Sentence, start: number, text: string): boolean {
  let open = false;
  for (let i = sentence.start; i < start; i++) {
    const ch = text[i];
    if (!open && OPENING_QUOTES.has(ch)) open = true;
    else if (open && CLOSING_QUOTES.has(ch)) open = false;
  }
  return open;
}

export function phraseText(entry: string | PhraseEntry): string {
  return typeof entry === 'string' ? entry : entry.text;
}

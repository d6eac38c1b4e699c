import type { SentenceAnalysis } from '../language/analysis.js';
import nlp from 'compromise';
import type { TextFormat } from '../types.js';
import { LineIndex } from './lineIndex.js';
import { maskDocument, type TextRange } from './mask.js';
import { buildBlocks, type BlockKind, type Section } from './blocks.js';
import { isFunctionWord, isLikelyName } from '../wordClasses.js';

/* compromise's types are loose; these are the few fields Fulcrum reads. */
export interface NlpTerm {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}
export interface NlpView {
  document: NlpTerm[][];
  docs: NlpTerm[][];
  compute(method: string | string[]): NlpView;
  match(pattern: unknown, group?: number | string): NlpView;
  found: boolean;
}

/**
 * compromise knows common first names but tags "Priya" or "Ngozi" at the start of a
 * sentence as a plain noun. A capitalised, unknown, person-shaped first word is taken as
 * a name, so patterns like "#Person #Copula …" see the people reviews are about.
 */
function tagLikelyNames(view: NlpView): void {
  for (const terms of view.document) {
    const first = terms.find((t) => t.text.length > 0);
    if (!first || !first.tags.has('Noun') || first.tags.has('Pronoun') || first.tags.has('Plural')) continue;
    if (isLikelyName(first.text)) first.tags.add('Person');
  }
}

/** The tagging steps `nlp()` runs after tokenising; run on demand so untagged blocks cost only tokenising. */
const TAGGING_HOOKS = ['index', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger'];

export interface Token {
  text: string;
  /** Lower-case, punctuation-free form, as compromise normalises it. */
  normal: string;
  start: number;
  end: number;
}

export interface Sentence {
  block: Block;
  /** Index in ParsedDocument.sentences. */
  index: number;
  start: number;
  /** End of the sentence including its closing punctuation. */
  end: number;
  /** Where words end and closing punctuation begins: where an insertion at the end goes. */
  wordsEnd: number;
  text: string;
  tokens: Token[];
  /** Stable across document versions while the sentence's block is unchanged: a cache key. */
  key: SentenceKey;
}

/**
 * A sentence's identity across document versions, and where what is worked out from it alone is
 * memoised: on the key itself rather than in WeakMaps, whose look-ups (one per feature test) were
 * an eighth of the time on documents of many short sentences. Features and cues read only the
 * sentence's text and block kind, both fixed for one key; the analysis keeps the offset it was
 * made at (see analyse).
 */
export interface SentenceKey {
  features?: Map<string, boolean>;
  /** Leadership and management cues, per dimension (balance.ts). */
  cues?: Array<[string | null, string | null]>;
  analysis?: { start: number; analysis: SentenceAnalysis };
  /** Whether the sentence announces itself as a unit ("Action: …", "Goal: …"), per unit kind (unit.ts). */
  leadIn?: Record<string, boolean>;
}

/** A sentence with offsets relative to its block: what a block's parse caches. */
interface RelativeSentence extends SentenceKey {
  start: number;
  end: number;
  wordsEnd: number;
  tokens: Token[];
}

/**
 * The NLP work for one block's text, shareable between document versions: when a user
 * types in one paragraph, every other paragraph's parse (and tags) is reused as is.
 */
interface BlockParse {
  view: NlpView;
  tagged: boolean;
  sentences: RelativeSentence[];
  /** Where this parse was placed in the last version: reused as is while it stays in the same place. */
  placed?: { block: Block; firstSentence: number };
  /** Block-local rule results of the linter that last read this block, by rule (see resultsOf). */
  results?: { owner: object; bySlot: unknown[] };
}

export class Block {
  readonly sentences: Sentence[] = [];

  constructor(
    readonly index: number,
    readonly kind: BlockKind,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly section: number,
    private readonly parse: BlockParse,
  ) {}

  /** Stable across document versions while this block's text is unchanged: a cache key. */
  get key(): object {
    return this.parse;
  }

  /**
   * Where `owner` (a linter) keeps what its block-local rules found here, one slot per rule; kept
   * while the text is unchanged. Another linter (new settings) starts with an empty store.
   */
  resultsOf<T>(owner: object): T[] {
    if (this.parse.results?.owner !== owner) this.parse.results = { owner, bySlot: [] };
    return this.parse.results.bySlot as T[];
  }

  /** The compromise view of this block, tagged on first use (tagging is ~85% of parse cost). */
  taggedView(): NlpView {
    if (!this.parse.tagged) {
      this.parse.view.compute(TAGGING_HOOKS);
      this.parse.view.compute('offset');
      tagLikelyNames(this.parse.view);
      this.parse.tagged = true;
    }
    return this.parse.view;
  }
}

/**
 * Block parses kept between versions of one document, keyed by block kind and text.
 * Each parse keeps only the entries the latest version used, so memory stays bounded.
 */
export class ParseCache {
  private entries = new Map<string, BlockParse>();
  private used = new Map<string, BlockParse>();
  hits = 0;
  misses = 0;

  take(key: string, make: () => BlockParse): BlockParse {
    let entry = this.used.get(key) ?? this.entries.get(key);
    if (entry) this.hits++;
    else {
      entry = make();
      this.misses++;
    }
    this.used.set(key, entry);
    return entry;
  }

  /** Called after a parse: forget blocks the latest version no longer has. */
  endVersion(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

export interface ParsedDocument {
  source: string;
  /** Same length as source; non-prose overwritten with spaces. */
  prose: string;
  format: TextFormat;
  frontMatter: string | null;
  /** HTML comments in prose (not in code): where suppression directives are read. */
  comments: TextRange[];
  blocks: Block[];
  sections: Section[];
  sentences: Sentence[];
  lines: LineIndex;
}

/** Closing punctuation after the last word (CJK and Arabic stops too); masked markup (spaces) may stand between. */
const CLOSING_PUNCTUATION = /^[ \t]*[.!?…:;)"'”’\]。！？．؟]+/;

/**
 * A term that holds a letter or a digit. compromise also makes terms of lone punctuation
 * (with the masked spaces before it) and splits emoji sequences mid-grapheme; a sentence
 * that started at such a term would start inside masked code or inside an emoji.
 */
function isWordy(term: NlpTerm): boolean {
  return (term.offset?.length ?? 0) > 0 && /[\p{L}\p{N}]/u.test(term.text);
}

/**
 * A hard-wrapped line that goes on in lower case continues the sentence above ("He has\na short
 * fuse"): compromise would split there. Newline becomes space, so every offset stays the same.
 */
function joinWrappedLines(text: string): string {
  // Most blocks are one line; the patterns below have look-behinds tried at every character.
  if (!text.includes('\n')) return text;
  return text
    .replace(/(?<=[\p{L}\p{N},;)'’"-])[ \t]*\n(?=[ \t]*[\p{Ll}(])/gu, (m) => m.replace('\n', ' '))
    .replace(ENDS_MID_SENTENCE, (m) => m.replace('\n', ' '));
}
/**
 * A line that ends on a word no sentence ends on ("the original Code of\nConduct Working Group")
 * goes on below, whatever the case of the next line.
 */
const ENDS_MID_SENTENCE =
  /(?<=(?:^|[^\p{L}])(?:of|the|a|an|to|and|or|in|on|at|by|for|with|from|into|our|their|his|her|my|your|its|this|these|those|is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|as|than|about|between|not|that|which|who))[ \t]*\n(?=[ \t]*\p{Lu})/giu;

/** No sentence judgement needs more words than this; longer runs are analysed in pieces. */
export const MAX_SENTENCE_WORDS = 150;

const CLOSED_STOP = /^[ \t]*\)[.!?][ \t]/;

/** Tokenises one block and finds its sentences, with offsets relative to the block. */
function parseBlock(text: string): BlockParse {
  const view = (nlp as unknown as { tokenize(text: string): NlpView }).tokenize(joinWrappedLines(text));
  view.compute('offset');
  const sentences: RelativeSentence[] = [];
  const finish = (tokens: Token[], leading: number) => {
    const start = tokens[0].start - leading;
    const lastWordEnd = tokens[tokens.length - 1].end;
    const closing = text.slice(lastWordEnd, lastWordEnd + 40).match(CLOSING_PUNCTUATION)?.[0] ?? '';
    const end = lastWordEnd + closing.length;
    const wordsEnd = closing ? end - closing.trimStart().length : lastWordEnd;
    // Every memo slot is there from the start (undefined until used): keys then share one shape, and
    // the memo look-ups, made for every sentence on every keystroke, stay monomorphic.
    sentences.push({ start, end, wordsEnd, tokens, features: undefined, cues: undefined, analysis: undefined, leadIn: undefined });
  };
  for (const terms of view.document) {
    let tokens: Token[] = [];
    const first = terms.find(isWordy);
    let leading = first?.pre.match(/["'“‘([]+$/)?.[0].length ?? 0;
    for (const term of terms) {
      // "(more on that here). They also …": a full stop after a closing bracket ends the sentence,
      // even where compromise, still inside a quoted phrase, runs on.
      const closedStop = CLOSED_STOP.test(term.text + (term.post ?? '')) || (isWordy(term) && CLOSED_STOP.test(term.post ?? ''));
      if (closedStop && tokens.length > 0 && term !== terms[terms.length - 1]) {
        if (isWordy(term)) tokens.push({ text: term.text, normal: term.normal, start: term.offset!.start, end: term.offset!.start + term.offset!.length });
        finish(tokens, leading);
        tokens = [];
        leading = 0;
        continue;
      }
      if (!isWordy(term)) continue;
      const start = term.offset!.start;
      const joined = runOnAt(term.text);
      if (joined) {
        // "on time.Thats about it": a full stop typed without its space ends the sentence all the same.
        const cut = joined[1].length;
        tokens.push({ text: joined[1], normal: joined[1].toLowerCase(), start, end: start + cut });
        finish(tokens, leading);
        tokens = [];
        leading = 0;
        const rest = term.text.slice(cut + 1);
        tokens.push({ text: rest, normal: rest.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, ''), start: start + cut + 1, end: start + term.offset!.length });
        continue;
      }
      tokens.push({ text: term.text, normal: term.normal, start, end: start + term.offset!.length });
      // A run-on with no stops (a pasted list, shouting) is cut: every per-sentence scan then stays bounded.
      if (tokens.length >= MAX_SENTENCE_WORDS) {
        finish(tokens, leading);
        tokens = [];
        leading = 0;
      }
    }
    if (tokens.length > 0) finish(tokens, leading);
  }
  return { view, tagged: false, sentences };
}

/** A word, a stop and a word typed with no space between ("time.Thats", "finished.his"), not "e.g.". */
const RUN_ON = /^(\p{L}\p{Ll}+)[.!?](\p{L}[\p{Ll}'’]*)$/u;
/**
 * Where two sentences were typed together: before a capitalised word ("time.Thats", "Rude.Doesn't"),
 * or before a lower-case word that opens clauses ("finished.his work", "migration.the team"), so
 * "Node.js" and "example.com" stay whole. One pattern per word: this runs for every word parsed.
 */
function runOnAt(word: string): RegExpMatchArray | null {
  const joined = word.match(RUN_ON);
  if (!joined) return null;
  const next = joined[2];
  return /^\p{Lu}[\p{Ll}'’]+$/u.test(next) || (/^\p{Ll}+$/u.test(next) && isFunctionWord(next)) ? joined : null;
}

/**
 * A block's sentence placed at its offsets in one document version. Its tokens are shifted on
 * first read: a keystroke moves every block after it, and copying all their tokens up front was
 * the largest single cost of re-parsing a 100 KB document, though most are never read again
 * (block-local results are cached).
 */
class PlacedSentence implements Sentence {
  private shifted?: Token[];
  readonly start: number;
  readonly end: number;
  readonly wordsEnd: number;
  readonly text: string;

  constructor(
    readonly block: Block,
    readonly index: number,
    readonly key: RelativeSentence,
    private readonly shift: number,
    prose: string,
  ) {
    this.start = key.start + shift;
    this.end = key.end + shift;
    this.wordsEnd = key.wordsEnd + shift;
    this.text = prose.slice(this.start, this.end);
  }

  get tokens(): Token[] {
    const shift = this.shift;
    return (this.shifted ??= this.key.tokens.map((t) => ({ text: t.text, normal: t.normal, start: t.start + shift, end: t.end + shift })));
  }
}

function placeSentences(block: Block, parse: BlockParse, firstIndex: number, prose: string): Sentence[] {
  return parse.sentences.map((s, i) => new PlacedSentence(block, firstIndex + i, s, block.start, prose));
}

/**
 * Parses a document: masks what is not prose, splits it into blocks, and tokenises each
 * block once. With a cache (one per open document), unchanged blocks are not re-parsed. Without
 * one, a cache for this parse alone still lets blocks of the same kind and text share one parse
 * and everything worked out from it (a pasted list of 50,000 identical lines is analysed once),
 * as they do in an editor's cache.
 */
export function parseDocument(source: string, format: TextFormat = 'markdown', cache: ParseCache = new ParseCache()): ParsedDocument {
  const maskedDoc = maskDocument(source, format);
  const prose = maskedDoc.masked;
  const { blocks: spans, sections } = buildBlocks(maskedDoc);
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  for (const span of spans) {
    const text = prose.slice(span.start, span.end);
    const parse = cache.take(`${span.kind}\u0000${text}`, () => parseBlock(text));
    // A keystroke leaves every paragraph before it where it was: those blocks and sentences are reused, not rebuilt.
    const placed = parse.placed;
    const unmoved =
      placed !== undefined && placed.firstSentence === sentences.length && placed.block.index === blocks.length && placed.block.start === span.start && placed.block.kind === span.kind && placed.block.section === span.section;
    const block = unmoved ? placed.block : new Block(blocks.length, span.kind, span.start, span.end, text, span.section, parse);
    if (!unmoved) {
      block.sentences.push(...placeSentences(block, parse, sentences.length, prose));
      parse.placed = { block, firstSentence: sentences.length };
    }
    blocks.push(block);
    sentences.push(...block.sentences);
  }
  cache.endVersion();
  return { source, prose, format, frontMatter: maskedDoc.frontMatter, comments: maskedDoc.comments, blocks, sections, sentences, lines: new LineIndex(source) };
}

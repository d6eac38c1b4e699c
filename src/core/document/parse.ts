import nlp from 'compromise';
import type { TextFormat } from '../types.js';
import { LineIndex } from './lineIndex.js';
import { maskDocument, type TextRange } from './mask.js';
import { buildBlocks, type BlockKind, type Section } from './blocks.js';
import { isLikelyName } from '../names.js';

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

/** The tagging steps `nlp()` runs after tokenising; run on demand so untagged blocks cost only tokenising. */
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

const TAGGING_HOOKS = ['freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger'];

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
}

export class Block {
  readonly sentences: Sentence[] = [];
  private tagged = false;

  constructor(
    readonly index: number,
    readonly kind: BlockKind,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly section: number,
    private readonly nlpDoc: NlpView,
  ) {}

  /** The compromise view of this block, tagged on first use (tagging is ~85% of parse cost). */
  taggedView(): NlpView {
    if (!this.tagged) {
      this.nlpDoc.compute(TAGGING_HOOKS);
      this.nlpDoc.compute('offset');
      tagLikelyNames(this.nlpDoc);
      this.tagged = true;
    }
    return this.nlpDoc;
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

function sentencesOf(block: Block, view: NlpView, firstIndex: number, prose: string): Sentence[] {
  const result: Sentence[] = [];
  for (const terms of view.document) {
    const tokens: Token[] = [];
    for (const term of terms) {
      if (!isWordy(term)) continue;
      const start = block.start + term.offset!.start;
      tokens.push({ text: term.text, normal: term.normal, start, end: start + term.offset!.length });
    }
    if (tokens.length === 0) continue;
    const first = terms.find(isWordy)!;
    const leading = first.pre.match(/["'“‘([]+$/)?.[0].length ?? 0;
    const start = tokens[0].start - leading;
    const lastWordEnd = tokens[tokens.length - 1].end;
    const closing = prose.slice(lastWordEnd, Math.min(block.end, lastWordEnd + 40)).match(CLOSING_PUNCTUATION)?.[0] ?? '';
    const end = lastWordEnd + closing.length;
    const wordsEnd = closing ? end - closing.trimStart().length : lastWordEnd;
    result.push({ block, index: firstIndex + result.length, start, end, wordsEnd, text: prose.slice(start, end), tokens });
  }
  return result;
}

export function parseDocument(source: string, format: TextFormat = 'markdown'): ParsedDocument {
  const maskedDoc = maskDocument(source, format);
  const prose = maskedDoc.masked;
  const { blocks: spans, sections } = buildBlocks(maskedDoc);
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  for (const span of spans) {
    const text = prose.slice(span.start, span.end);
    const view = (nlp as unknown as { tokenize(text: string): NlpView }).tokenize(text);
    view.compute('offset');
    const block = new Block(blocks.length, span.kind, span.start, span.end, text, span.section, view);
    blocks.push(block);
    const own = sentencesOf(block, view, sentences.length, prose);
    block.sentences.push(...own);
    sentences.push(...own);
  }
  return { source, prose, format, frontMatter: maskedDoc.frontMatter, comments: maskedDoc.comments, blocks, sections, sentences, lines: new LineIndex(source) };
}

/** The sentence that contains an offset, by binary search. */
export function sentenceAt(doc: ParsedDocument, offset: number): Sentence | undefined {
  let low = 0;
  let high = doc.sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = doc.sentences[mid];
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}

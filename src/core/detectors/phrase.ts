import type { Block, Token } from '../document/parse.js';
import { findAll, phraseRegex } from '../phrases.js';
import type { PhraseDetector, PhraseEntry } from '../types.js';
import { allFeatures, isQuoted, passesGuards, phraseText, sentenceIndexIn, type BlockDetection, type BlockHit } from './hit.js';

function wordBefore(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 40), offset).match(/([\p{L}'’-]+)[^\p{L}]*$/u)?.[1]?.toLowerCase().replace(/’/g, "'") ?? '';
}

function wordAfter(text: string, offset: number): string {
  return text.slice(offset, offset + 40).match(/^[^\p{L}\n]*([\p{L}'’-]+)/u)?.[1]?.toLowerCase().replace(/’/g, "'") ?? '';
}

/** Finds listed phrases in prose, keeping those whose sentence passes the rule's guards. */
export function phraseDetection(spec: PhraseDetector, extraPhrases: Array<string | PhraseEntry> = []): BlockDetection {
  const entries = [...spec.phrases, ...extraPhrases];
  const replacements = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry !== 'string' && entry.replacement !== undefined) replacements.set(normalise(entry.text), entry.replacement);
  }
  const notBefore = new Set((spec.notBefore ?? []).map((w) => w.toLowerCase()));
  const notAfter = new Set((spec.notAfter ?? []).map((w) => w.toLowerCase()));

  const LEAD_WORDS = new Set(['please', 'kindly', 'do', 'not', "don't", 'don’t', 'never']);
  /** The opening verb of a sentence, after "please" or "do not". */
  const openingSpan = (tokens: Token[]): [number, number] => {
    let i = 0;
    while (i < tokens.length - 1 && LEAD_WORDS.has(tokens[i].normal)) i++;
    return [tokens[0].start, tokens[i].end];
  };

  // Each group of context phrases counts only in sentences that also have its features. Phrases
  // from a configuration are a group of their own, so their hits are known as the config's.
  const groups = [
    { regex: phraseRegex(spec.phrases.map(phraseText)), features: [] as string[], configured: false },
    ...(spec.phrasesWith ?? []).map((group) => ({ regex: phraseRegex(group.phrases), features: group.features, configured: false })),
    ...(extraPhrases.length ? [{ regex: phraseRegex(extraPhrases.map(phraseText)), features: [] as string[], configured: true }] : []),
  ];

  const detect = (block: Block, prose: string): BlockHit[] => {
    const found: BlockHit[] = [];
    for (const group of groups) {
      for (const hit of findAll(group.regex, block.text)) {
        const start = block.start + hit.start;
        const end = block.start + hit.end;
        const index = sentenceIndexIn(block, start);
        const sentence = block.sentences[index];
        if (!sentence || end > sentence.end) continue;
        // The words around a hit are read inside its block: the results are cached per block, so
        // nothing outside it (the end of the paragraph above) may decide them.
        if (notBefore.has(wordAfter(block.text, hit.end)) || notAfter.has(wordBefore(block.text, hit.start))) continue;
        if (isQuoted(sentence, start, prose) || !passesGuards(sentence, spec) || !allFeatures(sentence, group.features)) continue;
        if (spec.notInCondition && inOpeningCondition(prose.slice(sentence.start, start))) continue;
        if ((group.features.length || group.configured) && found.some((f) => f.start < hit.end && hit.start < f.end)) continue;
        found.push({ start: hit.start, end: hit.end, sentence: index, replacement: replacements.get(normalise(hit.text)), configured: group.configured || undefined });
      }
    }
    if (groups.length > 1) found.sort((a, b) => a.start - b.start);
    if (spec.sentencesWith?.length) {
      block.sentences.forEach((sentence, index) => {
        if (found.some((f) => f.sentence === index) || !allFeatures(sentence, spec.sentencesWith) || !passesGuards(sentence, spec)) return;
        const [start, end] = openingSpan(sentence.tokens);
        found.push({ start: start - block.start, end: end - block.start, sentence: index });
      });
      found.sort((a, b) => a.start - b.start);
    }
    return found;
  };

  return { inBlock: detect };
}

/** "When someone … must": the text before a hit is an opening condition not yet closed by a comma. */
function inOpeningCondition(before: string): boolean {
  return /^\W*(?:when|whenever|if|where|unless|once|in case|as long as)\b[^,;:]*$/i.test(before);
}

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[’]/g, "'").replace(/[-‐–]/g, '').replace(/\s+/g, ' ').trim();
}

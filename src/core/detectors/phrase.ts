import { sentenceAt, type ParsedDocument } from '../document/parse.js';
import { findAll, phraseRegex } from '../phrases.js';
import type { PhraseDetector, PhraseEntry } from '../types.js';
import { isQuoted, passesGuards, phraseText, type Detection, type Hit } from './hit.js';

function wordBefore(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 40), offset).match(/([\p{L}'’-]+)[^\p{L}]*$/u)?.[1]?.toLowerCase() ?? '';
}

function wordAfter(text: string, offset: number): string {
  return text.slice(offset, offset + 40).match(/^[^\p{L}\n]*([\p{L}'’-]+)/u)?.[1]?.toLowerCase() ?? '';
}

/** Finds listed phrases in prose, keeping those whose sentence passes the rule's guards. */
export function phraseDetection(spec: PhraseDetector, extraPhrases: Array<string | PhraseEntry> = []): Detection {
  const entries = [...spec.phrases, ...extraPhrases];
  const regex = phraseRegex(entries.map(phraseText));
  const replacements = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry !== 'string' && entry.replacement !== undefined) replacements.set(normalise(entry.text), entry.replacement);
  }
  const notBefore = new Set((spec.notBefore ?? []).map((w) => w.toLowerCase()));
  const notAfter = new Set((spec.notAfter ?? []).map((w) => w.toLowerCase()));

  return {
    hits(doc: ParsedDocument): Hit[] {
      const hits: Hit[] = [];
      for (const found of findAll(regex, doc.prose)) {
        const sentence = sentenceAt(doc, found.start);
        if (!sentence || sentence.block.kind === 'heading' || found.end > sentence.end) continue;
        if (notBefore.has(wordAfter(doc.prose, found.end)) || notAfter.has(wordBefore(doc.prose, found.start))) continue;
        if (isQuoted(sentence, found.start, doc.source)) continue;
        if (!passesGuards(sentence, spec)) continue;
        hits.push({
          start: found.start,
          end: found.end,
          sentence,
          replacement: replacements.get(normalise(found.text)),
          values: { match: doc.source.slice(found.start, found.end) },
        });
      }
      return hits;
    },
  };
}

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[’]/g, "'").replace(/[-‐–]/g, '').replace(/\s+/g, ' ').trim();
}

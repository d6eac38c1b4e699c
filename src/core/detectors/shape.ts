import type { Block, ParsedDocument } from '../document/parse.js';
import { isShortLine } from '../features.js';
import type { LengthDetector, ProportionDetector, RegexDetector } from '../types.js';
import { allFeatures, anyFeature, isQuoted, passesGuards, sentenceIndexIn, type BlockDetection, type BlockHit, type DocumentDetection, type Hit } from './hit.js';

/** A regular expression per prose block, with the same guards as phrase rules. */
export function regexDetection(spec: RegexDetector): BlockDetection {
  const regex = new RegExp(spec.pattern, spec.ignoreCase ? 'giu' : 'gu');
  const detect = (block: Block, prose: string): BlockHit[] => {
    const found: BlockHit[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(block.text); m; m = regex.exec(block.text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = block.start + m.index;
      const index = sentenceIndexIn(block, start);
      const sentence = block.sentences[index];
      if (!sentence || isQuoted(sentence, start, prose) || !passesGuards(sentence, spec)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, sentence: index });
    }
    return found;
  };
  return { inBlock: detect };
}

/** Sentences longer than a word limit; the finding covers the whole sentence. */
export function lengthDetection(spec: LengthDetector): BlockDetection {
  const detect = (block: Block): BlockHit[] =>
    block.sentences.flatMap((sentence, index) =>
      sentence.tokens.length > spec.maxWords && passesGuards(sentence, spec)
        ? [{ start: sentence.start - block.start, end: sentence.wordsEnd - block.start, sentence: index, values: { words: String(sentence.tokens.length) } }]
        : [],
    );
  return { inBlock: detect };
}

/** Document-level: fires when a large share of the prose sentences have a feature. */
export function proportionDetection(spec: ProportionDetector): DocumentDetection {
  return {
    hits(doc: ParsedDocument): Hit[] {
      // Titles, greetings and sign-offs ("The Management") are not part of the share; a short line
      // that has the feature is ("NO EXCEPTIONS.").
      const prose = doc.sentences.filter((s) => s.block.kind !== 'heading' && s.block.kind !== 'label' && (!isShortLine(s) || allFeatures(s, spec.counted)));
      if (prose.length === 0) return [];
      const counted = prose.filter((s) => allFeatures(s, spec.counted) && !anyFeature(s, spec.unless));
      const weight = counted.length + counted.filter((s) => anyFeature(s, spec.countTwice)).length;
      if (weight < spec.minCount || weight / prose.length < spec.minShare) return [];
      return [{ start: -1, end: -1, values: { count: String(counted.length), total: String(prose.length) } }];
    },
  };
}

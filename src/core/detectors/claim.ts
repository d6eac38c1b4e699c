import type { Block } from '../document/parse.js';
import { analyse } from '../language/analysis.js';
import type { ClaimDetector } from '../types.js';
import { isQuoted, passesGuards, type BlockDetection, type BlockHit } from './hit.js';

/**
 * Findings from the linguistic layer: claims about people of the kinds a rule names
 * (a trait, a label, a motive …), optionally of one polarity. Bias-prone phrases count as
 * `bias` claims when the sentence is about a person and holds them against that person.
 */
export function claimDetection(spec: ClaimDetector): BlockDetection {
  const kinds = new Set(spec.claims);
  const detect = (block: Block, prose: string): BlockHit[] => {
    const found: BlockHit[] = [];
    block.sentences.forEach((sentence, index) => {
      const analysis = analyse(sentence);
      const spans: Array<[number, number]> = [];
      for (const claim of analysis.claims) {
        if (!kinds.has(claim.kind) || (spec.polarity && claim.polarity !== spec.polarity)) continue;
        if (spec.subjects && !spec.subjects.includes(claim.subject)) continue;
        spans.push([claim.start, claim.end]);
      }
      if (kinds.has('bias') && analysis.aboutPerson) {
        for (const phrase of analysis.bias) if (phrase.verdict || phrase.critical) spans.push([phrase.start, phrase.end]);
      }
      if (spans.length === 0 || !passesGuards(sentence, spec)) return;
      spans.sort((a, b) => a[0] - b[0]);
      let lastEnd = -1;
      for (const [start, end] of spans) {
        // One finding per stretch of words; a claim inside quotation marks is someone else's.
        if (start < lastEnd || isQuoted(sentence, start, prose)) continue;
        found.push({ start: start - block.start, end: end - block.start, sentence: index });
        lastEnd = end;
      }
    });
    return found;
  };

  return { inBlock: detect };
}

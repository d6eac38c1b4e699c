import balanceLexicon from '../../rules/balance.json' with { type: 'json' };
import type { ParsedDocument, Sentence } from './document/parse.js';
import { hasFeature } from './features.js';
import { findAll, phraseRegex } from './phrases.js';
import { DIMENSIONS, type Balance, type Dimension, type DimensionBalance } from './types.js';

/**
 * The leadership/management balance over seed 004's nine dimensions. Each sentence
 * counts at most once per side per dimension; the cues that counted are kept so the
 * chart can say why.
 */

interface Side {
  phrases: RegExp;
  features: string[];
}

interface DimensionCues {
  dimension: Dimension;
  leadership: Side;
  management: Side;
}

type LexiconEntry = { management: string[]; leadership: string[] };

function side(cues: string[]): Side {
  return {
    phrases: phraseRegex(cues.filter((c) => !c.startsWith('@'))),
    features: cues.filter((c) => c.startsWith('@')).map((c) => c.slice(1)),
  };
}

const CUES: DimensionCues[] = DIMENSIONS.map((dimension) => {
  const entry = (balanceLexicon as unknown as Record<string, LexiconEntry>)[dimension];
  return { dimension, leadership: side(entry.leadership), management: side(entry.management) };
});

function findCue(sentence: Sentence, cues: Side): string | null {
  const phrase = findAll(cues.phrases, sentence.text)[0];
  if (phrase) return phrase.text.toLowerCase();
  const feature = cues.features.find((f) => hasFeature(sentence, f));
  return feature ? `(${feature})` : null;
}

/** Cues per sentence, per dimension: [leadership, management], kept on the sentence's stable key. */
function cuesOf(sentence: Sentence): Array<[string | null, string | null]> {
  return (sentence.key.cues ??= CUES.map((c) => [findCue(sentence, c.leadership), findCue(sentence, c.management)]));
}

/** Below this many cues in all, a document says too little to call it lopsided. */
const MIN_SIGNAL = 4;
/** How far the index must lean before the document counts as missing the other side. */
const LOPSIDED_INDEX = 0.5;

export function computeBalance(doc: ParsedDocument): Balance {
  const dimensions: DimensionBalance[] = CUES.map((c) => ({
    dimension: c.dimension,
    leadership: 0,
    management: 0,
    leadershipCues: [],
    managementCues: [],
  }));
  for (const sentence of doc.sentences) {
    if (sentence.block.kind === 'heading') continue;
    cuesOf(sentence).forEach(([lead, manage], i) => {
      if (lead) {
        dimensions[i].leadership++;
        if (!dimensions[i].leadershipCues.includes(lead)) dimensions[i].leadershipCues.push(lead);
      }
      if (manage) {
        dimensions[i].management++;
        if (!dimensions[i].managementCues.includes(manage)) dimensions[i].managementCues.push(manage);
      }
    });
  }
  const leadership = dimensions.reduce((sum, d) => sum + d.leadership, 0);
  const management = dimensions.reduce((sum, d) => sum + d.management, 0);
  // Each dimension with any signal votes its own lean, so one busy dimension (dates, numbers) cannot outvote the rest.
  const leans = dimensions.filter((d) => d.leadership + d.management > 0).map((d) => (d.leadership - d.management) / (d.leadership + d.management));
  const index = leans.length === 0 ? 0 : Math.round((leans.reduce((a, b) => a + b, 0) / leans.length) * 100) / 100;
  let missing: Balance['missing'] = null;
  if (leadership + management >= MIN_SIGNAL && Math.abs(index) >= LOPSIDED_INDEX) missing = index < 0 ? 'leadership' : 'management';
  return { dimensions, leadership, management, index, missing };
}

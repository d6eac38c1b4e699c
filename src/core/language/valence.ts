import { VALENCE } from './lexicon.js';
import type { Claim } from './claims.js';
import type { Word } from './words.js';

/**
 * How favourable a sentence is, from a valence lexicon (AFINN-165 plus workplace words) read
 * the way VADER reads it (Hutto & Gilbert 2014): a negator in the three words before a word
 * flips it, intensifiers and downtoners scale it, and after "but" the clause counts more
 * than before it. Two additions for feedback: a verb that remedies something makes its
 * negative object count for the person ("owns his mistakes", "cut errors by half"), and
 * each claim about a person (a trait, a label, a grade of their work) counts double.
 */

const NEGATION_SCALE = -0.75;
const NEVER = new Set(['never', 'rarely', 'seldom']);

function clauseStart(words: Word[], i: number): number {
  let j = i;
  while (j > 0 && !words[j - 1].punct && !VALENCE.contrast.has(words[j - 1].w) && words[j - 1].w !== 'and') j--;
  return j;
}

export function valenceScore(words: Word[], claims: readonly Claim[]): number {
  const inClaim = new Set<number>();
  let score = 0;
  for (const claim of claims) {
    if (claim.kind === 'comparison' || claim.kind === 'bias' || claim.kind === 'control') continue;
    for (let j = claim.from; j < claim.to; j++) inClaim.add(j);
    score += claim.polarity === 'praise' ? 2 : -2;
  }
  const contrastAt = words.findIndex((w, i) => i > 0 && VALENCE.contrast.has(w.w) && w.w !== 'still');
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.punct || inClaim.has(i)) continue;
    let v = VALENCE.of(w.w);
    if (v === 0) continue;
    const from = Math.max(clauseStart(words, i), i - 3);
    const before = words.slice(from, i);
    if (before.some((b) => VALENCE.negators.has(b.w))) v *= NEGATION_SCALE;
    else if (v < 0 && before.some((b) => VALENCE.remedial.has(b.w))) v = -v * 0.5;
    if (i > 0 && VALENCE.intensifiers.has(words[i - 1].w)) v *= 1.3;
    if (contrastAt > 0) v *= i > contrastAt ? VALENCE.weightAfter : VALENCE.weightBefore;
    score += v;
  }
  // "never responds", "rarely replies": a duty left undone reads as criticism even with no graded word.
  for (let i = 0; i + 1 < words.length; i++) {
    if (!NEVER.has(words[i].w) || words[i + 1].punct || !/(?:s|ed)$/.test(words[i + 1].w)) continue;
    // Not when what follows is graded or negated ("never misses", "never says no"): that is praise.
    const next = words.slice(i + 1, i + 5);
    if (next.every((n) => VALENCE.of(n.w) === 0 && !VALENCE.negators.has(n.w))) score -= 1;
  }
  return score;
}

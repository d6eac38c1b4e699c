import { VALENCE } from './lexicon.js';
import type { Claim } from './claims.js';
import type { Word } from './words.js';
import { isAdjective, isOrderVerb } from '../wordClasses.js';

/**
 * How favourable a sentence is, from a valence lexicon (AFINN-165 plus workplace words) read
 * the way VADER reads it (Hutto & Gilbert 2014): a negator in the three words before a word
 * flips it, intensifiers and downtoners scale it, and after "but" the clause counts more
 * than before it. Two additions for feedback: a verb that remedies something makes its
 * negative object count for the person ("owns his mistakes", "cut errors by half"), and
 * each claim about a person (a trait, a label, a grade of their work) counts double.
 */

const NEGATION_SCALE = -0.75;
const DOWNTONER_SCALE = 0.7;
/** How far back a negator reaches: "never let the quality slip". */
const NEGATION_WINDOW = 4;
/** "handled 3 complaints badly": a manner adverb judges how the remedy went; it is not part of what was remedied. */
const MANNER_ADVERB = /ly$/;
/** How far after a bad word its fall may be told ("defects on the 12-month tomme dropped"). */
const DECREASE_WINDOW = 5;
const NEVER = new Set(['never', 'rarely', 'seldom']);
/** Words between "never" and the duty it leaves undone: "never double checks", "never bothers to test". */
const BEFORE_DUTY = new Set(['double', 'even', 'really', 'actually', 'properly', 'bothers', 'bother', 'bothered', 'to', 'been', 'always', 'consistently']);
/** "has not been following", "did not attend", "isn't wearing": a duty left undone, like "never". */
const NOT = new Set(['not', "n't", "isn't", "doesn't", "don't", "didn't", "hasn't", "haven't", "wasn't", "weren't", "aren't"]);
/** "double-checks", "re-tests", "cross-checks": the duty itself. */
const DUTY_PREFIX = /^(?:double|re|cross)-/;
/** "not once", "not even once", "not a single": as wide as "never". */
const ONCE = new Set(['once', 'even', 'a', 'one']);
const INVERSION = new Set(['did', 'does', 'do', 'has', 'have', 'he', 'she', 'they', 'you', 'even', 'once', 'ever']);

/** After "too", words that measure rather than judge: "too many", "too few", "too early to say". */
const TOO_NOT_EXCESS = new Set(['many', 'few', 'early', 'soon']);

function clauseStart(words: Word[], i: number): number {
  let j = i;
  while (j > 0 && !words[j - 1].punct && !VALENCE.contrast.has(words[j - 1].w) && words[j - 1].w !== 'and') j--;
  return j;
}

/**
 * Where an ask reaching word i may have opened: its clause, and the clauses before it that a verb
 * with no subject of its own carries on ("needs to take more ownership and generally be more proactive").
 */
function askScopeStart(words: Word[], i: number): number {
  let start = clauseStart(words, i);
  while (start > 1 && words[start - 1].w === 'and' && continuesAVerbPhrase(words, start)) start = clauseStart(words, start - 1);
  return start;
}
/** The clause at `start` opens with a bare verb, maybe after an adverb ("generally be", "also get"). */
function continuesAVerbPhrase(words: Word[], start: number): boolean {
  const first = /ly$/.test(words[start]?.w ?? '') ? start + 1 : start;
  const verb = words[first]?.w ?? '';
  return verb === 'be' || isOrderVerb(verb);
}

/** "must", "needs to", "has to" or "it would be nice if": an ask or a requirement opens at word k. */
function opensAnAsk(words: Word[], k: number): boolean {
  return VALENCE.askOpeners.has(words[k].w) || (VALENCE.askOpenersBeforeTo.has(words[k].w) && words[k + 1]?.w === 'to') || VALENCE.askFrames.longestAt(words, k, words.length) !== null;
}

/** The first index in [from, to) that passes `test`, or -1. */
export function firstIndex(words: Word[], from: number, to: number, test: (k: number) => boolean): number {
  for (let k = from; k < to; k++) if (test(k)) return k;
  return -1;
}

/** The valence of words [from, to) (the whole sentence by default), counting the claims inside it. */
export function valenceScore(words: Word[], claims: readonly Claim[], from = 0, to = words.length): number {
  const inClaim = new Set<number>();
  let score = 0;
  const contrastAt = words.findIndex((w, i) => i > from && i < to && VALENCE.contrast.has(w.w) && w.w !== 'still');
  /** After "but" a clause counts more than before it, for a claim as for a word. */
  const contrastWeight = (i: number) => (contrastAt > 0 ? (i > contrastAt ? VALENCE.weightAfter : VALENCE.weightBefore) : 1);
  for (const claim of claims) {
    if (claim.kind === 'comparison' || claim.kind === 'bias' || claim.kind === 'control' || claim.kind === 'absolute') continue;
    if (claim.from < from || claim.to > to) continue;
    for (let j = claim.from; j < claim.to; j++) inClaim.add(j);
    // "needs to communicate better and be more proactive": the good words name what is missing, so
    // an ask to improve reads as mild criticism, not as praise.
    if (claim.kind === 'vague-ask') score -= contrastWeight(claim.from);
    else score += (claim.polarity === 'praise' ? 2 : -2) * contrastWeight(claim.from);
  }
  let damped = false;
  const usedNegators = new Set<number>();
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (w.punct || inClaim.has(i)) continue;
    // "kind of rushed", "a bit confusing": the hedge is not graded itself ("kind" is +2 alone), it softens what follows.
    const downtoner = VALENCE.downtoners.frames.longestAt(words, i, to)?.end ?? (VALENCE.downtoners.single.has(w.w) ? i + 1 : -1);
    if (downtoner > i) {
      damped = true;
      i = downtoner - 1;
      continue;
    }
    // "To be honest", "the quality of": a graded word that judges nobody; the whole phrase is skipped.
    const ungraded = VALENCE.ungraded.longestAt(words, i, to);
    if (ungraded) {
      i = ungraded.end - 1;
      continue;
    }
    // A workplace phrase counts once, as a whole ("dropped the ball"), then its words are skipped.
    const good = VALENCE.praisePhrases.longestAt(words, i, to);
    const bad = good ? null : VALENCE.criticismPhrases.longestAt(words, i, to);
    let v = good ? VALENCE.phraseWeight : bad ? -VALENCE.phraseWeight : VALENCE.of(w.w);
    const phraseEnd = good?.end ?? bad?.end ?? i + 1;
    if (v === 0) continue;
    // "needs to complete her outstanding modules", "must improve": what an ask wants is not praise.
    if (v > 0 && firstIndex(words, askScopeStart(words, i), i, (k) => opensAnAsk(words, k)) >= 0) {
      i = phraseEnd - 1;
      continue;
    }
    // "complaint log", "error rate": the graded word names a thing here.
    if (!good && !bad && VALENCE.termHeads.has(words[i + 1]?.w ?? '')) continue;
    // "sign off the log", "day off": the particle belongs to the verb before it.
    if (!good && !bad && VALENCE.particles.has(w.w) && VALENCE.particleVerbs.has(words[i - 1]?.w ?? '')) continue;
    const start = clauseStart(words, i);
    // A negator fronting its clause scopes over all of it ("Not once this year did a pallet leave …").
    // So does "never" or "not once" anywhere in it ("You have not once come to a meeting prepared").
    const clauseWide = firstIndex(words, start, i, (k) => !usedNegators.has(k) && (NEVER.has(words[k].w) || (words[k].w === 'not' && ONCE.has(words[k + 1]?.w ?? ''))));
    const windowStart = (VALENCE.negators.has(words[start]?.w ?? '') && !usedNegators.has(start)) || clauseWide >= 0 ? start : Math.max(start, i - NEGATION_WINDOW);
    // A negator flips the first graded word after it, not every one ("never missed a commitment").
    const negator = firstIndex(words, windowStart, i, (k) => VALENCE.negators.has(words[k].w) && !usedNegators.has(k));
    if (negator >= 0) {
      v *= NEGATION_SCALE;
      usedNegators.add(negator);
    } else if (v < 0 && !MANNER_ADVERB.test(words[i].w) && firstIndex(words, windowStart, i, (k) => VALENCE.remedial.has(words[k].w)) >= 0) v = -v * 0.5;
    // "errors down 30%", "rind defects on the 12-month tomme dropped from 6% to 2%": a bad thing that fell is good news.
    else if (v < 0 && firstIndex(words, phraseEnd, Math.min(to, phraseEnd + DECREASE_WINDOW), (k) => VALENCE.decreases.has(words[k].w)) >= 0) v = -v * 0.5;
    if (i > 0 && VALENCE.intensifiers.has(words[i - 1].w)) v *= 1.3;
    if (damped) v *= DOWNTONER_SCALE;
    damped = false;
    v *= contrastWeight(i);
    score += v;
    i = phraseEnd - 1;
  }
  // "too quiet in meetings", "too slow on handovers": too much of anything is a fault, however good the word.
  for (let i = from; i + 1 < to; i++) {
    if (words[i].w !== 'too' || !isAdjective(words[i + 1].w) || TOO_NOT_EXCESS.has(words[i + 1].w)) continue;
    const v = VALENCE.of(words[i + 1].w);
    if (v >= 0) score -= 1 + v;
  }
  // "never responds", "rarely replies": a duty left undone reads as criticism even with no graded word.
  for (let i = from; i + 1 < to; i++) {
    const never = NEVER.has(words[i].w) || NOT.has(words[i].w) || (words[i].w === 'once' && (words[i - 1]?.w === 'not' || words[i - 1]?.w === 'never'));
    if (!never) continue;
    // "never responds", "not once did he hit …": the verb may follow an inverted auxiliary and subject.
    let v = i + 1;
    while (v < to && v < i + 4 && (INVERSION.has(words[v].w) || BEFORE_DUTY.has(words[v].w))) v++;
    if (!VALENCE.dutyVerbs.has((words[v]?.w ?? '').replace(DUTY_PREFIX, ''))) continue;
    // "you'd never presented to the board before": experience, not a duty left undone.
    if (['had', 'have', 'has', 'would'].includes(words[i - 1]?.w ?? '')) continue;
    // Not when what follows is graded or negated ("never misses", "never says no"): that is praise.
    const next = words.slice(v, v + 4);
    if (next.every((n) => VALENCE.of(n.w) === 0 && !VALENCE.negators.has(n.w))) score -= 1;
  }
  return score;
}

import type { Sentence } from '../document/parse.js';
import { biasPhrasesIn, claimsIn, reportedSpeech, type Claim, type SubjectKind } from './claims.js';
import { COMPOUNDS, SPELLER } from './lexicon.js';
import { valenceScore } from './valence.js';
import { wordsOf, type Word } from './words.js';

/**
 * The linguistic layer: what one sentence says, worked out once per sentence and cached with
 * its parse (keyed by the sentence's stable key, so an unchanged sentence is not re-read
 * after an edit elsewhere). Rules read it through features and the `claim` detector.
 */

/** A caregiving, health, age or origin descriptor; it counts when the sentence is critical, or always if it is a verdict. */
export interface BiasPhrase {
  start: number;
  end: number;
  kind: string;
  verdict: boolean;
  /** The rest of the sentence is critical: the descriptor is held against the person, not just mentioned ("off sick" in a rota note). */
  critical: boolean;
}

export interface SentenceAnalysis {
  words: Word[];
  /** Claims about people, with absolute offsets in `start`/`end`. */
  claims: Array<Claim & { start: number; end: number }>;
  bias: BiasPhrase[];
  /** Favourable above 0, critical below. */
  valence: number;
  /** A clause has a person as its subject (a pronoun, a role noun, a name), or a claim is about one. */
  aboutPerson: boolean;
}

/** How critical the rest of a sentence must be for a descriptor in it to count against the person. */
const CRITICAL_REST = 1.5;
const PERSONAL = new Set(['he', 'she', 'they', 'you', 'him', 'them', 'his', 'her', 'their', 'your']);

export function analyse(sentence: Sentence): SentenceAnalysis {
  // Kept on the sentence's key with the offset it was worked out at.
  const cached = sentence.key.analysis;
  if (cached?.start === sentence.start) return cached.analysis;
  // The key is the parse of the sentence's text wherever it stands; offsets are absolute, so a
  // sentence that moved (text typed above it) gets its analysis moved with it, not re-read.
  const analysis = cached ? shifted(cached.analysis, sentence.start - cached.start) : analyseText(sentence.text, sentence.start);
  sentence.key.analysis = { start: sentence.start, analysis };
  return analysis;
}

function shifted(analysis: SentenceAnalysis, by: number): SentenceAnalysis {
  return {
    ...analysis,
    words: analysis.words.map((word) => ({ ...word, start: word.start + by, end: word.end + by })),
    claims: analysis.claims.map((claim) => ({ ...claim, start: claim.start + by, end: claim.end + by })),
    bias: analysis.bias.map((phrase) => ({ ...phrase, start: phrase.start + by, end: phrase.end + by })),
  };
}

export function analyseText(text: string, offset = 0): SentenceAnalysis {
  const words = joinCompounds(wordsOf(text, offset));
  for (const word of words) word.w = SPELLER.correct(word.w) ?? word.w;
  const subjects = new Set<SubjectKind>();
  const claims = claimsIn(words, subjects)
    .filter((c) => (c.kind !== 'motive' && c.kind !== 'potential') || !reportedSpeech(words, c.from))
    .map((c) => ({ ...c, start: words[c.from].start, end: words[c.to - 1].end }));
  const phrases = biasPhrasesIn(words);
  // The valence of what the sentence says besides its descriptors ("Kids are off sick again, she's
  // working from home" says nothing against anyone once "off sick" itself is set aside).
  let rest = 0;
  if (phrases.length > 0) {
    let from = 0;
    for (const b of [...phrases].sort((x, y) => x.from - y.from)) {
      if (b.from > from) rest += valenceScore(words, claims, from, b.from);
      from = Math.max(from, b.to);
    }
    rest += valenceScore(words, claims, from, words.length);
  }
  const bias = phrases.map((b) => ({ start: words[b.from].start, end: words[b.to - 1].end, kind: b.kind, verdict: b.verdict, critical: rest <= -CRITICAL_REST }));
  return {
    words,
    claims,
    bias,
    valence: valenceScore(words, claims),
    // Someone's work ("his English", "her reports"), a note about someone ("Puts family before work")
    // and anything of theirs ("his accent") are about them too.
    aboutPerson: subjects.size > 0 || claims.length > 0 || words.some((w) => PERSONAL.has(w.w)),
  };
}

const COMPOUND_STARTS = new Set([...COMPOUNDS.keys()].map((k) => k.split(' ')[0]));

/** "hot headed" → one word "hot-headed", as the lexicons spell it (up to three words). */
function joinCompounds(words: Word[]): Word[] {
  const joined: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    let merged: Word | null = null;
    // Most words start no compound: look further only when this one can.
    if (!COMPOUND_STARTS.has(words[i].w)) {
      joined.push(words[i]);
      continue;
    }
    for (const size of [3, 2]) {
      const parts = words.slice(i, i + size);
      if (parts.length < size || parts.some((p) => p.punct)) continue;
      const compound = COMPOUNDS.get(parts.map((p) => p.w).join(' '));
      if (!compound) continue;
      const last = parts[size - 1];
      merged = { ...parts[0], w: compound, raw: parts.map((p) => p.raw).join(' '), end: last.end };
      i += size - 1;
      break;
    }
    joined.push(merged ?? words[i]);
  }
  return joined;
}


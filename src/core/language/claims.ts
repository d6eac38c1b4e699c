import { isFunctionWord, isKnownFirstName, isLikelyName, isOrderVerb } from '../wordClasses.js';
import { BIAS, CLAIMS, TRAITS, VALENCE, WHO } from './lexicon.js';
import type { FrameSet, PeerMatcher } from './frames.js';
import { firstIndex, valenceScore } from './valence.js';
import type { Word } from './words.js';

/**
 * Claims about people: who a clause is about (from the parse: pronouns, role nouns,
 * capitalised or unknown words in subject position, never a list of names) and what is
 * said of them — a trait, a label, a grade of their work, a motive, a verdict on their
 * potential, a comparison with others, or a bias-prone descriptor.
 */

export type ClaimKind = 'trait' | 'label' | 'evaluation' | 'motive' | 'potential' | 'comparison' | 'bias' | 'control' | 'effort' | 'absolute' | 'vague-ask';
export type ClaimPolarity = 'praise' | 'criticism';
/**
 * person: a pronoun, a role noun, a name. maybe-person: a capitalised common word at the start
 * of a sentence ("Sage", "Miles"), a person only if what is said fits only people.
 * work: someone's work ("her code"). group: the team, everyone. implicit: a verbless note ("Lazy.").
 */
export type SubjectKind = 'person' | 'maybe-person' | 'work' | 'group' | 'implicit';

export interface Claim {
  kind: ClaimKind;
  polarity: ClaimPolarity;
  subject: SubjectKind;
  /** Word indexes of what is said (the span to underline). */
  from: number;
  to: number;
  /** For bias claims: which kind of descriptor (gendered, caregiving, …). */
  detail?: string;
}

/** Words that may stand between a subject and what is said of it ("can be really", "has always been"). */
const AUXILIARIES = new Set(
  ("is are was were be been being 's am can could will would may might must should shall does do did has have had " +
    'gets get got getting becomes become became seems seem seemed appears appear appeared looks look looked sounds sound sounded ' +
    'tends tend tended to remains remained stays stayed acts acted comes come came across off as keeps kept ' +
    'just also still always often sometimes usually generally really very so too quite pretty rather somewhat fairly extremely ' +
    'incredibly honestly frankly clearly obviously simply basically truly definitely certainly probably maybe perhaps overall ever even ' +
    'totally completely bit little kind sort of tad such mostly constantly continually increasingly quite becoming being way super ' +
    'not never no hardly barely rarely seldom kinda sorta genuinely actually absolutely lately recently now again already overly excessively all').split(' '),
);
/** "kind", "sort" stand between subject and verdict only in "kind of", "sort of" ("she is kind to …" is a verdict). */
function isAuxiliaryAt(words: Word[], i: number): boolean {
  const w = words[i].w;
  if (w === 'kind' || w === 'sort') return words[i + 1]?.w === 'of';
  return AUXILIARIES.has(w) || (w === 'a' && A_DOWNTONER.has(words[i + 1]?.w ?? ''));
}
/** "a" is an auxiliary only in "a bit", "a little", "a tad". */
const A_DOWNTONER = new Set(['bit', 'little', 'tad']);
/** Where a clause ends. Not "and"/"or": coordinated verdicts share their subject ("lazy and unreliable"). */
const CLAUSE_BREAKS = new Set(['but', 'although', 'though', 'because', 'since', 'while', 'whereas', 'which', 'who', 'when', 'if', 'so', 'yet', 'unless', 'until', 'after', 'before', 'whom', 'whose', 'that']);
const SUBJECT_STARTS_AFTER = new Set(['and', 'but', 'or', 'although', 'though', 'because', 'since', 'while', 'whereas', 'so', 'yet', 'that', 'if', 'when', 'think', 'feel', 'believe', 'guess', 'honestly', 'overall', 'frankly', 'tbh', 'imo', 'sadly', 'unfortunately']);
const NAME_PARTICLES = new Set(['van', 'de', 'da', 'der', 'den', 'bin', 'binti', 'al', 'el', 'la', 'le', 'dos', 'das', 'di', 'du', 'von', 'ibn', 'ben', 'mac', 'o']);
const ARTICLES = new Set(['a', 'an', 'the', 'such', 'one', 'quite', 'real', 'our', 'my', 'your', 'his', 'her', 'their', 'this']);

interface Subject {
  kind: SubjectKind | 'self' | 'thing';
  end: number;
}

const isWord = (w: Word | undefined): w is Word => !!w && !w.punct;
const nameShaped = (w: Word) => /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u.test(w.raw) || /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)+$/u.test(w.raw);

/** Openers that do not change who a sentence is about ("Honestly, one of the good ones."). */
const DISCOURSE = new Set(['honestly', 'overall', 'frankly', 'tbh', 'really', 'just', 'also', 'again', 'generally', 'truly', 'definitely', 'imo', 'sadly', 'unfortunately', 'basically', 'simply', 'clearly', 'obviously', 'otherwise']);
/** Is `w` the first word of its sentence (after openers), where capitals say nothing about names? */
function sentenceInitial(words: Word[], i: number): boolean {
  const from = noteLabelEnd(words);
  if (i > from + 3) return false;
  for (let j = from; j < i; j++) if (!words[j].punct && !DISCOURSE.has(words[j].w)) return false;
  return true;
}

const LABEL_MARKS = new Set([':', '—', '–', '-']);
/** "Kemal: great attitude", "Kemi — brilliant, as ever": a name and a colon or dash head a note about that person. */
const labelEnds = new WeakMap<Word[], number>();
function noteLabelEnd(words: Word[]): number {
  let end = labelEnds.get(words);
  if (end === undefined) labelEnds.set(words, (end = findNoteLabelEnd(words)));
  return end;
}
function findNoteLabelEnd(words: Word[]): number {
  for (const at of [1, 2, 3]) {
    if (!LABEL_MARKS.has(words[at]?.w ?? '')) continue;
    const head = words.slice(0, at);
    const named = at <= 2 && head.every((w) => isWord(w) && nameShaped(w));
    if (named || isCompetency(head)) return at + 1;
  }
  return 0;
}

/** "Team work", "Quality of work", "Work ethic": a competency heading a note ("Work ethic – below expectation"). */
function isCompetency(head: Word[]): boolean {
  if (!head.every(isWord)) return false;
  const last = head[head.length - 1].w;
  const lastTwo = head.length > 1 ? `${head[head.length - 2].w} ${last}` : '';
  return WHO.workNouns.has(last) || WHO.aspectNouns.has(last) || WHO.workNouns.has(lastTwo) || WHO.aspectNouns.has(lastTwo);
}

function nounPhraseEnd(words: Word[], i: number, end: number, nouns: Set<string>): number {
  // Up to four words after a determiner, ending in one of `nouns` ("the new hire", "my direct report").
  for (let j = i; j < Math.min(end, i + 4); j++) {
    if (!isWord(words[j])) return -1;
    const two = j + 1 < end && isWord(words[j + 1]) ? `${words[j].w} ${words[j + 1].w}` : '';
    if (two && nouns.has(two)) return j + 2;
    if (nouns.has(words[j].w)) return j + 1;
    if (AUXILIARIES.has(words[j].w) && j > i) return -1;
  }
  return -1;
}

/** "the quality of his work", "Ana's code": extend a work noun by "of {pos|Name's} work". */
function workOwner(words: Word[], end: number, limit: number): number {
  if (words[end]?.w === 'of' && (WHO.possessives.has(words[end + 1]?.w ?? '') || words[end + 2]?.w === "'s")) {
    const from = end + (words[end + 2]?.w === "'s" ? 3 : 2);
    const after = nounPhraseEnd(words, from, limit, WHO.workNouns);
    if (after > 0) return after;
    const owned = ownedPhraseEnd(words, from, limit);
    if (owned > 0) return owned;
  }
  return end;
}

/** "the reports [he produces]", "the code [that she writes]": a relative clause names whose work it is. */
function madeBy(words: Word[], end: number, limit: number): number {
  const at = words[end]?.w === 'that' || words[end]?.w === 'which' ? end + 1 : end;
  const pronoun = words[at]?.w ?? '';
  if (!['he', 'she', 'they', 'you'].includes(pronoun) || at + 1 >= limit || !isWord(words[at + 1])) return end;
  // The relative clause is one verb, perhaps after an auxiliary ("he has written").
  let verb = at + 1;
  while (verb < limit - 1 && AUXILIARIES.has(words[verb].w) && !COPULAS.has(words[verb + 1]?.w ?? '')) verb++;
  return COPULAS.has(words[verb + 1]?.w ?? '') || MODALS.has(words[verb + 1]?.w ?? '') ? verb + 1 : end;
}

/** A bias-prone descriptor in a noun phrase beside a name, up to its head noun ("our bubbly new office manager"). */
function appositiveBias(words: Word[], from: number): Claim | null {
  if (!WHO.possessives.has(words[from]?.w ?? '') && !ARTICLES.has(words[from]?.w ?? '')) return null;
  for (let at = from + 1; at < Math.min(words.length, from + 6); at++) {
    if (!isWord(words[at]) && words[at].w !== ',') return null;
    for (const kind of BIAS.kinds) {
      const to = kind.inherent ? lexiconAt(kind, words, at, words.length) : -1;
      if (to > 0) return { kind: 'bias', polarity: 'criticism', subject: 'person', from: at, to, detail: kind.kind };
    }
  }
  return null;
}

/** Possessives that say a person owns what follows ("our" and "my" are the writer's side). */
const PERSON_POSSESSIVES = new Set(['his', 'her', 'your', 'their']);

/**
 * Where a possessed noun phrase ends when a verb follows it: "[pricing models] are", "[written
 * reports] were". Up to four content words, so the head noun needs no list; -1 when no verb follows.
 */
function ownedPhraseEnd(words: Word[], i: number, end: number): number {
  for (let j = i; j < Math.min(end, i + 5); j++) {
    const w = words[j];
    if (!isWord(w)) return -1;
    if (j > i && (COPULAS.has(w.w) || MODALS.has(w.w))) {
      // "her kids are …", "his customers were …": other people, not something the person made.
      const head = words[j - 1].w;
      return WHO.familyNouns.has(head) || WHO.otherPeople.has(head) ? -1 : j;
    }
    if (isFunctionWord(w.raw) && w.w !== 'of') return -1;
  }
  return -1;
}

function subjectAt(words: Word[], i: number, end: number): Subject | null {
  const w = words[i];
  if (!isWord(w)) return null;
  if (WHO.personPronouns.has(w.w)) return { kind: 'person', end: i + 1 };
  if (WHO.selfPronouns.has(w.w)) return { kind: 'self', end: i + 1 };
  // "nobody", "no one": a quantifier over no one is not a person said to be anything.
  if (w.w === 'no' && words[i + 1]?.w === 'one') return { kind: 'thing', end: i + 2 };
  if (w.w === 'nobody') return { kind: 'thing', end: i + 1 };
  if (WHO.groupPeople.has(w.w)) return { kind: 'group', end: i + 1 };
  if (WHO.thingPronouns.has(w.w) && !WHO.determiners.has(w.w)) return { kind: 'thing', end: i + 1 };
  if (WHO.possessives.has(w.w) || WHO.determiners.has(w.w)) {
    const aspect = WHO.possessives.has(w.w) ? nounPhraseEnd(words, i + 1, end, WHO.aspectNouns) : -1;
    if (aspect === i + 2) return { kind: 'person', end: aspect };
    const role = nounPhraseEnd(words, i + 1, end, WHO.roleNouns);
    const work = nounPhraseEnd(words, i + 1, end, WHO.workNouns);
    // "the reports he produces": made by someone, so documents, not direct reports.
    if (work > 0 && (role < 0 || work < role || (work === role && madeBy(words, work, end) > work))) {
      const owned = Math.max(workOwner(words, work, end), madeBy(words, work, end));
      return { kind: WHO.possessives.has(w.w) || owned > work ? 'work' : 'thing', end: owned };
    }
    if (role > 0 && !WHO.otherPeople.has(words[role - 1].w)) {
      const group = words[role - 1].w === 'team' || words[role - 1].w === 'crew' || words[role - 1].w.endsWith('s');
      return { kind: group ? 'group' : 'person', end: role };
    }
    // "Her pricing models are …", "your written reports were …": whatever a person owns and is graded is their work.
    const owned = PERSON_POSSESSIVES.has(w.w) ? ownedPhraseEnd(words, i + 1, end) : -1;
    if (owned > 0) return { kind: 'work', end: owned };
    return null;
  }
  const clauseInitial = sentenceInitial(words, i) || (words[i - 1]?.punct === true && words[i - 1].w !== '"');
  if (clauseInitial && !WHO.possessives.has(w.w) && !WHO.determiners.has(w.w) && !AUXILIARIES.has(w.w) && !opensVerdict(words, i)) {
    // "Quality of work has been poor", "customer service skills are lacking": in a note about
    // someone, a bare work noun opening the sentence is their work.
    const work = nounPhraseEnd(words, i, end, WHO.workNouns);
    if (work > 0) return { kind: 'work', end: workOwner(words, work, end) };
  }
  // "Customers were rude": other people, not the person the note is about ("customer service skills" is their work, above).
  if (WHO.otherPeople.has(w.w)) return { kind: 'thing', end: i + 1 };
  const verbNext = COPULAS.has(words[i + 1]?.w ?? '') || MODALS.has(words[i + 1]?.w ?? '');
  if (w.capitalised && nameShaped(w) && !isPredicateWord(words, i) && (verbNext || !isFunctionWord(w.raw))) {
    let j = i + 1;
    while (j < end && j < i + 4 && isWord(words[j]) && ((words[j].capitalised && nameShaped(words[j])) || (NAME_PARTICLES.has(words[j].w) && words[j + 1]?.capitalised))) j++;
    if (words[j]?.w === "'s") {
      const work = nounPhraseEnd(words, j + 1, end, WHO.workNouns);
      if (work > 0) return { kind: 'work', end: work };
      const owned = ownedPhraseEnd(words, j + 1, end);
      if (owned > 0 && !COPULAS.has(words[j + 1]?.w ?? '')) return { kind: 'work', end: owned };
    }
    if (j === i + 1 && WHO.workNouns.has(w.w)) return { kind: 'thing', end: workOwner(words, j, end) };
    // Mid-sentence capitals, two-word names and known first names are people; a capitalised word
    // opening the sentence ("Sage", "Revenue") may be a person or a thing: what is said decides.
    const clearName = (!sentenceInitial(words, i) && isLikelyName(w.raw)) || j > i + 1 || isKnownFirstName(w.raw);
    return { kind: clearName ? 'person' : 'maybe-person', end: j };
  }
  if (/^\p{Ll}+$/u.test(w.raw) && sentenceInitial(words, i) && !isPredicateWord(words, i) && !DISCOURSE.has(w.w)) {
    // A lower-case single word in subject position: a name typed in lower case ("priya is rude"),
    // unless it is a word of work ("code is sloppy").
    if (WHO.workNouns.has(w.w)) return { kind: 'thing', end: workOwner(words, i + 1, end) };
    return { kind: 'maybe-person', end: i + 1 };
  }
  return null;
}

/** Words that open a predicate or a verdict, not a subject: "Lazy and unreliable.", "Has a short fuse.". */
function isPredicateWord(words: Word[], i: number): boolean {
  const w = words[i].w;
  // "Will is late", "Hope has …": a word followed by a verb is its subject, even if it can be a verb itself.
  if (COPULAS.has(words[i + 1]?.w ?? '') || words[i + 1]?.w === 'can' || words[i + 1]?.w === 'does') return false;
  return opensVerdict(words, i) || TRAITS.positive.single.has(w) || TRAITS.labelWords.has(w) || ARTICLES.has(w) || CLAIMS.evaluationNegative.single.has(w) || CLAIMS.evaluationPositive.single.has(w) || !isWord(words[i + 1]);
}

/** Where the clause that starts at `from` ends: the next clause break or punctuation. */
function clauseEnd(words: Word[], from: number): number {
  for (let j = from; j < words.length; j++) {
    if (words[j].punct && words[j].w !== '"' && words[j].w !== '“' && words[j].w !== '”') return j;
    // "so" after a verb intensifies ("he's so disorganised"); after anything else it links clauses ("late, so we …").
    const intensifier = words[j].w === 'so' && (LINKING.has(words[j - 1]?.w ?? '') || (AUXILIARIES.has(words[j - 1]?.w ?? '') && words[j - 1].w !== 'so'));
    if (j > from && CLAUSE_BREAKS.has(words[j].w) && !intensifier && !(words[j].w === 'that' && words[j - 1].w === 'so')) return j;
  }
  return words.length;
}

function peer(words: Word[], at: number): number {
  if (CLAIMS.ownPast.longestAt(words, at, words.length)) return -1;
  const known = CLAIMS.peerEnds.longestAt(words, at, words.length);
  if (known) return known.end;
  const w = words[at];
  if (w && w.capitalised && nameShaped(w) && !WHO.workNouns.has(w.w)) {
    let j = at + 1;
    while (isWord(words[j]) && words[j].capitalised && nameShaped(words[j])) j++;
    return j;
  }
  return -1;
}
const peerMatcher: PeerMatcher = peer;

function negates(words: Word[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (VALENCE.negators.has(words[j].w)) return true;
  return false;
}

/** Polarity of a grading phrase: from the evaluation lists, else from valence. */
function gradeOf(words: Word[], from: number, to: number): ClaimPolarity | null {
  let score = 0;
  for (let j = from; j < to; j++) {
    const w = words[j].w;
    if (CLAIMS.evaluationNegative.single.has(w)) score -= 2;
    else if (CLAIMS.evaluationPositive.single.has(w)) score += 2;
    else score += Math.sign(VALENCE.of(w));
  }
  return score > 0 ? 'praise' : score < 0 ? 'criticism' : null;
}

const flip = (p: ClaimPolarity): ClaimPolarity => (p === 'praise' ? 'criticism' : 'praise');

/** A single word or a multi-word entry of a split lexicon at `at`: its end, or -1. */
function lexiconAt(list: { single: Set<string>; frames: FrameSet }, words: Word[], at: number, end: number): number {
  const frame = list.frames.longestAt(words, at, end);
  if (frame) return frame.end;
  return isWord(words[at]) && list.single.has(words[at].w) ? at + 1 : -1;
}

/** Nouns for people by what they do: "pharmacist", "technician", "assistant", "supervisor". */
const AGENT_NOUN = /(?:ist|ian|ant|or|[^b]er)$/;
const NOT_AGENTS = new Set(['number', 'order', 'matter', 'water', 'paper', 'letter', 'chapter', 'quarter', 'corner', 'error', 'factor', 'sector', 'mirror', 'floor', 'door', 'color', 'colour', 'behavior', 'behaviour', 'honour', 'honor', 'favour', 'favor', 'summer', 'winter', 'meeting', 'amount', 'account', 'element']);
const LINKING = new Set(['is', 'are', 'was', 'were', "'s", 'am', 'be', 'been', 'being', 'seems', 'seem', 'seemed', 'remains', 'remained', 'becomes', 'became', 'sounds', 'looks', 'as']);
const linked = (words: Word[], from: number, to: number) => {
  for (let j = from; j < to; j++) if (LINKING.has(words[j].w)) return true;
  return false;
};

/** "a solid contributor", "a real asset to the team", "the weak link": a label for a person, or null. */
function labelAt(words: Word[], start: number, end: number): { to: number; polarity: ClaimPolarity } | null {
  // "a bit of a know-it-all", "something of a diva": the label is what follows.
  let at = start;
  // "a wee bit of a diva", "a little bit of a know-it-all"
  const small = ['wee', 'little', 'tiny', 'touch'].includes(words[at + 1]?.w ?? '') ? 1 : 0;
  if (words[at]?.w === 'a' && words[at + 1 + small]?.w === 'bit' && words[at + 2 + small]?.w === 'of') at += 3 + small;
  else if ((words[at]?.w === 'bit' || words[at]?.w === 'something' || words[at]?.w === 'kind' || words[at]?.w === 'sort') && words[at + 1]?.w === 'of') at += 2;
  if (!ARTICLES.has(words[at]?.w ?? '')) return null;
  let j = at + 1;
  let graded: ClaimPolarity | null = null;
  for (; j < Math.min(end, at + 6); j++) {
    const negativeNoun = lexiconAt(TRAITS.negativeNouns, words, j, end);
    if (negativeNoun > 0) return { to: negativeNoun, polarity: 'criticism' };
    const positiveNoun = lexiconAt(TRAITS.positiveNouns, words, j, end);
    if (positiveNoun > 0 && (graded !== null || !TRAITS.labelHeads.has(words[positiveNoun - 1].w))) return { to: positiveNoun, polarity: graded ?? 'praise' };
    const w = words[j];
    if (!isWord(w)) return null;
    // "the most difficult customer": a label for someone else, not for the person the note is about.
    if (WHO.otherPeople.has(w.w) || WHO.familyNouns.has(w.w)) return null;
    if (TRAITS.labelHeads.has(w.w)) return graded ? { to: j + 1, polarity: graded } : null;
    // "an excellent pharmacist and …": after a grade, any noun that ends the phrase is the label.
    if (graded && j > at + 1 && AGENT_NOUN.test(w.w) && !NOT_AGENTS.has(w.w) && predicative(words, j + 1, end) && !TRAITS.labelWords.has(w.w)) return { to: j + 1, polarity: graded };
    if (TRAITS.labelWords.has(w.w) || TRAITS.positive.single.has(w.w) || TRAITS.negative.single.has(w.w)) {
      const v = VALENCE.of(w.w);
      const word: ClaimPolarity = TRAITS.negative.single.has(w.w) || v < 0 ? 'criticism' : 'praise';
      graded = graded === 'criticism' ? graded : word;
    } else if (!AUXILIARIES.has(w.w) && !ARTICLES.has(w.w) && !LABEL_DEGREE.has(w.w)) return null;
  }
  return null;
}
/** Degree words inside a label: "the most difficult person", "the least reliable member". */
const LABEL_DEGREE = new Set(['most', 'least', 'very', 'really', 'truly', 'genuinely', 'such', 'total', 'complete', 'absolute', 'utter', 'proper', 'bit']);

/**
 * Words that may follow an adjective said of someone ("lazy about", "rude to customers", "lazy."):
 * any other word after it makes the adjective part of a noun phrase ("a difficult customer call").
 */
const AFTER_PREDICATE = new Set(
  ('about with to in at on toward towards around during for of from under over when whenever if because since as and or but so that ' +
    'sometimes lately recently too again overall these this every all most often at times these days it he she they you him her them ' +
    'especially even lol tbh though honestly imo really anymore now today all then abt w re around with').split(' '),
);
/** "good to get", "nice to have": an adjective with an infinitive after it is a wish, not a verdict. */
const predicative = (words: Word[], to: number, end: number) =>
  to >= end || !isWord(words[to]) || (AFTER_PREDICATE.has(words[to].w) && !(words[to].w === 'to' && infinitiveAt(words, to + 1)));

/** "to get", "to have": a verb after "to" (not "to customers", "to the team", "to him"). */
function infinitiveAt(words: Word[], at: number): boolean {
  const w = words[at];
  if (!isWord(w)) return false;
  return isOrderVerb(w.raw) || COMMON_VERBS.has(w.w);
}
/** Verbs compromise's lexicon files elsewhere, common after "good to …", "nice to …". */
const COMMON_VERBS = new Set(['get', 'have', 'see', 'know', 'hear', 'be', 'go', 'do', 'make', 'take', 'keep', 'talk', 'deal', 'learn', 'use', 'meet', 'catch', 'chat', 'sync']);

/** Opening words of a verbless note that goes on to say something of the person ("A bit bossy …", "Too quiet …"). */
const OPENING_DOWNTONERS = new Set(['bit', 'too', 'very', 'so', 'quite', 'really', 'always', 'never', 'overly', 'extremely', 'kind', 'sort']);

/** "solid contributor", "Strong performer.", "model employee, no complaints": a label with no article, as notes are written. */
function bareLabelAt(words: Word[], start: number): { to: number; polarity: ClaimPolarity } | null {
  // "very good employee", "absolute gem": an intensifier may come first.
  const at = VALENCE.intensifiers.has(words[start]?.w ?? '') && isWord(words[start + 1]) ? start + 1 : start;
  const noun = lexiconAt(TRAITS.positiveNouns, words, at + 1, words.length);
  if (TRAITS.labelWords.has(words[at]?.w ?? '') && noun > 0 && predicative(words, noun, words.length)) return { to: noun, polarity: 'praise' };
  const badNoun = lexiconAt(TRAITS.negativeNouns, words, at + 1, words.length);
  if (TRAITS.labelWords.has(words[at]?.w ?? '') && badNoun > 0 && predicative(words, badNoun, words.length)) return { to: badNoun, polarity: 'criticism' };
  const w = words[at];
  if (!isWord(w) || !isWord(words[at + 1])) return null;
  const grade = TRAITS.labelWords.has(w.w) || TRAITS.positive.single.has(w.w) || TRAITS.negative.single.has(w.w);
  if (!grade || !TRAITS.labelHeads.has(words[at + 1].w) || !predicative(words, at + 2, words.length)) return null;
  return { to: at + 2, polarity: TRAITS.negative.single.has(w.w) || VALENCE.of(w.w) < 0 ? 'criticism' : 'praise' };
}

/** The end of a plural praise noun at `at` ("superstars", "rock stars"), or -1. */
function pluralLabelEnd(words: Word[], at: number, end: number): number {
  const to = lexiconAt(TRAITS.positiveNouns, words, at, end);
  return to > 0 && words[to - 1].w.endsWith('s') ? to : -1;
}

/** The end of a grading word or phrase at `at` ("below par", "poor"), or -1. */
function gradeAt(words: Word[], at: number, end: number): number {
  return Math.max(lexiconAt(CLAIMS.evaluationNegative, words, at, end), lexiconAt(CLAIMS.evaluationPositive, words, at, end));
}

/** Claims in one clause's predicate, said of `subject`; `from` is where the predicate starts. */
function predicateClaims(words: Word[], start: number, end: number, subject: SubjectKind, claims: Claim[]): void {
  const from = skipToVerb(words, start, end, subject);
  const personal = subject !== 'work';
  const clearPerson = subject === 'person' || subject === 'implicit' || subject === 'group';
  let head = from;
  while (head < end && isWord(words[head]) && isAuxiliaryAt(words, head)) {
    // Frames that start with a verb ("has a short fuse", "doesn't care") are tried inside the auxiliaries too.
    if (tryFrames(words, head, end, from, subject, claims)) return;
    head++;
  }
  if (head >= end) return;
  if (tryFrames(words, head, end, from, subject, claims)) return;
  const negated = negates(words, from, head);
  if (personal) {
    const motive = CLAIMS.motiveAnywhere.firstIn(words, head, end);
    if (motive) claims.push({ kind: 'motive', polarity: 'criticism', subject, from: motive.start, to: motive.end });
  }

  for (let at = head; at < end; ) {
    const bias = personal && subject !== 'group' ? inherentBiasAt(words, at, end) : null;
    const negativeEnd = lexiconAt(TRAITS.negative, words, at, end);
    const positiveEnd = lexiconAt(TRAITS.positive, words, at, end);
    const passingState = TRAITS.states.has(words[at].w) && TRAITS.stateBefore.has(words[at + 1]?.w ?? '');
    const negative = negativeEnd > 0 && predicative(words, negativeEnd, end) && !passingState ? negativeEnd : -1;
    const positive = positiveEnd > 0 && predicative(words, positiveEnd, end) && !passingState ? positiveEnd : -1;
    const thingable = TRAITS.thingable.has(words[at].w);
    let next = -1;
    if (subject === 'work' || (subject === 'implicit' && at === head && gradeAt(words, at, end) > at && predicative(words, gradeAt(words, at, end), end))) {
      const bad = lexiconAt(CLAIMS.evaluationNegative, words, at, end);
      const good = lexiconAt(CLAIMS.evaluationPositive, words, at, end);
      const stop = Math.max(bad, good, negative, positive);
      if (stop > at) {
        const polarity: ClaimPolarity = bad > 0 || negative > 0 ? 'criticism' : 'praise';
        claims.push({ kind: 'evaluation', polarity: negated ? flip(polarity) : polarity, subject, from: at, to: stop });
        next = stop;
      }
    } else if (bias && !negated) {
      claims.push({ kind: 'bias', polarity: 'criticism', subject, from: at, to: bias.to, detail: bias.kind });
      next = bias.to;
    } else if (negative > 0 && !negated && (clearPerson || !thingable)) {
      claims.push({ kind: 'trait', polarity: 'criticism', subject, from: at, to: negative });
      next = negative;
    } else if (positive > 0 && (clearPerson || !thingable) && subject !== 'group') {
      claims.push({ kind: 'trait', polarity: negated ? 'criticism' : 'praise', subject, from: negated ? Math.max(from, head - 1) : at, to: positive });
      next = positive;
    } else if (clearPerson && subject !== 'group' && pluralLabelEnd(words, at, end) > 0) {
      // "you're all superstars": a plural label needs no article.
      const to = pluralLabelEnd(words, at, end);
      claims.push({ kind: 'label', polarity: negated ? 'criticism' : 'praise', subject, from: at, to });
      next = to;
    } else {
      // A label is said with "be" ("is a real asset"), not with "did" ("did a huge number of …").
      const labelled = subject === 'implicit' || linked(words, from, head);
      const label = labelled && (clearPerson || subject === 'maybe-person') ? (labelAt(words, at, end) ?? (subject === 'implicit' ? bareLabelAt(words, at) : null)) : null;
      if (label && !(subject === 'group' && label.polarity === 'praise')) {
        claims.push({ kind: 'label', polarity: negated ? flip(label.polarity) : label.polarity, subject, from: at, to: label.to });
        next = label.to;
      }
    }
    if (next < 0) break;
    // "lazy and careless", "rude, dismissive": coordinated verdicts share the subject.
    let j = next;
    while (j < end && words[j].w === ',') j++;
    if (words[j]?.w === 'and' || words[j]?.w === 'or') j++;
    while (j < end && AUXILIARIES.has(words[j]?.w ?? '')) j++;
    if (j === next || j >= end) break;
    at = j;
  }
}

const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'must', 'does', 'do', 'did', 'may', 'might', 'always', 'never']);
const COPULAS = new Set(['is', 'are', 'was', 'were', "'s", 'has', 'have', 'had', 'been', 'seems', 'remains', 'looks']);
const TIME_WORDS = new Set(['this', 'last', 'so', 'far', 'year', 'quarter', 'period', 'month', 'week', 'cycle', 'half', 'lately', 'recently', 'overall', 'generally', 'in', 'general']);
/**
 * Where the verb of a predicate starts: past a time phrase ("performance this year was …") and,
 * for someone's work, past a short qualifier ("her communication with families is …").
 */
function skipToVerb(words: Word[], from: number, end: number, subject: SubjectKind): number {
  let j = from;
  while (j < end && TIME_WORDS.has(words[j].w)) j++;
  if (j < end && COPULAS.has(words[j].w)) return j;
  if (subject !== 'work') return from;
  for (let k = j; k < Math.min(end, j + 5); k++) if (COPULAS.has(words[k].w)) return k;
  return from;
}

/** A gendered, introversion or appearance descriptor said of someone ("bossy", "too quiet in meetings"). */
function inherentBiasAt(words: Word[], at: number, end: number): { to: number; kind: string } | null {
  for (const kind of BIAS.kinds) {
    if (!kind.inherent) continue;
    const to = lexiconAt(kind, words, at, end);
    if (to > 0 && (to > at + 1 || predicative(words, to, end))) return { to, kind: kind.kind };
  }
  return null;
}

/** Raised negation: "I don't think Sam is cut out for …" denies what follows. */
function deniedBefore(words: Word[], clauseStart: number): boolean {
  for (let j = Math.max(0, clauseStart - 6); j < clauseStart; j++) {
    if (words[j].w === 'not' && ['think', 'believe', 'see', 'feel', 'expect'].includes(words[j + 1]?.w ?? '')) return true;
  }
  return false;
}

function tryFrames(words: Word[], at: number, end: number, from: number, subject: SubjectKind, claims: Claim[]): boolean {
  if (subject === 'work') return false;
  const negated = negates(words, from, at);
  const bias = subject !== 'group' && (at > from || subject === 'implicit') ? inherentBiasAt(words, at, end) : null;
  if (bias && bias.to > at + 1 && !negated) {
    claims.push({ kind: 'bias', polarity: 'criticism', subject, from: at, to: bias.to, detail: bias.kind });
    return true;
  }
  const push = (kind: ClaimKind, polarity: ClaimPolarity, to: number) => {
    claims.push({ kind, polarity, subject, from: at, to });
    return true;
  };
  const bad = TRAITS.negativeIdioms.longestAt(words, at, end);
  if (bad && !negated) return push('trait', 'criticism', bad.end);
  const good = TRAITS.positiveIdioms.longestAt(words, at, end);
  if (good && subject !== 'group') return push(negated ? 'trait' : 'label', negated ? 'criticism' : 'praise', good.end);
  const potential = CLAIMS.potential.longestAt(words, at, end);
  if (potential) return push('potential', 'criticism', potential.end);
  const denied = CLAIMS.potentialWhenDenied.longestAt(words, at, end);
  if (denied && (negated || deniedBefore(words, from))) return push('potential', 'criticism', denied.end);
  const motive = CLAIMS.motive.longestAt(words, at, end);
  if (motive && !negated) return push('motive', 'criticism', motive.end);
  const doing = CLAIMS.doing.longestAt(words, at, end);
  if (doing) {
    const grade = gradeOf(words, at, doing.end) ?? 'praise';
    const negatedInside = negates(words, at, doing.end);
    if (negated) {
      // "does not do good work": the negation is part of what is said.
      const negator = words.findIndex((w, j) => j >= from && j < at && VALENCE.negators.has(w.w));
      claims.push({ kind: 'evaluation', polarity: negatedInside ? grade : flip(grade), subject, from: Math.max(from, negator - 1), to: doing.end });
      return true;
    }
    return push('evaluation', negatedInside ? flip(grade) : grade, doing.end);
  }
  return false;
}

/** A comparison with other people anywhere in a sentence about a person ("Unlike Priya, you …", "weaker than the rest"). */
function comparisonIn(words: Word[], subject: SubjectKind, claims: Claim[]): void {
  const hit = CLAIMS.comparison.firstIn(words, 0, words.length, peerMatcher);
  if (hit) claims.push({ kind: 'comparison', polarity: 'criticism', subject, from: hit.start, to: hit.end });
}

/** Predicate-starting words for a subject left out: "… and comes across as negative", "Has a short fuse." */
function startsPredicate(w: Word | undefined): boolean {
  if (!isWord(w)) return false;
  if (AUXILIARIES.has(w.w) && !['to', 'as', 'of', 'so', 'such', 'kind', 'sort', 'bit', 'little', 'no', 'overall', 'now', 'again'].includes(w.w)) return true;
  // "Leaves at 4 every day …", "Misses deadlines": a verb in the third person opens a note about someone.
  if (/[^s]s$/.test(w.w) && isOrderVerb(w.w.replace(/e?s$/, '')) && isOrderVerb(w.w.slice(0, -1))) return true;
  return ['lacks', 'thinks', 'refuses', 'only', 'loses', 'flies', 'blows', 'makes', 'puts', 'cares', 'wants', 'resents', 'plays', 'goes', 'went', 'gives', 'knows', 'rubs', 'struggles', 'performs', 'underperforms', 'excels', 'hit', 'reached', 'lost', 'shows', 'takes'].includes(w.w);
}

/** A grading word then a word of work or manner opening a verbless note: "Excellent performance", "poor attitude". */
function gradedWorkNote(words: Word[], i: number): Claim | null {
  const bad = lexiconAt(CLAIMS.evaluationNegative, words, i, words.length);
  const good = bad > 0 ? -1 : lexiconAt(CLAIMS.evaluationPositive, words, i, words.length);
  const gradeEnd = Math.max(bad, good);
  if (gradeEnd < 0) return null;
  const noun = Math.max(nounPhraseEnd(words, gradeEnd, words.length, WHO.workNouns), nounPhraseEnd(words, gradeEnd, words.length, WHO.aspectNouns));
  // The noun must be the head of the note: "Poor attendance." or "Poor attendance this quarter", not "Poor attendance policy".
  if (noun !== gradeEnd + 1 || !predicative(words, noun, words.length) && !TIME_WORDS.has(words[noun]?.w ?? '')) return null;
  return { kind: 'evaluation', polarity: bad > 0 ? 'criticism' : 'praise', subject: 'work', from: i, to: noun };
}

/** A favourable trait word that is the whole note ("Reliable.", "Dependable and consistent, …"). */
function openingTrait(words: Word[], i: number): boolean {
  const to = lexiconAt(TRAITS.positive, words, i, words.length);
  return to > 0 && predicative(words, to, words.length);
}

/** A verbless note opens with what it says of the person: "Lazy.", "Too quiet …", "Solid contributor", "Below par". */
function opensVerdict(words: Word[], i: number): boolean {
  const n = words.length;
  return (
    startsPredicate(words[i]) ||
    OPENING_DOWNTONERS.has(words[i].w) ||
    (words[i].w === 'a' && A_DOWNTONER.has(words[i + 1]?.w ?? '')) ||
    inherentBiasAt(words, i, n) !== null ||
    openingTrait(words, i) ||
    bareLabelAt(words, i) !== null ||
    TRAITS.negative.single.has(words[i].w) ||
    TRAITS.negativeIdioms.longestAt(words, i, n) !== null ||
    TRAITS.positiveIdioms.longestAt(words, i, n) !== null ||
    CLAIMS.doing.longestAt(words, i, n) !== null ||
    CLAIMS.motive.longestAt(words, i, n) !== null ||
    CLAIMS.potential.longestAt(words, i, n) !== null ||
    (lexiconAt(CLAIMS.evaluationNegative, words, i, n) > i && predicative(words, lexiconAt(CLAIMS.evaluationNegative, words, i, n), n)) ||
    labelAt(words, i, n) !== null
  );
}

/** All claims about people in a sentence's words. */
export function claimsIn(words: Word[], people: Set<SubjectKind> = new Set()): Claim[] {
  const claims: Claim[] = [];
  /** A clause about the writer or a thing: a sentence with none of these and no person is a note about someone. */
  let sawThing = false;
  let lastSubject: SubjectKind | null = null;
  for (let i = 0; i < words.length; i++) {
    const prev = words[i - 1];
    const boundary = i === 0 || prev.punct || SUBJECT_STARTS_AFTER.has(prev.w) || CLAUSE_BREAKS.has(prev.w) || WHO.personPronouns.has(words[i].w) || (words[i].capitalised && !sentenceInitial(words, i));
    if (!boundary) continue;
    // "Excellent performance overall.", "Poor attendance this quarter.": a grade on someone's work, as a note.
    const graded = sentenceInitial(words, i) ? gradedWorkNote(words, i) : null;
    if (graded) {
      claims.push(graded);
      people.add('implicit');
      i = graded.to - 1;
      continue;
    }
    const subject = subjectAt(words, i, words.length);
    const openingLabel = sentenceInitial(words, i) ? (labelAt(words, i, words.length) ?? bareLabelAt(words, i)) : null;
    const bareLabel = subject && openingLabel && predicative(words, openingLabel.to, words.length);
    if (subject && subject.kind !== 'self' && subject.kind !== 'thing' && !bareLabel) {
      people.add(subject.kind);
      const end = clauseEnd(words, subject.end);
      const before = claims.length;
      predicateClaims(words, subject.end, end, subject.kind, claims);
      if (claims.length === before) gradedPredicate(words, subject.end, end, subject.kind, claims, i);
      lastSubject = subject.kind;
      if (claims.length > before) i = Math.max(i, claims[claims.length - 1].to - 1);
      continue;
    }
    if (subject?.kind === 'self' || subject?.kind === 'thing') {
      sawThing = true;
      lastSubject = null;
      continue;
    }
    // "Welcome Sam, a real rockstar": a label set beside a name.
    if (prev?.w === ',' && isWord(words[i - 2]) && words[i - 2].capitalised && nameShaped(words[i - 2])) {
      const label = labelAt(words, i, words.length);
      if (label) {
        claims.push({ kind: 'label', polarity: label.polarity, subject: 'person', from: i, to: label.to });
        people.add('person');
        i = label.to - 1;
        continue;
      }
      // "Chloé, our lovely, bubbly new office manager": a descriptor inside the phrase set beside a name.
      const described = appositiveBias(words, i);
      if (described) {
        claims.push(described);
        people.add('person');
        i = described.to - 1;
        continue;
      }
    }
    // No subject: a coordinated predicate ("and comes across as negative") or a verbless note ("Lazy.", "Has a short fuse.").
    // "Geoff is 61 and a bit set in his ways": a second predicate may open with a verdict, not a verb.
    const coordinated = lastSubject && (prev?.w === 'and' || prev?.w === 'but' || prev?.w === 'or' || prev?.w === ',') && (startsPredicate(words[i]) || opensVerdict(words, i));
    const opening = sentenceInitial(words, i) && opensVerdict(words, i);
    if (coordinated || opening) {
      if (opening) people.add('implicit');
      const end = clauseEnd(words, i);
      const before = claims.length;
      predicateClaims(words, i, end, coordinated ? lastSubject! : 'implicit', claims);
      if (claims.length === before) gradedPredicate(words, i, end, coordinated ? lastSubject! : 'implicit', claims, i);
      if (claims.length > before) i = Math.max(i, claims[claims.length - 1].to - 1);
    }
  }
  const person = [...people].find((k) => k !== 'work');
  // "another promotion in him", "no point sending her on the course": an object pronoun names someone too.
  // "Sunita's code": a name with 's names someone too.
  const aboutSomeone =
    person !== undefined ||
    !sawThing ||
    words.some((w, k) => (WHO.possessives.has(w.w) && w.w !== 'our' && w.w !== 'my' && w.w !== 'its') || w.w === 'him' || w.w === 'them' || (w.w === "'s" && words[k - 1]?.capitalised && nameShaped(words[k - 1])));
  if (aboutSomeone && !claims.some((c) => c.kind === 'potential')) {
    const fixed = CLAIMS.potentialAnywhere.firstIn(words, 0, words.length);
    if (fixed) claims.push({ kind: 'potential', polarity: 'criticism', subject: person ?? 'person', from: fixed.start, to: fixed.end });
  }
  if (aboutSomeone) comparisonIn(words, person ?? 'person', claims);
  if (aboutSomeone) effortIn(words, person ?? 'person', claims);
  if (aboutSomeone) absolutesIn(words, person ?? 'person', claims);
  controlIn(words, claims);
  vagueAskIn(words, claims);
  return claims.sort((a, b) => a.from - b.from);
}

/**
 * "always", "never", "not once" in a critical clause ("you always miss deadlines"), read with the
 * clause's own valence, so "she never loses her temper, even with rude callers" is praise.
 */
function absolutesIn(words: Word[], subject: SubjectKind, claims: Claim[]): void {
  for (let from = 0; from < words.length; ) {
    const hit = CLAIMS.absolutes.firstIn(words, from, words.length);
    if (!hit) return;
    from = hit.end;
    if (VALENCE_GUARDS.notAfter.has(words[hit.start - 1]?.w ?? '') || VALENCE_GUARDS.notBefore.has(words[hit.end]?.w ?? '')) continue;
    let start = hit.start;
    while (start > 0 && !words[start - 1].punct && !CLAUSE_BREAKS.has(words[start - 1].w) && words[start - 1].w !== 'and') start--;
    const end = clauseEnd(words, hit.end);
    if (valenceScore(words, claims, start, end) <= -CRITICAL) claims.push({ kind: 'absolute', polarity: 'criticism', subject, from: hit.start, to: hit.end });
  }
}
/**
 * What a clause says of a person when no listed trait, label or grade matches: its valence read
 * as a criticism ("his attitude stinks", "customer service skills are lacking", "is not so
 * reliable person"). Only a clear valence counts, only in a main clause about a person, their work
 * or a note about them, and only when it is a verdict: said with "be" or by the verb alone, not
 * asked, planned, reported or quoted. Praise is left to the trait and label lexicons, because
 * favourable words also fill reports of deeds ("won the renewal"). Whether an example backs the
 * criticism is the rule's business.
 */
function gradedPredicate(words: Word[], from: number, end: number, subject: SubjectKind, claims: Claim[], clauseStart: number): void {
  if (subject === 'group' || subject === 'maybe-person') return;
  // "when Ana was off sick", "when her designs get pushback": a circumstance, not a verdict.
  if (SUBORDINATORS.has(words[clauseStart - 1]?.w ?? '') || SUBORDINATORS.has(words[clauseStart - 2]?.w ?? '')) return;
  // "Be more proactive.", "Don't reply without …": an order, not a verdict.
  if (subject === 'implicit' && (words[from].w === 'be' || words[from].w === 'do' || isOrderVerb(words[from].w))) return;
  const graded = firstIndex(words, from, end, (k) => VALENCE.of(words[k].w) !== 0);
  if (graded < 0 || TRAITS.states.has(words[graded].w)) return;
  // "should do better", "she'll work on her confidence", "thanks all": asked, planned or thanked, not judged.
  for (let k = from; k <= graded; k++) {
    if (CLAIMS.irrealis.single.has(words[k].w) || CLAIMS.irrealis.frames.longestAt(words, k, end)) return;
  }
  // "She said the feedback stung", "called our quote 'aggressive'": someone else's words.
  for (let k = 0; k < graded; k++) if (CLAIMS.reportVerbs.has(words[k].w) || QUOTES.has(words[k].w)) return;
  // A verdict is said with "be" ("skills are lacking") or is the verb itself ("his attitude stinks");
  // a verb with an object reports a deed ("approved the clause").
  let verb = from;
  while (verb < graded && (AUXILIARIES.has(words[verb].w) || VALENCE.negators.has(words[verb].w) || DISCOURSE.has(words[verb].w))) verb++;
  if (!linked(words, from, graded) && !(verb === graded && predicative(words, graded + 1, end))) return;
  // "is late a lot and comes across as negative": the verdict ends where a coordinated predicate starts.
  const coordinated = firstIndex(words, graded + 1, end, (k) => words[k].w === 'and' || words[k].w === 'or' || words[k].w === ',');
  if (coordinated > 0) end = coordinated;
  if (valenceScore(words, claims, from, end) > -VERDICT) return;
  let stop = end;
  while (stop > from && !isWord(words[stop - 1])) stop--;
  if (stop > from) claims.push({ kind: 'evaluation', polarity: 'criticism', subject, from, to: stop });
}
const SUBORDINATORS = new Set(['when', 'whenever', 'while', 'after', 'before', 'because', 'since', 'if', 'unless', 'until', 'as', 'though', 'although', 'once']);
const QUOTES = new Set(['"', '“', '”', '‘']);

/** How clear a clause's valence must be to count as a verdict on someone. */
const VERDICT = 1.5;

/** The valence below which a clause criticises (the sentence threshold in features.ts). */
const CRITICAL = 0.4;
const VALENCE_GUARDS = { notAfter: CLAIMS.absoluteNotAfter, notBefore: CLAIMS.absoluteNotBefore };

/**
 * An ask with nothing to see done: a listed vague ask ("take more ownership"), or an ask
 * ("needs to", "work on", "must") followed within two words by a vague target ("improve",
 * "more training", "your time management") that ends its clause, so "work on the Q3 plan" is fine.
 */
function vagueAskIn(words: Word[], claims: Claim[]): void {
  const phrase = CLAIMS.vagueAskPhrases.firstIn(words, 0, words.length);
  if (phrase) {
    claims.push({ kind: 'vague-ask', polarity: 'criticism', subject: 'person', from: phrase.start, to: phrase.end });
    return;
  }
  // "Improve time management.", "Be more punctual.": an order opening the sentence is the ask.
  let start = 0;
  // "Please, everyone, be more positive": whom the order is addressed to is not the order.
  while (start < words.length && (!isWord(words[start]) || ['please', 'pls', 'just', 'and', 'everyone', 'everybody', 'folks', 'team', 'guys', 'all'].includes(words[start].w))) start++;
  const last = [...words].reverse().find((w) => isWord(w))?.w ?? '';
  const orders = start < words.length && (isOrderVerb(words[start].w) || ['be', 'get', 'try', 'expect'].includes(words[start].w) || last === 'please' || last === 'pls');
  const ordered = orders ? CLAIMS.vagueTargets.longestAt(words, start, words.length) : null;
  if (ordered && endsVaguely(words, ordered.end)) {
    claims.push({ kind: 'vague-ask', polarity: 'criticism', subject: 'person', from: start, to: ordered.end });
    return;
  }
  for (let from = 0; from < words.length; ) {
    const ask = CLAIMS.asks.firstIn(words, from, words.length);
    if (!ask) return;
    // The next ask may start inside this one ("we expect you to …" holds "expect" and "to").
    from = ask.start + 1;
    if (negatedBefore(words, ask.start)) continue;
    for (let t = ask.end; t <= ask.end + 2 && t < words.length; t++) {
      const target = CLAIMS.vagueTargets.longestAt(words, t, words.length);
      if (!target || !endsVaguely(words, target.end)) continue;
      claims.push({ kind: 'vague-ask', polarity: 'criticism', subject: 'person', from: ask.start, to: target.end });
      return;
    }
  }
}

/** What may follow a vague target without making it concrete: the end, a clause break, or a setting ("on the tills"). */
function endsVaguely(words: Word[], at: number): boolean {
  const next = words[at];
  if (!isWord(next) || CLAUSE_BREAKS.has(next.w) || next.w === 'and' || next.w === 'going' || next.w === 'moving' || next.w === 'from') return true;
  // "be faster on the tills", "improve with customers": a place or people, not a deliverable.
  // "to" + a verb is a purpose ("leverage her bandwidth to drive synergies"), and "to" + a noun is
  // whom or what it concerns ("less sensitive to feedback"): neither is more concrete than the ask.
  if (next.w === 'to') return true;
  return ['on', 'with', 'in', 'at', 'around', 'about', 'towards', 'toward', 'under', 'during', 'overall', 'asap', 'soon', 'please', 'pls', 'this', 'next', 'generally', 'a', 'lot', 'more', 'too'].includes(next.w);
}

/** A negator in the few words before `at` ("please don't work all weekend", "doesn't need to check with me"). */
const negatedBefore = (words: Word[], at: number) => negates(words, Math.max(0, at - 4), at);

/** Praise for hours and sacrifice ("always the last one to leave", "works so hard"). */
function effortIn(words: Word[], subject: SubjectKind, claims: Claim[]): void {
  for (let from = 0; from < words.length; ) {
    const hit = CLAIMS.effort.firstIn(words, from, words.length);
    if (!hit) return;
    if (!negatedBefore(words, hit.start)) claims.push({ kind: 'effort', polarity: 'praise', subject, from: hit.start, to: hit.end });
    from = hit.end;
  }
}

/**
 * The writer as the gate all work must pass: a listed control ("run everything by me"), or a gate
 * on the writer ("through me", "cc me") with a scope that leaves no room ("every", "first", "even").
 */
function controlIn(words: Word[], claims: Claim[]): void {
  const phrase = CLAIMS.controlPhrases.firstIn(words, 0, words.length);
  if (phrase && !negatedBefore(words, phrase.start)) {
    claims.push({ kind: 'control', polarity: 'criticism', subject: 'person', from: phrase.start, to: phrase.end });
    return;
  }
  const gate = CLAIMS.controlGates.firstIn(words, 0, words.length);
  // "Don't cc me", "no need to check with me": a gate undone. "Nothing … unless I approve" and
  // "without asking me" are the gate itself, so only a plain negator right before it counts.
  if (!gate) return;
  const condition = ['without', 'unless', 'until', 'before'].includes(words[gate.start - 1]?.w ?? '');
  if (!condition && words.slice(Math.max(0, gate.start - 4), gate.start).some((w) => w.w === 'not' || w.w === 'never' || w.w === 'no')) return;
  const scope = words.findIndex((w) => CLAIMS.controlScopes.has(w.w));
  if (scope < 0) return;
  claims.push({ kind: 'control', polarity: 'criticism', subject: 'person', from: Math.min(scope, gate.start), to: Math.max(scope + 1, gate.end) });
}

/**
 * Caregiving, health, age and origin descriptors said anywhere in a sentence ("puts family before
 * work", "old-school"). The gendered, introversion and appearance kinds are verdicts in themselves
 * and are read as what is said of a person, in `predicateClaims`.
 */
export function biasPhrasesIn(words: Word[]): Array<{ from: number; to: number; kind: string; verdict: boolean }> {
  const found: Array<{ from: number; to: number; kind: string; verdict: boolean }> = [];
  for (const kind of BIAS.kinds) {
    if (kind.inherent) continue;
    const hit = kind.frames.firstIn(words, 0, words.length) ?? singleIn(kind.single, words);
    if (hit) found.push({ from: hit.start, to: hit.end, kind: kind.kind, verdict: kind.verdict || conceded(words, hit.start) });
  }
  return found;
}

/** "despite his strong accent", "in spite of being close to retirement": praise given in spite of what someone is. */
function conceded(words: Word[], at: number): boolean {
  for (let k = Math.max(0, at - 3); k < at; k++) if (words[k].w === 'despite' || (words[k].w === 'spite' && words[k - 1]?.w === 'in')) return true;
  return false;
}

function singleIn(single: Set<string>, words: Word[]): { start: number; end: number } | null {
  const i = words.findIndex((w) => !w.punct && single.has(w.w));
  return i < 0 ? null : { start: i, end: i + 1 };
}

/** Was the claim at `from` reported as the person's own words ("she told me she wants …")? */
export function reportedSpeech(words: Word[], from: number): boolean {
  // "She told me she wants …" reports their words; "I believe he …" and "Told him …" are the writer's.
  for (let j = 1; j < from; j++) {
    if (!CLAIMS.reportVerbs.has(words[j].w)) continue;
    for (let k = Math.max(0, j - 3); k < j; k++) {
      const r = words[k];
      const thirdPerson = (WHO.personPronouns.has(r.w) && r.w !== 'you') || WHO.roleNouns.has(r.w);
      // A name right before the verb reports ("Ife worried she's …"), even at the start of a sentence.
      if (thirdPerson || (r.capitalised && nameShaped(r) && (k === j - 1 || !sentenceInitial(words, k)))) return true;
    }
  }
  return false;
}

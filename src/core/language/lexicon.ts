import traits from '../../../rules/lexicons/traits.json' with { type: 'json' };
import people from '../../../rules/lexicons/people.json' with { type: 'json' };
import claims from '../../../rules/lexicons/claims.json' with { type: 'json' };
import bias from '../../../rules/lexicons/bias.json' with { type: 'json' };
import valence from '../../../rules/lexicons/valence.json' with { type: 'json' };
import domain from '../../../rules/lexicons/valence-domain.json' with { type: 'json' };
import workplace from '../../../rules/lexicon.json' with { type: 'json' };
import { FrameSet } from './frames.js';
import { Speller } from './spelling.js';
import { dictionaryWords } from '../wordClasses.js';
import { wordsOf } from './words.js';

/**
 * The vocabulary of the linguistic layer, loaded once from rules/lexicons/*.json (each file
 * names its sources). Single words become sets; multi-word entries become frames.
 */

const norm = (word: string) => wordsOf(word).map((w) => w.w).join(' ');
const set = (list: readonly string[]) => new Set(list.map(norm));

/** Splits a vocabulary list into single words (a set) and longer entries (frames). */
function split(list: readonly string[]): { single: Set<string>; frames: FrameSet } {
  const single = new Set<string>();
  const longer: string[] = [];
  for (const entry of list) {
    if (/\s|[{|*?]/.test(entry.trim()) || wordsOf(entry).length > 1) longer.push(entry);
    else single.add(norm(entry));
  }
  return { single, frames: new FrameSet(longer) };
}

export const WHO = {
  personPronouns: set(people.personPronouns),
  selfPronouns: set(people.selfPronouns),
  possessives: set(people.possessives),
  determiners: set(people.determiners),
  thingPronouns: set(people.thingPronouns),
  groupPeople: set(people.groupPeople),
  roleNouns: set(people.roleNouns),
  /** Teams and departments that act: "Customer services will update the website", "Training team to book the course". */
  departments: set(people.departments),
  workNouns: set(people.workNouns),
  /** "her voice", "his tone": what is said of these is said of the person. */
  aspectNouns: set(people.aspectNouns),
  /** Customers, patients, guests: people, but not the ones the feedback is about. */
  otherPeople: set(people.otherPeople),
  familyNouns: set(people.familyNouns),
};

export const TRAITS = {
  negative: split(traits.adjectives.negative),
  positive: split(traits.adjectives.positive),
  thingable: set(traits.adjectives.alsoSaidOfThings.words),
  states: set(traits.adjectives.states.words),
  stateBefore: set(traits.adjectives.states.before),
  negativeNouns: split(traits.nouns.negative),
  positiveNouns: split(traits.nouns.positive),
  labelHeads: set(traits.labelHeads.nouns),
  labelWords: set(traits.labelHeads.evaluative),
  negativeIdioms: new FrameSet(traits.idioms.negative),
  positiveIdioms: new FrameSet(traits.idioms.positive),
};

export const CLAIMS = {
  evaluationNegative: split(claims.evaluation.negative),
  evaluationPositive: split(claims.evaluation.positive),
  doing: new FrameSet(claims.evaluation.doingFrames.frames),
  irrealis: split(claims.gradedVerdict.irrealis),
  motive: new FrameSet(claims.motive.frames),
  motiveAnywhere: new FrameSet(claims.motive.anywhere.frames),
  potentialWhenDenied: new FrameSet(claims.potential.whenDenied.frames),
  reportVerbs: set(claims.motive.reportVerbs),
  potential: new FrameSet(claims.potential.frames),
  potentialAnywhere: new FrameSet(claims.potential.anywhere.frames),
  peerEnds: new FrameSet(claims.comparison.peerEnds),
  ownPast: new FrameSet(claims.comparison.ownPast),
  comparison: new FrameSet(claims.comparison.frames),
  controlGates: new FrameSet(claims.control.gates),
  controlScopes: set(claims.control.scopes),
  controlPhrases: new FrameSet(claims.control.phrases),
  effort: new FrameSet(claims.effort.frames),
  vagueAskPhrases: new FrameSet([
    ...claims.vagueAsk.phrases,
    // "bit more urgency needed", "more accountability from you": the ask comes after the quality.
    ...claims.vagueAsk.qualities.flatMap((q) => claims.vagueAsk.qualityAfter.map((after) => `more|better|greater ${q} ${after}`)),
  ]),
  asks: new FrameSet(claims.vagueAsk.asks),
  vagueTargets: new FrameSet([
    ...claims.vagueAsk.targets,
    // "more consistency", "better timekeeping", "improve your attendance": a quality, not a deliverable.
    ...claims.vagueAsk.qualities.flatMap((q) => [`more|better|greater|less ${q}`, `improve|improving|improved {pos}? ${q}`, `{pos} ${q}`]),
  ]),
  absolutes: new FrameSet(claims.absolute.markers),
  absoluteNotAfter: set(claims.absolute.notAfter),
  absoluteNotBefore: set(claims.absolute.notBefore),
};

/** Bias-prone descriptors by kind (gendered, introversion, caregiving, …); `inherent` kinds are verdicts in themselves. */
export const BIAS = {
  kinds: Object.entries(bias)
    .filter(([key, value]) => Array.isArray(value) && key !== 'inherent' && key !== 'verdicts')
    .map(([kind, value]) => ({ kind, inherent: bias.inherent.includes(kind), verdict: bias.verdicts.includes(kind), ...split(value as string[]) })),
};

const domainWords = domain.words as Record<string, number>;
const afinn = valence.words as Record<string, number>;

/** Workplace praise and criticism (rules/lexicon.json), on AFINN's scale: one word or phrase is worth ±2. */
const WORKPLACE_WEIGHT = 2;
const praise = split(workplace.praiseWords);
const criticism = split(workplace.criticismWords);
const workplaceWords = new Map<string, number>([...[...criticism.single].map((w) => [w, -WORKPLACE_WEIGHT] as const), ...[...praise.single].map((w) => [w, WORKPLACE_WEIGHT] as const)]);

function listedValence(word: string): number | undefined {
  return domainWords[word] ?? workplaceWords.get(word) ?? afinn[word];
}

/**
 * The adjective a comparative or superlative is made from, when the lexicons list it and not
 * the inflected form: "weakest" → "weak", "sloppier" → "sloppy", "biggest" → "big".
 */
function comparedStem(word: string): string | undefined {
  // "-er" only after "i" ("sloppier"): a plain "-er" word is as often a noun ("blocker", "player").
  const match = /^(\p{L}{3,}?)(?:(i)(?:er|est)|est)$/u.exec(word);
  if (!match) return undefined;
  const [, base, i] = match;
  // Not base + "e": "later" and "latest" are about time ("the latest release"), not about being late.
  const candidates = i ? [`${base}y`] : [base, base.replace(/(\p{L})\1$/u, '$1')];
  return candidates.find((c) => listedValence(c) !== undefined);
}

export const VALENCE = {
  /** Valence of one normalised word on AFINN's -5..+5 scale; domain entries win, then workplace words. */
  of(word: string): number {
    return listedValence(word) ?? listedValence(comparedStem(word) ?? '') ?? 0;
  },
  /** Workplace phrases ("dropped the ball", "set the standard") and their valence. */
  praisePhrases: praise.frames,
  criticismPhrases: criticism.frames,
  phraseWeight: WORKPLACE_WEIGHT,
  remedial: set(domain.remedialVerbs.words),
  askOpeners: set(domain.askOpeners.words),
  askOpenersBeforeTo: set(domain.askOpeners.beforeTo),
  askFrames: new FrameSet(domain.askOpeners.frames),
  decreases: set(domain.decreases.words),
  termHeads: set(domain.termHeads.words),
  /** Phrases whose graded word judges nobody: "to be honest", "the quality of", "recommend extending probation". */
  ungraded: new FrameSet(domain.ungraded.frames),
  particles: set(domain.particleVerbs.particles),
  particleVerbs: set(domain.particleVerbs.words),
  dutyVerbs: set(domain.dutyVerbs.words),
  negators: set(domain.negators),
  contrast: set(domain.contrast.after),
  weightAfter: domain.contrast.weightAfter,
  weightBefore: domain.contrast.weightBefore,
  intensifiers: set(domain.intensifiers),
  downtoners: split(domain.downtoners),
};

/** Every word written anywhere in a lexicon file (keys of word maps included). */
function wordsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    for (const word of value.toLowerCase().split(/[^a-z]+/)) if (word) into.add(word);
  } else if (Array.isArray(value)) {
    for (const item of value) wordsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$comment' || key === 'source' || key === 'citation' || key === 'note') continue;
      if (typeof item === 'number') into.add(key);
      wordsIn(item, into);
    }
  }
  return into;
}


/**
 * Corrects typos towards the words verdicts turn on (traits, grades, claims, bias descriptors);
 * any word some lexicon already knows, AFINN's included, is left as written.
 */
export const SPELLER = new Speller(wordsIn([traits, claims, bias]), [...wordsIn([people, domain, workplace]), ...Object.keys(afinn), ...dictionaryWords()]);

/**
 * Hyphenated trait words typed as two words ("hot headed", "two faced", "know it all"):
 * the words of a compound, space-separated, to the compound as the lexicons spell it.
 */
const PARTICLE_END = /-(?:out|up|off|on|in|down|over|back|away)$/;
export const COMPOUNDS: ReadonlyMap<string, string> = (() => {
  const compounds = new Map<string, string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const token of value.toLowerCase().split(/[\s|]+/)) {
        // "checked-out", "stuck-up" typed apart are verbs with particles ("checked out the repo"): left alone.
        if (/^[a-z]+(?:-[a-z]+)+$/.test(token) && !PARTICLE_END.test(token)) compounds.set(token.replace(/-/g, ' '), token);
      }
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== '$comment' && key !== 'source') collect(item);
  };
  collect(traits);
  return compounds;
})();


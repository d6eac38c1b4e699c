import signals from '../../rules/profiles.json' with { type: 'json' };
import type { ParsedDocument, Sentence } from './document/parse.js';
import { hasFeature } from './features.js';
import { analyse } from './language/analysis.js';
import { phraseRegex, findAll } from './phrases.js';
import { PROFILES, type Profile, type ProfileSetting } from './types.js';

/**
 * Which kind of document this is. Front matter (`fulcrum: { profile: review }`) decides
 * when present; otherwise the wording is weighed (rules/profiles.json): phrases, and what the
 * sentences do — verdicts about one person read as a review, owned actions and "agreed" as
 * notes, changes, welcomes and a question channel addressed to everyone as an announcement.
 */

const PHRASES: Record<Profile, RegExp> = {
  review: phraseRegex(signals.phrases.review),
  'one-on-one': phraseRegex(signals.phrases['one-on-one']),
  announcement: phraseRegex(signals.phrases.announcement),
};

const THIRD_PERSON = /\b(?:he|she|his|her|him)\b/i;
const ADDRESSED = /\b(?:you|your)\b|^\W*(?:ask|reply|email|contact|reach|drop|ping|post|message|join)\b/i;
const AUDIENCE = /\b(?:everyone|everybody|all staff|all of you|you all|y'all|anyone|colleagues|visitors|families|parents|residents|customers|members|contributors)\b/i;

/** What each sentence tells about the kind of text it is in. */
function sentenceVotes(sentence: Sentence, votes: Record<Profile, number>): void {
  const analysis = analyse(sentence);
  // A verdict on someone (a trait, a label, a grade of their work) is what reviews are made of.
  if (analysis.claims.some((c) => c.kind === 'trait' || c.kind === 'label' || c.kind === 'evaluation' || c.kind === 'potential')) votes.review += 1;
  if (hasFeature(sentence, 'growth')) votes.review += 0.5;
  // A narrative about one person ("she covered 41 shifts") reads as a review; a text for a group as an announcement.
  if (THIRD_PERSON.test(sentence.text)) votes.review += 0.3;
  if (AUDIENCE.test(sentence.text)) votes.announcement += 0.5;
  if (hasFeature(sentence, 'takes-effect') && hasFeature(sentence, 'announces-change')) votes.announcement += 0.5;
  // Owned actions and items in a list are what notes are made of.
  if (hasFeature(sentence, 'owner') && hasFeature(sentence, 'action')) votes['one-on-one'] += 0.5;
  // Telling everyone about a change, what it means for them and where to ask is an announcement.
  if (hasFeature(sentence, 'people-impact')) votes.announcement += 1;
  // Minutes report questions and role changes too; an announcement tells the reader where to ask,
  // and tells news in paragraphs rather than bullets.
  if (hasFeature(sentence, 'question-channel') && ADDRESSED.test(sentence.text)) votes.announcement += 1;
  if (hasFeature(sentence, 'role-change') && sentence.block.kind !== 'list-item') votes.announcement += 1;
}

/** Per block and per sentence, cached by their stable keys: a keystroke re-reads only what changed. */
const blockPhrases = new WeakMap<object, Record<Profile, string[]>>();
const sentenceVoteCache = new WeakMap<object, Record<Profile, number>>();

function phrasesIn(block: ParsedDocument['blocks'][number]): Record<Profile, string[]> {
  let found = blockPhrases.get(block.key);
  if (!found) {
    found = { review: [], 'one-on-one': [], announcement: [] };
    for (const profile of PROFILES) found[profile] = findAll(PHRASES[profile], block.text).map((h) => h.text.toLowerCase());
    blockPhrases.set(block.key, found);
  }
  return found;
}

function votesOf(sentence: Sentence): Record<Profile, number> {
  let votes = sentenceVoteCache.get(sentence.key);
  if (!votes) {
    votes = { review: 0, 'one-on-one': 0, announcement: 0 };
    sentenceVotes(sentence, votes);
    sentenceVoteCache.set(sentence.key, votes);
  }
  return votes;
}

export interface ProfileDetection {
  profile: Profile;
  /** How the profile was decided: set by the user or front matter, detected, or a guess ("unsure"). */
  how: 'set' | 'detected' | 'unsure';
  /** The evidence for each kind, when the wording was weighed. */
  votes?: Record<Profile, number>;
}

/** Weighs the document's wording; `unsure` when no kind clearly leads. */
export function weighProfile(doc: ParsedDocument): ProfileDetection {
  const votes: Record<Profile, number> = { review: 0, 'one-on-one': 0, announcement: 0 };
  // Each phrase counts once in the prose and twice in headings: "## Action items" says more than a passing mention.
  const seen: Record<Profile, Set<string>> = { review: new Set(), 'one-on-one': new Set(), announcement: new Set() };
  const inHeadings: Record<Profile, Set<string>> = { review: new Set(), 'one-on-one': new Set(), announcement: new Set() };
  for (const block of doc.blocks) {
    const found = phrasesIn(block);
    for (const profile of PROFILES) for (const phrase of found[profile]) (block.kind === 'heading' ? inHeadings : seen)[profile].add(phrase);
  }
  for (const profile of PROFILES) votes[profile] += seen[profile].size + 2 * inHeadings[profile].size;
  let weighed = 0;
  for (const sentence of doc.sentences) {
    if (sentence.block.kind === 'heading') continue;
    if (weighed++ === signals.sentencesWeighed) break;
    const own = votesOf(sentence);
    for (const profile of PROFILES) votes[profile] += own[profile];
  }
  const ranked = [...PROFILES].sort((a, b) => votes[b] - votes[a]);
  const [best, second] = [votes[ranked[0]], votes[ranked[1]]];
  // Too little to go on: the default kind. Two kinds close together: the one ahead, marked as a guess.
  if (best < signals.minimum) return { profile: 'review', how: 'unsure', votes };
  if (best - second < signals.margin) return { profile: ranked[0], how: 'unsure', votes };
  return { profile: ranked[0], how: 'detected', votes };
}


/**
 * Reads `fulcrum: { profile: review }` or the block form
 *   fulcrum:
 *     profile: review
 * from YAML front matter. Only this one key is needed, so a full YAML parser is not.
 * Line by line rather than one regex over the block: a regex with a repeated
 * "indented line" group backtracks exponentially when `fulcrum:` has no profile.
 */
const FULCRUM_KEY = /^fulcrum:[ \t]*(.*)$/;
const FLOW_PROFILE = /^\{[^}]*\bprofile:\s*["']?([\w-]+)["']?[^}]*\}$/;
const BLOCK_PROFILE = /^profile:\s*["']?([\w-]+)["']?$/;

/** A YAML value without its trailing `# comment`. */
function withoutComment(text: string): string {
  return text.replace(/(?:^|\s)#.*$/, '').trim();
}

/** The `profile:` key among the lines indented under `fulcrum:`, at their first level (not a nested key's). */
function blockProfile(lines: string[], from: number): string | undefined {
  let level: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const content = withoutComment(lines[i]);
    if (content === '') continue;
    const indent = lines[i].length - lines[i].trimStart().length;
    if (indent === 0) return undefined; // back at the top level: the block has ended
    level ??= indent;
    if (indent === level) {
      const value = content.match(BLOCK_PROFILE)?.[1];
      if (value) return value;
    }
  }
  return undefined;
}

export function profileFromFrontMatter(frontMatter: string | null): Profile | null {
  if (!frontMatter) return null;
  const lines = frontMatter.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i].match(FULCRUM_KEY);
    if (!key) continue;
    const inline = withoutComment(key[1]);
    const value = inline ? inline.match(FLOW_PROFILE)?.[1] : blockProfile(lines, i + 1);
    return value && (PROFILES as readonly string[]).includes(value) ? (value as Profile) : null;
  }
  return null;
}

export function profileOf(doc: ParsedDocument, setting: ProfileSetting = 'auto'): ProfileDetection {
  if (setting !== 'auto') return { profile: setting, how: 'set' };
  const fromFrontMatter = profileFromFrontMatter(doc.frontMatter);
  if (fromFrontMatter) return { profile: fromFrontMatter, how: 'set' };
  return weighProfile(doc);
}


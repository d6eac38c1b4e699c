/** Builds whole-word, case-insensitive regular expressions from phrase lists. */

/** The text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * One word of a phrase: "a|b" means either word ("huge|big thanks to everyone"); "*" means one to
 * four words ("take * offline"), bounded so a phrase never costs more than linear time. A word
 * ending in "?" inside a phrase is optional (see joinWords).
 */
function wordSource(word: string): string {
  // A word is a run of anything but spaces and sentence punctuation; a plain class compiles far
  // faster than Unicode property escapes, and a rule with a dozen "*" phrases compiles once per process.
  if (word === '*') return '[^\\s,.;:!?()\\[\\]"“”]+(?:\\s+[^\\s,.;:!?()\\[\\]"“”]+){0,3}';
  const alternatives = word.includes('|') && word.length > 1 ? word.split('|').filter(Boolean) : [word];
  return alternatives.length > 1 ? `(?:${alternatives.map(literal).join('|')})` : literal(word);
}

/**
 * A hyphen may be typed as a dash, a space or nothing ("non-starter", "non starter", "nonstarter"),
 * except between digits: "1-1" is a meeting, "11" is a number.
 */
const literal = (w: string) =>
  escapeRegExp(w)
    .replace(/'/g, "['’]")
    .replace(/(?<=\d)\\?-(?=\d)/g, '(?:[-‐–/]|\\s)')
    .replace(/(?<!\(\?:\[)-(?!‐)/g, '(?:[-‐–]|\\s)?');
/** A contraction ("'re", "'s") is written as a word of its own but is glued to the word before it. */
const isClitic = (alternative: string) => alternative.startsWith("'") && alternative.length > 1;
const hasClitic = (word: string) => word.split('|').some(isClitic);

/**
 * One word and the separator before it. "is|'s": "is" after a space (or at a word edge when the
 * word opens the phrase), "'s" glued to the word before it ("who's", "we're").
 */
function wordWithSeparator(word: string, separator: string, first: boolean): string {
  if (!hasClitic(word)) return (first ? '' : separator) + wordSource(word);
  const alternatives = word.split('|').filter(Boolean);
  const plain = alternatives.filter((a) => !isClitic(a));
  const glued = `(?<=\\p{L})(?:${alternatives.filter(isClitic).map(literal).join('|')})`;
  if (!plain.length) return glued;
  const spaced = first ? `(?<![\\p{L}\\p{N}])${wordSource(plain.join('|'))}` : separator + wordSource(plain.join('|'));
  return `(?:${spaced}|${glued})`;
}

/**
 * The words of a phrase joined by `separator`. A word ending in "?" inside the phrase (not at
 * either end, so the edges stay whole words) is optional: "a|the decision has? been taken".
 */
function joinWords(phrase: string, separator: string): string {
  const words = phrase.split(/\s+/);
  let source = '';
  words.forEach((word, i) => {
    const optional = i > 0 && i < words.length - 1 && word.length > 1 && word.endsWith('?');
    const part = wordWithSeparator(optional ? word.slice(0, -1) : word, separator, i === 0);
    source += optional ? `(?:${part})?` : part;
  });
  return source;
}

/** Does the phrase start with a word that has word edges of its own ("we're" needs a letter before "'re")? */
const startsWithClitic = (phrase: string) => hasClitic(phrase.split(/\s+/)[0]);

/** The regex source for one phrase: flexible whitespace, both apostrophe styles, word boundaries where the phrase has word edges. */
export function phraseSource(phrase: string): string {
  const trimmed = phrase.trim();
  const body = joinWords(trimmed, '\\s+');
  const before = WORD_CHAR.test(trimmed[0] ?? '') && !startsWithClitic(trimmed) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = WORD_CHAR.test(trimmed.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${body}${after}`;
}

/**
 * One regex matching any of the phrases, longest first so "end of the day" wins over "end".
 * Phrases with word characters at both edges share one pair of boundary assertions, which
 * keeps the compiled regex small (compiling hundreds of lookbehinds costs more than matching).
 */
export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  const sorted = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/gu;
  const wordEdged = sorted.filter((p) => WORD_CHAR.test(p[0]) && WORD_CHAR.test(p.at(-1)!) && !startsWithClitic(p));
  const others = sorted.filter((p) => !wordEdged.includes(p));
  // Between words, allow any run of spaces and a comma ("great work, everyone").
  const body = (p: string) => joinWords(p, '[\\s,]+');
  const parts: string[] = [];
  if (wordEdged.length) parts.push(`(?<![\\p{L}\\p{N}])(?:${wordEdged.map(body).join('|')})(?![\\p{L}\\p{N}])`);
  parts.push(...others.map(phraseSource));
  return new RegExp(parts.join('|'), flags);
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

export function findAll(regex: RegExp, text: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

/**
 * The text with every match of a global regex blanked out ("you will hear more" taken out before
 * looking for what a change means for the reader). Copies the text only when something matches:
 * this runs for most sentences.
 */
export function without(regex: RegExp, text: string): string {
  return test(regex, text) ? text.replace(regex, ' ') : text;
}

export function test(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

/**
 * Words of a sentence as the linguistic layer reads them: lower-cased, curly apostrophes
 * straightened, contractions split ("doesn't" → does + not, "she's" → she + 's), with the
 * offsets of the original text so every claim can be underlined exactly.
 */

export interface Word {
  /** Normalised form: lower case, straight apostrophes, contractions expanded. */
  w: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
  /** First letter is upper case as written. */
  capitalised: boolean;
  /** Punctuation that ends a clause (, ; : — ( ) " …) rather than a word. */
  punct: boolean;
}

/** A word may hold a full stop only before a lower-case letter or digit ("node.js", "3.5"): "deadlines.Though" is two words. */
const TOKEN = /[\p{L}\p{N}](?:(?:[\p{L}\p{N}'’&-]|\.(?=[\p{Ll}\p{N}]))*[\p{L}\p{N}])?|['’](?:s|re|ll|ve|d|m)\b|[,;:()"“”—–!?]|\s-\s|\.\.\./gu;

/** Contraction endings and what they stand for. "'s" is left as is: it is "is" or a possessive. */
const ENDINGS: Array<[RegExp, string[]]> = [
  [/^(ca)n't$/, ['can', 'not']],
  [/^(wo)n't$/, ['will', 'not']],
  [/^(sha)n't$/, ['shall', 'not']],
  [/^(ai)n't$/, ['is', 'not']],
  [/^(\p{L}+)n't$/u, ['$1', 'not']],
  [/^(\p{L}+)'re$/u, ['$1', 'are']],
  [/^(\p{L}+)'ll$/u, ['$1', 'will']],
  [/^(\p{L}+)'ve$/u, ['$1', 'have']],
  [/^(\p{L}+)'d$/u, ['$1', 'would']],
  [/^(i)'m$/u, ['i', 'am']],
  [/^(\p{L}+)'s$/u, ['$1', "'s"]],
];

/** Common misspellings of the contraction itself ("dont", "doesnt", "cant", "wont", "isnt"). */
const BARE_CONTRACTIONS: Record<string, string[]> = {
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  wont: ['will', 'not'],
  isnt: ['is', 'not'],
  wasnt: ['was', 'not'],
  arent: ['are', 'not'],
  werent: ['were', 'not'],
  hasnt: ['has', 'not'],
  havent: ['have', 'not'],
  shouldnt: ['should', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  im: ['i', 'am'],
  ive: ['i', 'have'],
};

/** Splits text into words; `offset` is added to every position (the text's place in the document). */
export function wordsOf(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = offset + m.index;
    const end = start + raw.length;
    if (!/[\p{L}\p{N}]/u.test(raw) && !/^['’]/.test(raw)) {
      words.push({ w: raw.trim() || raw, raw, start, end, capitalised: false, punct: true });
      continue;
    }
    const capitalised = /^\p{Lu}/u.test(raw);
    let lower = raw.toLowerCase().replace(/’/g, "'");
    if (lower.endsWith('.') && !/\.\p{L}/u.test(lower)) lower = lower.replace(/\.+$/, '');
    if (lower.startsWith("'")) {
      // A detached ending ("she 's"): the previous word owns it.
      words.push({ w: lower === "'s" ? "'s" : ({ "'re": 'are', "'ll": 'will', "'ve": 'have', "'d": 'would', "'m": 'am' } as Record<string, string>)[lower] ?? lower, raw, start, end, capitalised: false, punct: false });
      continue;
    }
    const bare = Object.hasOwn(BARE_CONTRACTIONS, lower) ? BARE_CONTRACTIONS[lower] : undefined;
    const split = bare ?? expand(lower);
    if (split.length === 1) {
      words.push({ w: split[0], raw, start, end, capitalised, punct: false });
      continue;
    }
    // Both halves point at the whole written word, so a span that starts or ends on either is exact.
    split.forEach((part, k) => words.push({ w: part, raw, start, end, capitalised: capitalised && k === 0, punct: false }));
  }
  return words;
}

function expand(lower: string): string[] {
  if (!lower.includes("'")) return [lower];
  for (const [pattern, parts] of ENDINGS) {
    const m = lower.match(pattern);
    if (m) return parts.map((p) => p.replace('$1', m[1]));
  }
  return [lower];
}

/**
 * Typos in the very words a verdict turns on ("unmotivted", "acountable", "dissapointing"):
 * real reviews are typed fast. A word the lexicons do not know is read as a lexicon word when
 * it is one slip away from exactly one of them (a letter missing, extra, wrong or swapped).
 *
 * Only long words are corrected, never at their first letter or their last two, and never a
 * word a dictionary knows, so real words and inflections stay what they are ("rounded" is not
 * "grounded", "ambitions" is not "ambitious", "reliably" not "reliable").
 */

/** Words shorter than this are left alone: short words have too many real neighbours. */
const MIN_LENGTH = 8;
/** An edit this close to the end is an inflection, not a typo. */
const PROTECTED_END = 2;

export class Speller {
  private readonly known: Set<string>;
  /** Every target and every target with one letter deleted, to its targets (SymSpell, Garbe 2012). */
  private readonly index = new Map<string, string[]>();

  constructor(targets: Iterable<string>, known: Iterable<string> = []) {
    this.known = new Set(known);
    for (const target of targets) {
      if (target.length < MIN_LENGTH || !/^[a-z]+$/.test(target)) continue;
      this.known.add(target);
      for (const key of [target, ...deletions(target)]) {
        const list = this.index.get(key);
        if (!list) this.index.set(key, [target]);
        else if (!list.includes(target)) list.push(target);
      }
    }
  }

  /** Is `word` (lower case) a word some lexicon or the dictionary knows? */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  /** The lexicon word `word` is a typo of, or undefined when it is known, too short or ambiguous. */
  correct(word: string): string | undefined {
    if (word.length < MIN_LENGTH - 1 || this.known.has(word) || !/^[a-z]+$/.test(word)) return undefined;
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) for (const target of this.index.get(key) ?? []) if (oneSlipApart(word, target)) found.add(target);
    return found.size === 1 ? [...found][0] : undefined;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * One insertion, deletion, substitution or swap of neighbours, not within the last letters of
 * either word and not in the first letter, which writers rarely get wrong ("national" is not
 * a typo of "rational").
 */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const limit = Math.min(a.length, b.length) - PROTECTED_END;
  if (i >= limit) return false;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

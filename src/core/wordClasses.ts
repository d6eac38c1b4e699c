import nlp from 'compromise';

/**
 * Is a capitalised word a person's name? compromise's lexicon knows common first names
 * and common words; an unknown word is taken as a name unless it has the shape of an
 * abstract noun ("Communication", "Leadership").
 */
const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string> } } } }).world().model.one.lexicon;
const ABSTRACT_NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|ure|ogy|ics|ware|work|back|age|ery|ups?)$/;
const NOT_NAMES = new Set(['data', 'code', 'scope', 'budget', 'morale', 'quality', 'process', 'project', 'product', 'team', 'roadmap', 'schedule', 'plan', 'release', 'deadline', 'kubernetes', 'jira', 'slack', 'email', 'design', 'sales', 'finance', 'legal', 'support', 'overall', 'honestly', 'frankly']);

export function isLikelyName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(word)) return false;
  const lower = word.toLowerCase();
  const known = lexicon[lower];
  if (known) return /Name|Person/.test(known);
  return !NOT_NAMES.has(lower) && !ABSTRACT_NOUN_ENDING.test(lower);
}

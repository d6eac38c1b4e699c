import nlp from 'compromise';
import vocabulary from '../../rules/lexicon.json' with { type: 'json' };

/**
 * Is a capitalised word a person's name? compromise's lexicon knows common first names
 * and common words; an unknown word is taken as a name unless it has the shape of an
 * abstract noun ("Communication", "Leadership").
 */
const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string> } } } }).world().model.one.lexicon;
const ABSTRACT_NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|ure|ogy|ics|ware|work|back|age|ery|ups?)$/;
const NOT_NAMES = new Set(['data', 'code', 'scope', 'budget', 'morale', 'quality', 'process', 'project', 'product', 'team', 'roadmap', 'schedule', 'plan', 'release', 'deadline', 'kubernetes', 'jira', 'slack', 'email', 'design', 'sales', 'finance', 'legal', 'support', 'overall', 'honestly', 'frankly']);

/** Every word compromise's lexicon knows (about 24,000, with inflections): real words, not typos. */
export function dictionaryWords(): string[] {
  return Object.keys(lexicon);
}

export function isLikelyName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(word)) return false;
  const lower = word.toLowerCase();
  const known = lexicon[lower];
  if (known) return /Name|Person/.test(known);
  return !NOT_NAMES.has(lower) && !ABSTRACT_NOUN_ENDING.test(lower);
}

/** Verbs compromise files under nouns that are still orders at the start of a sentence ("Book a room."). */
const ALSO_IMPERATIVE = new Set(['book', 'stop', 'check', 'log', 'complete', 'email', 'call', 'schedule', 'file', 'sign', 'attend', 'add', 'list', 'tag', 'route', 'copy', 'cc', 'record', 'upload', 'review', 'approve']);
/**
 * Words that open a sentence without giving an order: invitations ("Please welcome Ana", "Reply with
 * questions") and prepositions that look like verbs ("Like the other teams, …").
 */
const INVITATIONS = new Set(['like', 'unlike', 'near', 'let', 'welcome', 'meet', 'appreciate', 'kudos', 'cheers', 'props', 'bravo', 'grateful', 'join', 'reply', 'reach', 'ask', 'enjoy', 'feel', 'note', 'see', 'find', 'thank', 'congratulate', 'help', 'say', 'come', 'drop', 'grab', 'celebrate', 'watch', 'look', 'hear', 'shout', 'thanks', 'congrats']);

/** After "don't" these reassure rather than forbid: "Don't hesitate to call", "Don't worry about the backlog". */
const REASSURANCES = new Set(['hesitate', 'worry', 'panic', 'stress', 'fret']);

const INVITING = /^(?:keep an eye|stay tuned|stay in touch|keep in touch)/;

const AUXILIARIES = new Set(['have', 'has', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'does', 'did']);
/** "Change always does", "Quality never was …": an adverb of frequency can sit between a subject and its auxiliary. */
const FREQUENCY_ADVERBS = new Set(['always', 'never', 'usually', 'often', 'sometimes', 'rarely', 'seldom', 'still', 'really']);
/** "went", "came", "ran": a past tense after the first word makes that word its subject ("Release went out …"). */
const IRREGULAR_PAST = new Set(vocabulary.irregularPastVerbs.flatMap((entry) => entry.split('|')));

/** Words before an order that keep it one: politeness, "always", and words that link it to what came before ("Also pls stop …"). */
const POLITE = new Set(['please', 'pls', 'plz', 'kindly']);
const ORDER_LEAD_INS = new Set([...POLITE, 'just', 'always', 'also', 'and', 'so', 'ok', 'okay', 'now', 'then']);

/** Does the sentence open with an order: "Use the template.", "Please stop …", "Do not book …"? */
export function startsWithImperative(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  // "Cameras on for all team meetings, please.": a request that ends with "please" is one too.
  if (['please', 'pls', 'plz'].includes(words.at(-1) ?? '') && words.length > 2 && !/\?\s*$/.test(text)) return true;
  // "Reason: the new dyes …", "Review period: Jan–Mar": up to three words with a colon straight after
  // them are a label, not a verb (`orderAfterLabel` in features.ts reads what follows it).
  if (/^[^\p{L}]*\p{L}+(?:\s+\p{L}+){0,2}\s*:/u.test(text)) return false;
  // "Review – Sunny Park (kitchen)": a title, a word and a dash before a name.
  if (/^[^\p{L}]*\p{L}+\s+[–—-]\s+\p{Lu}/u.test(text)) return false;
  // "Go-live is 14 October": a hyphenated compound is a noun, not an order.
  if (/^[^\p{L}]*\p{L}+-\p{L}/u.test(text)) return false;
  let i = 0;
  let polite = false;
  // "Also pls stop eating at the counter", "Always wear gloves": a word that links the order to what
  // came before, or "always", keeps it one.
  while (ORDER_LEAD_INS.has(words[i] ?? '')) {
    polite ||= POLITE.has(words[i]);
    i++;
  }
  // "dont" is how a quick message writes "don't".
  const prohibition = words[i] === 'do' && (words[i + 1] === 'not' || words[i + 1] === 'n’t') ? 2 : ['don\'t', 'don’t', 'dont', 'never'].includes(words[i] ?? '') ? 1 : 0;
  i += prohibition;
  const verb = words[i];
  // "Ask Magda" invites; "Don't ask the till team" forbids. "Don't hesitate to ask" reassures.
  if (!verb || (prohibition === 0 && INVITATIONS.has(verb)) || (prohibition > 0 && REASSURANCES.has(verb))) return false;
  // "Use of desktop CAT tools …", "Return of the vans …": a word with "of" after it heads a noun phrase.
  if (prohibition === 0 && words[i + 1] === 'of') return false;
  // "Finance have raised this", "Security is …": an auxiliary right after it makes the first word a subject.
  const next = FREQUENCY_ADVERBS.has(words[i + 1] ?? '') ? words[i + 2] : words[i + 1];
  if (prohibition === 0 && (AUXILIARIES.has(next ?? '') || IRREGULAR_PAST.has(next ?? ''))) return false;
  // "Call sheets went out before 7pm": a past tense one word later makes the first two a noun phrase.
  if (prohibition === 0 && !OBJECT_STARTERS.has(words[i + 1] ?? '') && (IRREGULAR_PAST.has(words[i + 2] ?? '') || PAST_AUXILIARIES.has(words[i + 2] ?? ''))) return false;
  // "Dont think hes cut out for this": a note drops its "I" before a verb of opinion; no order is given.
  if (prohibition > 0 && OPINION_VERBS.has(verb)) return false;
  // "Never says no to an extra shift": a verb with a third-person -s tells what someone does.
  if (prohibition > 0 && /[^s]s$/.test(verb) && !isOrderVerb(verb)) return false;
  // "Keep an eye on the job board", "Stay tuned": invitations of more than one word.
  if (INVITING.test(words.slice(i, i + 3).join(' '))) return false;
  // Any action verb after "Do not …" is an order; a bare opening word must be a verb in compromise's
  // lexicon ("Open pull requests …" and "Back in 2016 …" are not orders).
  // "Don't pitch …", "Never leave …": what follows a prohibition is a verb unless it is a function word.
  if (prohibition > 0) return isOrderVerb(verb) || !isFunctionWord(verb);
  if (lexicon[verb] === 'Infinitive' || ALSO_IMPERATIVE.has(verb)) return true;
  // "Please utilise …": after "please" any word that is not a function word is the verb asked for.
  if (polite) return isOrderVerb(verb) || !isFunctionWord(verb);
  // Other action verbs ("Finish the brief", "Chase it up") need an object right after them.
  return isOrderVerb(verb) && OBJECT_STARTERS.has(words[i + 1] ?? '');
}
const PAST_AUXILIARIES = new Set(['was', 'were', 'had']);
const OPINION_VERBS = new Set(['think', 'reckon', 'know', 'believe', 'understand']);
const OBJECT_STARTERS = new Set(['the', 'a', 'an', 'your', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'it', 'them', 'him', 'me', 'us', 'all', 'any', 'every', 'each', 'up', 'out', 'off', 'down', 'with', 'by']);

/**
 * An action verb as written after its subject: "sends", "migrates", "pushes", or the plain form a
 * plural or "I" takes ("complete"). The -s or -es comes off before the look-up ("migrates" →
 * "migrate", "pushes" → "push").
 */
export function isOrderVerbForm(word: string): boolean {
  const lower = word.toLowerCase();
  if (isOrderVerb(lower)) return true;
  if (!lower.endsWith('s')) return false;
  return isOrderVerb(lower.slice(0, -1)) || (lower.endsWith('es') && isOrderVerb(lower.slice(0, -2)));
}

/** Does compromise's lexicon know this word as an adjective ("quiet", "slow", "careful")? */
export function isAdjective(word: string): boolean {
  return lexicon[word.toLowerCase()] === 'Adjective';
}

/** Does compromise's lexicon know this word as a first name ("Maria", "David")? */
/** Words written with a capital whatever the case around them: names, weekdays, months, places. */
export function isProperWord(word: string): boolean {
  return /Name|Person|WeekDay|Month|Place|Country|City|Region|Organization|Demonym|Language/.test(lexicon[word.toLowerCase()] ?? '');
}

export function isKnownFirstName(word: string): boolean {
  return /Name|Person/.test(lexicon[word.toLowerCase()] ?? '');
}

/**
 * Closed-class words that are never a given name ("More", "There", "What"). Prepositions and
 * pronouns are left out: some are names too ("Among", "Elle").
 */
export function isClosedClassWord(word: string): boolean {
  return /Adverb|Conjunction|Determiner|QuestionWord/.test(lexicon[word.toLowerCase()] ?? '');
}

/** A past tense or participle in compromise's lexicon ("agreed", "asked", "decided"). */
export function isPastForm(word: string): boolean {
  return /PastTense|Participle/.test(lexicon[word.toLowerCase()] ?? '');
}

/** Function words ("To", "In", "When", "Will") that open sentences without naming anyone. */
export function isFunctionWord(word: string): boolean {
  return isClosedClassWord(word) || /Preposition|Pronoun|Modal|Copula|Auxiliary/.test(lexicon[word.toLowerCase()] ?? '');
}

/** Is this word a verb that can give an order ("send", "book", "chase")? */
const ACTION_VERBS = new Set(vocabulary.actionVerbs);
/** One of the verbs of work that action items use ("chase", "update", "post"), not "go" or "arrive". */
export function isActionVerb(word: string): boolean {
  return ACTION_VERBS.has(word.toLowerCase());
}
export function isOrderVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return lexicon[lower] === 'Infinitive' || ALSO_IMPERATIVE.has(lower) || isActionVerb(lower);
}

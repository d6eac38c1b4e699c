import lexicon from '../../rules/lexicon.json' with { type: 'json' };
import type { ParsedDocument } from './document/parse.js';
import { hasFeature, isShortLine, ROLE_NOUN_PHRASE } from './features.js';
import { phraseRegex, test } from './phrases.js';
import type { Profile } from './types.js';

/**
 * Sub-kinds of a profile that need fewer parts. A welcome, farewell, congratulation or thank-you
 * post is an announcement with nothing to act on: it needs no next steps, question channel,
 * effective date or "what this means for you", and is not told to add them.
 */
export type DocumentKind = 'recognition';

const recognition = phraseRegex(lexicon.recognitionMarkers);
/**
 * "For his first two weeks he'll be shadowing Sunny", "she always came in early to sharpen knives":
 * what changes or happens to the person the post is about. "Your rota changes and she'll lead it"
 * is news for the readers.
 */
const THIRD_PERSON = /(?<![\p{L}'’])(?:he|she|his|her|him|he'll|she'll|he's|she's)(?![\p{L}'’])/iu;
/** A person, not a firm or a site, takes the role: "Felix is stepping down from his role", "Justin will be joining me as co-lead". */
const A_PERSON = /(?<![\p{L}'’])(?:he|she|they|his|her|their|him|them|i|me|my|i'm|i’m)(?![\p{L}'’])/iu;
/** "ZuseZ4 is the maintainer of our new autodiff support": who someone is, not news for the readers. */
const DESCRIBES_A_ROLE = new RegExp(`\\b(?:is|are|was|has been)\\s+(?:the|a|an|our)\\s+${ROLE_NOUN_PHRASE}`, 'iu');
const tellsOfSomeone = (text: string) => (THIRD_PERSON.test(text) || DESCRIBES_A_ROLE.test(text)) && !/\byour\b/i.test(text);

/**
 * A line on its own with no closing punctuation ("Message from the Harbour Master", "Promotion news",
 * "Some good news to share 🎉"): a title over the post. The sentence leaves out a closing emoji.
 */
const withoutClosingSymbols = (text: string) => text.trim().replace(/(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\s]|\u200d|\ufe0f)+$/u, '');
const isTitleLine = (s: ParsedDocument['sentences'][number]) =>
  s.block.kind === 'paragraph' && withoutClosingSymbols(s.block.text) === withoutClosingSymbols(s.text) && !/[.!?…:]["'”’)]*$/u.test(s.text.trim()) && s.tokens.length <= 8;

export function documentKind(doc: ParsedDocument, profile: Profile): DocumentKind | null {
  if (profile !== 'announcement') return null;
  // Greetings and sign-offs ("Dear all", "Best regards", a name) say nothing about the kind of post.
  const prose = doc.sentences.filter((s) => s.block.kind !== 'heading' && !isShortLine(s));
  if (prose.length === 0) return null;
  const recognises = (s: (typeof prose)[number]) => test(recognition, s.text);
  // Someone joining, leaving or taking a role is what a welcome, farewell or promotion post is about
  // ("Felix is stepping down as senior lead"), not a site joining a partnership.
  const tellsOfARole = (s: (typeof prose)[number]) => recognises(s) || (hasFeature(s, 'role-change') && A_PERSON.test(s.text));
  // News of a change is not a recognition post, however warm its words. Someone joining or starting
  // (the welcome itself) is not that news, nor is a change told as part of the story ("when the new
  // system went live").
  const newsOfAChange = (s: (typeof prose)[number]) =>
    !recognises(s) && (hasFeature(s, 'change') || hasFeature(s, 'passive-future')) && !hasFeature(s, 'role-change') && !hasFeature(s, 'past-narrative') && !tellsOfSomeone(s.text);
  if (prose.some(newsOfAChange)) return null;
  const recognising = prose.filter(tellsOfARole).length;
  // A post that opens by thanking, welcoming or saying goodbye is that kind of post, however long the story after it.
  const firstStatement = prose.find((s) => !isTitleLine(s));
  // A title about who joins, leaves or leads ("Leadership change in the Infrastructure Team", "Farewell to Joaquín") names the post's kind too.
  const first = doc.sentences[0];
  const title = first !== undefined && (first.block.kind === 'heading' || isTitleLine(first)) ? first : undefined;
  const titleTellsOfARole = title !== undefined && (recognises(title) || hasFeature(title, 'role-change'));
  const opensWithRecognition = titleTellsOfARole || tellsOfARole(doc.sentences[0]) || tellsOfARole(prose[0]) || (firstStatement !== undefined && tellsOfARole(firstStatement));
  return recognising > 0 && (opensWithRecognition || recognising * 3 >= prose.length) ? 'recognition' : null;
}

import lexicon from '../../rules/lexicon.json' with { type: 'json' };
import type { Sentence } from './document/parse.js';
import { isActionVerb, isClosedClassWord, isPastForm, isLikelyName, isOrderVerb, isOrderVerbForm, startsWithImperative } from './wordClasses.js';
import { escapeRegExp, findAll, phraseRegex, test, without } from './phrases.js';
import { analyse, analyseText } from './language/analysis.js';
import { WHO } from './language/lexicon.js';

/**
 * Sentence features: the shared vocabulary rules use in `when` / `unless` guards
 * ("unless the sentence names a date"). Each is computed at most once per sentence.
 * Word lists live in rules/lexicon.json; the logic that combines them lives here.
 */

const weekday = phraseRegex(lexicon.weekdays);
const fullMonth = /(?<![\p{L}])(?:january|february|march|april|june|july|august|september|october|november|december)(?![\p{L}])|(?<![\p{L}])May(?![\p{L}])(?=\s+\d)/iu;
/** "the May board", "by May", "end of May": the month, where the modal cannot stand (case matters here). */
const mayAsMonth = /(?<![\p{L}])(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|of|[Tt]he|[Mm]id|[Ee]arly|[Ll]ate)[\s-]+May(?![\p{L}])/u;
const monthWithNumber = new RegExp(
  `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${lexicon.months.join('|')})\\b|\\b(?:${lexicon.months.join('|')})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)`,
  'i',
);
/** 2026-03-14, 14/3, and a day of the month on its own: "by the 15th", "on the 9th". */
// "28.05" and "16.05.2024" (day.month, as much of Europe writes dates); not a price or a decimal ("£12.05", "3.5").
const numericDate = /(?<![£$€\d.,])(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?:\.(?:\d{4}|\d{2}))?(?![\d.]\d)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b(?:by|on|before|until|till|from|for|of|starting|effective)\s+(?:the\s+)?(?:[12]?\d|3[01])(?:st|nd|rd|th)\b|\b(?:wk|week|w\/c)\s+(?:(?:of|commencing|beginning)\s+)?(?:the\s+)?(?:[12]?\d|3[01])(?:st|nd|rd|th)\b/i;
const clockTime = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/i;
const clockTimes = new RegExp(clockTime.source, 'gi');
const quarter = /\b(?:Q[1-4]|H[12])\b/;
/** "in 2 weeks", "within a month"; "in a month or so" and "a week-ish" only guess. */
const relativeSpan = /\b(?:by|before|until|due|within|in|over the next|for the next|next)\s+(?:\d+|a|one|two|three|four|five|six|a couple of|a few)\s+(?:business\s+|working\s+)?(?:days?|weeks?|wks?|fortnights?|months?|mths?|hours?|hrs?|sprints?|quarters?)\b(?![\s-]*(?:or\s+(?:so|two|three|thereabouts)|ish)\b)/i;
/** "next 1:1 two weeks", "next mtg same time": a check-in's when, as terse notes write it, with no "in" or "by". */
const checkinInterval = /\b(?:1:1|1-1|121|mtg|meeting|review|catch-?up|check-?in|session|supervision)\s+(?:in\s+)?(?:\d+|a|one|two|three|four|six)\s+(?:days?|weeks?|wks?|fortnights?|months?|mths?)\b(?![\s-]*(?:or\s+(?:so|two|three|thereabouts)|ish)\b)|\b(?:1:1|1-1|121|mtg|meeting|catch-?up|check-?in|session|supervision)\s+same\s+(?:time|day|slot)\b/i;
/** "By end of probation", "the end of March"; "End of probation review" names a review, it does not date one. */
const endOf = /\b(?:end|close|start|beginning|middle|first\s+week|second\s+week|last\s+week)\s+of\s+(?:the\s+)?(?:day|week|month|quarter|sprint|year|next|this|probation|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december)\b(?![\s-]+(?:review|appraisal|report)\b)/i;
const deadlineWords = phraseRegex(lexicon.deadlineWords);
const pastTime = phraseRegex(lexicon.pastTimeWords);
/**
 * "Effective immediately", "with immediate effect", "as of today": the change starts now, which is
 * a when; so is the next turn of a cycle everyone knows ("from the next rota cycle", "with the next pay run").
 */
const startsNow = /\b(?:effective|starting)\s+(?:immediately|now|today)\b|\b(?:is|are)\s+(?:now\s+)?(?:live|in\s+force|in\s+effect)\b|\bfrom\s+now\s+on\b|\bfor\s+now\b|\bwith\s+immediate\s+effect\b|\b(?:as\s+of|from)\s+(?:now|today)\b|\b(?:from|starting|with)\s+the\s+next\s+(?:rota|roster|shift|pay|payroll|billing|booking|term|semester|season|intake|cycle|period|run|sprint)\b/i;
/** An e-mail address or a phone number: somewhere to ask. */
const contactDetail = /[\w.+-]+@[\w-]+\.[\w.-]+|(?:\+\d{1,3}[\s-]?)?\(?\b0?\d{2,5}\)?[\s-]\d{3,4}[\s-]?\d{3,4}\b/;
/** "ask Priyanka", "see Parminder in the depot office", "speak to Mrs Baptiste": someone the readers can go to, by name. */
const contactVerbThenName = /\b(?:ask|see|speak\s+to|speak\s+with|talk\s+to|talk\s+with|contact|ring|email|e-mail|message|ping|find|go\s+to)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(\p{Lu}\p{Ll}[\p{L}'’-]*)(?!\s*\d)/gu;
function namesAContact(text: string): boolean {
  contactVerbThenName.lastIndex = 0;
  for (let m = contactVerbThenName.exec(text); m; m = contactVerbThenName.exec(text)) {
    if (isLikelyName(m[1]) && !isClosedClassWord(m[1])) return true;
  }
  return false;
}
/** A door shut on questions: "don't ask your team leader", "dont ask me why", "no questions will be taken". */
const closedChannel = /\b(?:don['’]?t|do not|no need to|please don['’]?t|not to)\s+(?:email|e-mail|call|ring|message|contact|ask|come to|bother|ping)\b|\bno questions\b|\b(?:will|may|might) raise questions\b/i;
/**
 * How lists of rules are written without a verb: "Hair tied back at all times", "Black non-slip
 * shoes only", "No blanks, no ticking a whole column" ("No complaints, no sick days" reports).
 * "Right first time, every time" and "for every resident, every time" are a slogan's rhythm, not a rule.
 */
const ruleShorthand = /\bat all times\b|(?<!\bfirst time,?\s+|\bevery\s+[\p{L}-]+,\s+)\bevery time\b|\bwithout exception\b|^[^.!?]{0,60}\bonly(?:\W*$|\s*,)|^\W*no\s+(?!(?:incidents?|issues?|complaints?|problems?|errors?|mistakes?|accidents?|absences?|sick|late|lates|drama)\b)[\p{L}-]+(?:\s+[\p{L}-]+)?\s*,\s*no\s+\p{L}/iu;
/** "Paperwork is", "her colour work was", "The ironing section is": a subject of one or two words before its verb. */
const SUBJECT_BEFORE_COPULA = /^\W*(?:(?:his|her|their|your|the)\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+))?\s+(?:is|are|was|were)\s+(?:(?:very|really|always|consistently|generally)\s+)?(.*)$/iu;
function opensWith(phrases: RegExp, text: string): boolean {
  phrases.lastIndex = 0;
  return phrases.exec(text)?.index === 0;
}
/** "good", "excellent", "spot on": a clear verdict ("fine", "ok" and "decent enough" damn with faint praise). */
const areaPraise = phraseRegex(lexicon.areaPraisePredicates);
/** The subject is a thing someone does, not the person, a group, a role or their manner ("his tone is good"), and the verdict on it is clear. */
function aboutAnAreaOfWork(text: string): boolean {
  const m = SUBJECT_BEFORE_COPULA.exec(text);
  if (!m) return false;
  const head = (m[2] ?? m[1]).toLowerCase();
  const first = m[1].toLowerCase();
  const person = (w: string) => WHO.personPronouns.has(w) || WHO.selfPronouns.has(w) || WHO.thingPronouns.has(w) || WHO.groupPeople.has(w) || WHO.roleNouns.has(w) || WHO.roleNouns.has(w.replace(/s$/, '')) || WHO.aspectNouns.has(w) || WHO.otherPeople.has(w) || GROUP_WORDS.has(w);
  return !person(first) && !person(head) && !isLikelyName(m[1]) && !isClosedClassWord(first) && opensWith(areaPraise, m[3]);
}
/** The writer cannot picture the person growing: a verdict, not a path. */
const deniesGrowth = /\b(?:i|we)\s+(?:don['’]?t|do not|can['’]?t|cannot|can not|honestly don['’]?t)\s+see\b/i;
const irregularPast = phraseRegex(lexicon.irregularPastVerbs);
/** A regular past tense ("stayed", "walked"), not a passive, state or present perfect ("is closed", "will be reassigned", "has appointed": news). */
const regularPast = /(?<!\b(?:is|are|am|be|being|been|get|gets|has|have)\s+)\b\p{L}{2,}(?<!e)ed\b/iu;
/** An arrangement for something still to come, told in a sentence that also looks back ("let's do our next 1:1 mon 6/5 and see if the training helped"). */
const ARRANGED = /\b(?:agreed|booked|arranged|scheduled|confirmed|planned|said|set up|pencilled|penciled|next|let['’]?s|again|upcoming)\b/i;
/** Anything that points ahead: a future tense or a change's start ("from next week", "effective", "as of"). */
const pointsAhead = /\b(?:will|shall|won['’]t|going to|starting|effective|as of|onwards|from (?:now|next|this|tomorrow|monday|tuesday|wednesday|thursday|friday))\b|(?<=\p{L})['’]ll\b/iu;

/** "you will have seen", "many of you will have noticed": the future perfect of a guess about what already happened. */
const willHaveSeen = /\b(?:will|['’]ll)\s+(?:already\s+)?have\s+(?:seen|noticed|heard|spotted|read)\b/iu;

/** Tells what happened, in the past tense, with nothing about what comes next: a story, not news of a change. */
function narratesThePast(text: string): boolean {
  // "If you've been in the garden you will have seen the new sensory area": a guess about the past, not news.
  if (willHaveSeen.test(text)) return true;
  return !pointsAhead.test(text) && (test(irregularPast, text) || regularPast.test(text));
}

const digits = /\d/;
/** Placeholders a fix inserts for a measure count as one: the writer is about to fill them in. */
const measurePlaceholder = /\[(?:target|baseline|metric|measure|number|how much|how many|result)[^\]]*\]/i;
const numberWords = phraseRegex(lexicon.numberWords);
const percent = /%|\bpercent\b/i;

const reason = phraseRegex(lexicon.reasonMarkers);
const hollowReason = phraseRegex(lexicon.hollowReasons);
/** ", so we can …" gives a purpose; ", so let's drop it" only draws a conclusion. */
const soClause = /,\s*so\s+(?!far\b|much\b|many\b|on\b|forth\b|let['’]s\b|let\s+us\b|i['’]ll\b|we['’]ll\b|please\b)|\bso\s+(?:that|we|you|they|the|our|everyone|nobody|no one|colleagues|people|customers|it|he|she|i|each|every|all)\b|\bso\s+(?!far\b|much\b|many\b|long\b)(?:[\p{L}'’-]+\s+){1,2}(?:can|could|will|won['’]t|don['’]t|doesn['’]t|do|does|have|has|get|gets|know|knows|stay|stays|are|is|isn['’]t|aren['’]t)\b/iu;
/** "Do X: most incidents last year started with Y" (or after a dash) explains itself. */
/** A colon after at least three words, with something after it: what follows expands on a clause. */
function colonAfterClause(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0 || !/\S/.test(text.slice(colon + 1))) return false;
  return (text.slice(0, colon).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3;
}
// A colon between digits is a time or a ratio ("4:30", "1:1"), not a break.
const EXPLANATION_BREAK = /(?<!\d):|:(?!\d)|;|(?<!\d)\s[—–](?!\s*\d)|(?<!\d)\s-\s(?!\d)/u;
/** "Dariusz (Shift Mgr)", "Mei Ling (HR)": a name and a role in brackets open a chat line ("Why Now:" without one may be a heading). */
const CHAT_SPEAKER = /^\W*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*\([^)]{1,30}\)\s*$/u;
/** "Pharmacy team:", "Kitchen staff –", "Hi all,": the readers addressed, not a clause the rest explains. */
const ADDRESSEE = /^\W*(?:(?:hi|hello|hey|dear|attention|to|for)\s+)?(?:(?:[\p{L}\d'’&/-]+\s+){0,3}(?:team|teams|staff|crew|all|everyone|everybody|folks|colleagues|drivers|nurses|managers|leads|agents|members|volunteers|shift|shifts|squad|department|dept)|all\s+(?:[\p{L}-]+\s+)?\p{L}+s)\s*$/iu;
/**
 * A clause of two words or more, then its first ":", ";" or dash, then at least five more words
 * that explain it. A later break is more often a list or an aside than a reason.
 */
function explainsAfterBreak(text: string): boolean {
  const hit = EXPLANATION_BREAK.exec(text);
  if (!hit) return false;
  // "Reminder to all kitchen staff: …" heads a notice; what follows the colon is the notice itself.
  if (test(noticeLabel, text.slice(0, hit.index))) return false;
  const before = text.slice(0, hit.index);
  // "Form tutors: you'll collect …" speaks to a group, as "Kitchen staff:" does.
  // "Cabin stewards on Decks 5–9:" is a group too, narrowed by where they work.
  if (ADDRESSEE.test(before) || isGroupOfPeople(before.replace(/^\W+/, '').replace(/\s+(?:on|in|at|from)\s.*$/i, '').trim())) return false;
  // "Dariusz (Shift Mgr): Right lads, …": a chat names who speaks before what they say.
  if (CHAT_SPEAKER.test(before)) return false;
  const after = text.slice(hit.index + hit[0].length);
  // A rota's row: "Mon/Wed/Fri - Ola and Summer big dogs", "Boning hall: 9.30 – 9.50 and 12.30 – 13.00".
  if (namesOnlyDays(before) || mostlyTimes(after)) return false;
  const words = (part: string) => (part.match(/[\p{L}\p{N}'’%-]+/gu) ?? []).length;
  return words(before) >= 2 && words(after) >= 5;
}
/** "Mon/Wed/Fri", "Tue & Thu": a list of days heads a rota's row. */
function namesOnlyDays(text: string): boolean {
  return test(weekday, text) && !/\p{L}/u.test(without(weekday, text).replace(/\band\b/gi, ' '));
}
/** Half the words or more are clock times or numbers: a timetable, not a reason. */
function mostlyTimes(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}.:'’%-]+/gu) ?? [];
  return words.length > 0 && words.filter((word) => /^\d/.test(word)).length * 2 >= words.length;
}
const autonomy = /\b(?:you own|(?:he|she|they) owns?|your call|(?:doesn['’]t|don['’]t|does not|do not|no) need to (?:check|ask|run)|without asking|i trust (?:you|him|her|them))\b/i;
const followUpPhrase = phraseRegex(lexicon.followUpMarkers);
const followUpAct = phraseRegex(lexicon.followUpActs);
const mistakeWord = phraseRegex(lexicon.mistakeWords);
const ideaWord = phraseRegex(lexicon.ideaWords);
const manner = phraseRegex(lexicon.mannerMarkers);
const checkin = phraseRegex(lexicon.checkinMarkers);
const achievement = phraseRegex(lexicon.achievementMarkers);
const reconvene = phraseRegex(lexicon.reconveneVerbs);
/**
 * "Quick 1-1 w/ Rahul 12/3 - going well …", "1:1 – Kwame / Helen — 14 Nov": a note opens by naming
 * the meeting it records, up to a dash or colon. That meeting is this one, not the next.
 */
const thisMeetingsName = /^\W*(?:(?:quick|weekly|monthly|fortnightly|short)\s+)?(?:1[-:]1|1-2-1|121|one[- ]to[- ]one|catch[- ]?up|supervision|check[- ]?in)\b(?![^.!?]{0,40}?\b(?:next|again|follow)\b)[^.!?]{0,40}?\s[-–—:]\s/iu;
/** "punting to Thurs practice meeting", "on Friday's huddle": a standing meeting named by its day, ahead ("At Monday's meeting we agreed" looks back: a verb in the past). */
const meetingByItsDay = new RegExp(`\\b(?:to|for|at|till|until|on)\\s+(?:the\\s+)?(?:${lexicon.weekdays.map(escapeRegExp).join('|')})(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+)?(?:meeting|huddle|stand-?up|sync|catch-?up|1:1|review)\\b`, 'iu');
const meetingOnAWeekday = (text: string) => meetingByItsDay.test(text) && !narratesThePast(text) && !(text.match(/\p{L}+/gu) ?? []).some((word) => /^\p{Ll}/u.test(word) && isPastForm(word));
/** "Next DRB 18/06", "next MDT": a standing meeting is often named by its initials, which no list can hold ("NEXT YEAR" is shouting). */
const nextMeetingByItsAcronym = /\b(?:next|Next)\s+\p{Lu}{2,5}\b(?![\p{L}'’])/u;
/** The writer and the reader together, ahead: "we'll", "let's", "shall we". */
// Notes put the plan in the present: "We look at whether the split is working on 12 June".
const together = /\b(?:we['’]ll|we\s+will|we\s+shall|we\s+can|let['’]?s|let\s+us|shall\s+we|we['’]re\s+going\s+to|we\s+are\s+going\s+to|both\s+of\s+us|the\s+two\s+of\s+us|we\s+(?=(?:look|review|sit|talk|catch|revisit)\b))/i;
const growth = phraseRegex(lexicon.growthMarkers);
/** A guess at what someone wants, not a path offered: "doesn't want to be here", "more interested in her uni course". */
const notGrowth = phraseRegex(lexicon.notGrowthMarkers);
const change = phraseRegex(lexicon.changeMarkers);
/** "As we head into the new year", "our industry is changing faster than ever": the calendar and the world move; nothing is announced. */
const notAChange = phraseRegex(lexicon.notChangeMarkers);
/** "will be": news of a change in an announcement, but just as often a card, a drink or a shift in a farewell post. */
const changeAhead = phraseRegex(lexicon.changeAheadMarkers);
/** "Further details will be shared in the coming months": news promised, not a change announced. */
const promisedInformation = phraseRegex(lexicon.promisedInformation);
const roleChange = phraseRegex(lexicon.roleChangeMarkers);
const takesEffect = phraseRegex(lexicon.takesEffectMarkers);
const planned = phraseRegex(lexicon.plannedMarkers);
const noticeLabel = phraseRegex(lexicon.noticeLabels);
/** Outcomes a group decides by voting ("needs to be re-elected"): passive, but no one person owns them. */
const groupVote = phraseRegex(lexicon.groupVoteMarkers);
const peopleImpact = phraseRegex(lexicon.peopleImpactMarkers);
/** Sounds like impact but tells nobody what changes in their work: "you will hear more", "a big change for some of you". */
const hollowImpact = phraseRegex(lexicon.hollowImpactMarkers);
/** Changes how the organisation is built: "will be brought together under one Claims team", "a restructure of the School". */
const restructure = phraseRegex(lexicon.restructureMarkers);
/** Says in plain words what changes or stays the same for the readers: "nothing changes for your day-to-day". */
const plainImpact = phraseRegex(lexicon.plainImpactMarkers);
const addressesReader = /\b(?:you|your|you['’](?:re|ll|ve|d)|everyone|everybody|all staff|staff|colleagues|team members|all of us|we all)\b/i;
const questionChannel = phraseRegex(lexicon.questionChannelMarkers);
/** Questions that give no way to ask: the work a team handles ("client queries must be logged"), a rhetorical question ("the question before us is …"). */
const notQuestionChannel = phraseRegex(lexicon.notQuestionChannelMarkers);
const situation = phraseRegex(lexicon.situationMarkers);
const example = phraseRegex(lexicon.exampleMarkers);
const commitment = phraseRegex(lexicon.commitmentMarkers);
const wish = phraseRegex(lexicon.wishMarkers);
const wishesOfOthers = new Set(lexicon.wishesOfOthers);

/**
 * Wants something, with no one committed to it: "Jamal wants to do his SMSTS next year", "I'd like
 * to put her forward for the course". Wanting to see, have or hear something, or wanting someone
 * else to act ("I'd like you to …"), is an ask instead; and a wish that someone acts on in the same
 * sentence ("she wants to be sous chef, so I've booked her on …") is a commitment after all.
 */
function expressesOnlyAWish(text: string): boolean {
  wish.lastIndex = 0;
  for (let m = wish.exec(text); m; m = wish.exec(text)) {
    const end = m.index + m[0].length;
    const next = /^\s+([\p{L}'’]+)/u.exec(text.slice(end))?.[1]?.toLowerCase();
    if (next !== undefined && wishesOfOthers.has(next)) continue;
    // The rest of the sentence, without the wish's own clause ("wants to do his SMSTS next year").
    const clauseEnd = text.slice(end).search(WISH_CLAUSE_END);
    const rest = text.slice(0, m.index) + ' … ' + (clauseEnd < 0 ? '' : text.slice(end + clauseEnd));
    return !test(commitment, rest) && !test(helpArranged, rest) && !actedOn.test(rest);
  }
  return false;
}
const WISH_CLAUSE_END = /[,;:.!?]|\s(?:so|and|but|because|since|then|as)\s/u;
/** "I've booked", "we have arranged": done already, by the writer. */
const actedOn = /\b(?:i|we)['’]ve\b|\b(?:i|we)\s+(?:have|had)\s+(?:already\s+)?\p{L}+ed\b/iu;
const placeholder = /\[[a-z][a-z /'’-]{1,30}\]/;
const effort = phraseRegex(lexicon.effortMarkers);
const forward = phraseRegex(lexicon.forwardMarkers);
/** "did excellent work on the Harcourt scheme": work praised, not "work on your delegation" asked for. */
const workDoneOn = /\b(?:good|great|excellent|brilliant|solid|fantastic|outstanding|amazing|superb|strong|hard|careful|her|his|their|the|your|our|this|that)\s+work\s+on\b/giu;
/** "passed on first try", "I want to start with the positives": words of advice that give none. */
const notAdvice = phraseRegex(lexicon.notAdviceMarkers);
const withoutWorkDone = (text: string) => text.replace(workDoneOn, ' ').replace(notAdvice, ' ');
/** Looks like a suggestion and arranges a talk or a time: "let's chat properly before next season", "before you head off for the summer". */
const notForward = phraseRegex(lexicon.notForwardMarkers);
/** "we can now find samples in minutes instead of digging": in a story of work done, how things improved, not advice. */
const comparedWithBefore = /\b(?:instead(?:\s+of)?|rather\s+than)\b/giu;
const support = phraseRegex(lexicon.supportMarkers);
/** "the burndown she put together", "together with the vendor": "together" with no help in it. */
const notSupport = phraseRegex(lexicon.notSupportMarkers);
const helpArranged = phraseRegex(lexicon.helpArranged);
const hollowAsk = phraseRegex(lexicon.hollowAsks);
/** A rule put as what is not allowed: "jeans are not acceptable", "nobody is to use their phone". */
const prohibition = phraseRegex(lexicon.prohibitionMarkers);
/** What enforces an order: a sanction ("will be sent home", "a written warning") or a door shut on discussion ("not up for debate"). */
const enforcement = phraseRegex(lexicon.enforcementMarkers);
/** A scolding that backs an order as a sanction would: "this is not acceptable", "its getting ridiculous". */
const reprimand = phraseRegex(lexicon.reprimandMarkers);
/** "Recalls need doing!!", "the bins need emptying": an order with nobody named, in the passive of a chore. */
const needsDoing = /\bneeds?\s+(?:doing|sorting|cleaning|emptying|finishing|completing|fixing|signing|filling)\b/i;
const vision = phraseRegex(lexicon.visionMarkers);
const guardrail = phraseRegex(lexicon.guardrailMarkers);
const experiment = phraseRegex(lexicon.experimentMarkers);
const ownerPlaceholder = phraseRegex(lexicon.ownerPlaceholders);


const namedOwner = /(?:^|[^\p{L}])(?!(?:Action|Todo|TODO|AI|Goal|Objective|Note|Notes|Next|Update|Decision|Decided|Agreed|Agenda|Topic|Context|Why|What|When|Where|How|This|That|It|There|Everyone|Someone|Somebody|Nobody|Anyone)\b)(@[\w.-]+|\p{Lu}[\p{L}'’-]+|\p{Lu}(?=\s+to\s+\p{Ll})|I|we|you|he|she|they|We|You|He|She|They)(?:\s*\([^()\n]{1,30}\))?\s*(?:will\b|['’]ll\b|is going to\b|are going to\b|am going to\b|to\s+\p{Ll}|owns\b|is on\b|takes\b|leads\b|drives\b|handles\b|(:\s))/u;
/** "friday" -> "[Ff]riday": match a lower-case list entry whether or not it is capitalised. */
function anyCaseFirst(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
}
/** "reviewed by Sam": an agent named after "by" (but not "by Friday"). */
const agentBy = new RegExp(`\\bby\\s+(?!(?:${[...lexicon.weekdays, ...lexicon.months, 'end', 'the', 'next', 'this', 'eod', 'eow', 'noon', 'midday', 'tomorrow', 'today', 'tonight'].map(anyCaseFirst).join('|')})\\b)(?:@[\\w.-]+|[A-Z][\\p{Ll}'’-]+)`, 'u');
/** "reviewed by the team lead", "signed off by our finance manager": an agent named by role. */
/** Up to two words, then a role noun: "night shift supervisor", "maintainer". Source text for larger patterns. */
export const ROLE_NOUN_PHRASE = `(?:[\\p{L}-]+\\s+){0,2}(?:${[...WHO.roleNouns].map(escapeRegExp).join('|')})\\b`;
const agentByRole = new RegExp(`\\bby\\s+(?:the|our|your|their|his|her|a|an|each|every)\\s+${ROLE_NOUN_PHRASE}`, 'iu');
const hedges = phraseRegex(lexicon.hedges);
const ownerLabel = /\b(?:owner|dri|assignee|responsible|who)\s*[:=]/i;
const handle = /(?:^|\s)@[\w.-]+/;
/** Negations before a verb of obligation: "doesn't have to", "we dont need to" ask nothing. */
const NEGATIONS = String.raw`don['’]?t|do not|doesn['’]?t|does not|didn['’]?t|did not|won['’]?t|will not`;
const notAfter = (words: string) => String.raw`(?<!\b(?:${words})\s+)`;
/** "has to", "have to": an obligation, unless negated or a way of speaking ("I have to say", "have to admit"). */
const OBLIGATION = String.raw`${notAfter(NEGATIONS)}(?:have|has) to(?!\s+(?:say|admit|agree|laugh|wonder|be honest)\b)`;
/** "needs to", not "we dont need to" or "no need to". */
const NEEDED = String.raw`${notAfter(`${NEGATIONS}|no`)}need(?:s)? to`;
const directive = new RegExp(
  String.raw`\b(?:must|mandatory|required to|are required|is required|${OBLIGATION}|no exceptions|effective immediately|(?:is|are) not (?:allowed|permitted)|no longer (?:be )?(?:allowed|permitted|accepted)|(?:are|is) expected to|please (?:make sure|ensure)|(?:is|are) (?:strictly )?(?:prohibited|forbidden|banned)|not to be)\b|^\W*(?:(?:also|and|plus) )?no more (?!being\b)\p{L}+|^\W*(?:(?:also|and|plus) )?no \p{L}+(?: \p{L}+)?(?: allowed| permitted| to be|,| in| on| at| before| after| without| unless| except| during| on board)\b`,
  'iu',
);
/** An ask. "She should have escalated it sooner" and "he must have missed it" look back: no ask in them. */
const request = new RegExp(
  String.raw`(?:^|[.!?]\s+)\W*(?:please|can you|could you|would you|will you|i need you to|i'd like you to|i would like you to|make sure|let's|let us)\b|\b(?:please|${NEEDED}|(?:should|must)(?!\s+(?:have|['’]ve|of)\s+(?!(?:the|a|an|it|this|that|your|his|her|their|them|him|all|everything)\b)\w)|${OBLIGATION}|expected to|(?:i'd|i would) like(?! to (?:thank|welcome|congratulate|acknowledge|recogni[sz]e|introduce|announce|share|take (?:this|a) (?:moment|opportunity)))|i want you to|i want to see|we want|i want everyone|it's time for|it is time for|i expect|you'll need|going forward|moving forward|from now on|(?<!\b(?:i|we)(?:['’]ll|\s+will|\s+would|['’]d)?\s+)try to|work on|need you to|needs you to|asked (?:him|her|them|you) to|ask (?:him|her|them|you) to|told (?:him|her|them) to|agreed (?:he|she|they|you)['’]ll|focus on)\b|^\W*(?:be|take|step|show|communicate|work|pay|level|speak|improve|do|raise|own|try|get|make|stop|start|keep)\b|\bwhen you (?:get|have) (?:a|the) (?:chance|minute|moment|sec|second)\b`,
  'i',
);
const personPronoun = /(?<![\p{L}])(?:you|your|you're|he|she|they|his|her|their|him|them|he's|she's|they're)(?![\p{L}])/iu;

export type Polarity = 'praise' | 'criticism' | 'neutral';

/** Below this much valence either way a sentence is neutral (one mild word does not make praise). */
const POLARITY_THRESHOLD = 0.4;

const polarityFromValence = (valence: number): Polarity => (valence >= POLARITY_THRESHOLD ? 'praise' : valence <= -POLARITY_THRESHOLD ? 'criticism' : 'neutral');

/** Whether a text praises or criticises, as the linguistic layer reads it (for callers with text only). */
export function polarityOf(text: string): Polarity {
  return polarityFromValence(analyseText(text).valence);
}

/** "in Jan", "by end of Sept", "mid-Nov": a short month name after a word that places it in time. */
const shortMonth = /\b(?:in|by|early|mid|late|end\s+of|start\s+of|until|before|after)[\s-]+(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?/i;

/** A named day: a weekday, a day of a month, a numeric date. */
function hasNamedDay(text: string): boolean {
  return test(weekday, text) || fullMonth.test(text) || mayAsMonth.test(text) || monthWithNumber.test(text) || numericDate.test(text) || shortMonth.test(text);
}

/** A date on the calendar: a named day, a time of day or a quarter (not "this year" or "soon"). */
/** "Q3 targets", "March timesheets": a date that names which things, not when something is due. */
const dateAsModifier = /\b(?:Q[1-4]|H[12]|January|February|March|April|June|July|August|September|October|November|December)\s+(?=\p{Ll}{3,}s\b)/gu;

/**
 * "from the 15th", "as of Monday", "starting next term", "from April": the day something starts,
 * named after a word that opens a start. What follows the word must begin with the day itself
 * ("from London on Monday" names a place), and a past start ("from last April") is history.
 */
const startWord = /\b(?:from|starting|as of|as from|effective|with effect from|beginning|commencing)\s+(?:(?:the|early|mid|late|end of|start of|beginning of|w\/c)[\s-]+)?([\p{L}\p{N}'’./]+(?:\s+[\p{L}\p{N}'’./]+)?)/giu;
const startDay = /^(?:(?:this|next|coming|tomorrow|today|tonight|now)\b|(?:[12]?\d|3[01])(?:st|nd|rd|th)\b|(?:19|20)\d{2}\b|Q[1-4]\b)/iu;
function namesAStartDate(text: string): boolean {
  startWord.lastIndex = 0;
  for (let m = startWord.exec(text); m; m = startWord.exec(text)) {
    const when = m[1];
    // The day must open what follows: its first word names it, or the whole is a date ("1 April", "14/3").
    if (startDay.test(when) || hasNamedDay(when.split(/\s+/)[0]) || monthWithNumber.test(when) || numericDate.test(when)) return true;
  }
  return false;
}

function hasCalendarDate(text: string): boolean {
  const when = text.replace(dateAsModifier, ' ');
  return hasNamedDay(when) || clockTime.test(when) || quarter.test(when);
}

/** Any time something could be due: a calendar date, "within 2 weeks", "end of the sprint", "tomorrow". */
/** "at some point this year", "sometime next month": a period that leaves the day open is no deadline. */
const someTimeIn = /\b(?:at\s+some\s+(?:point|stage)|some\s*time|whenever)\s+(?:(?:in|during|over)\s+)?(?:the\s+)?(?:this|next|later\s+this)\s+\w+|\b(?:this|next)\s+\w+\s+(?:some\s*time|at\s+some\s+(?:point|stage))\b|\b(?:this|next)\s+\w+-?ish\b|\b(?:Q[1-4]|H[12])-?ish\b|\b(?:at\s+some\s+(?:point|stage)|some\s*time)\s+(?:in|during|over)\s+(?:the\s+)?(?:Q[1-4]|H[12]|spring|summer|autumn|fall|winter|new\s+year|january|february|march|april|may|june|july|august|september|october|november|december)\b/gi;

/**
 * A time too far off or too loose to check progress against: "review again next year" (the next
 * annual round), "catch up in a few weeks", "touch base next month" (no day in them).
 */
const looseTime = phraseRegex(lexicon.looseTimeMarkers);

function hasDeadline(text: string): boolean {
  // Only copy the text when it holds such a period: this runs for every sentence.
  if (test(someTimeIn, text)) text = text.replace(someTimeIn, ' ');
  return hasCalendarDate(text) || relativeSpan.test(text) || endOf.test(text) || test(deadlineWords, text);
}

/** Numbers that name a time rather than an amount: Q3, H2, 2026, 14/3, 10:30, 1:1. */
const timeNumbers = /\b(?:Q[1-4]|H[12]|(?:19|20)\d{2}|\d{1,2}[/:]\d{1,2}(?:\/\d{2,4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d{1,2}\s*(?:am|pm))\b|\b1-on-1\b/gi;

const timeBoxMarker = phraseRegex(lexicon.timeBoxMarkers);
const openEnded = phraseRegex(lexicon.openEndedMarkers);
/** "a 6-week trial", "two-sprint pilot": a length that bounds the trial ("a four-day week" is a way of working). */
const lengthModifier = /\b(?:\d+[-\s]|(?:one|two|three|four|five|six|eight|ten|twelve)-)(?:day|week|month|sprint|quarter)\b(?!\s+(?:weeks?|shifts?|rotas?|working))/i;
/** How many words after "until", "for", "review on" its date or length may take. */
const TIME_BOX_WORDS = 4;
/** "for six weeks", "for the next 2 sprints"; "for a few weeks" is as open as "for a while". */
const lengthAfter = /^\s*(?:(?:the\s+)?next\s+)?(?:\d+|a|one|two|three|four|five|six|eight)\s+(?:days?|weeks?|wks?|months?|mths?|mos|sprints?|quarters?)\b/i;

/**
 * When a trial ends or is judged, not when it starts: "until 30 June", "for six weeks",
 * "review on 12 May", "a 6-week pilot". "Starts Monday", "for the Leeds team from 3 March" or
 * "until further notice" bound nothing.
 */
function hasTimeBox(text: string): boolean {
  const bounded = without(openEnded, text);
  if (lengthModifier.test(bounded) || endOf.test(bounded)) return true;
  for (const hit of findAll(timeBoxMarker, bounded)) {
    const after = bounded.slice(hit.end).split(/\s+/, TIME_BOX_WORDS + 1).join(' ');
    if (lengthAfter.test(after)) return true;
    if (hit.text.toLowerCase() !== 'for' && hasCalendarDate(after)) return true;
  }
  return false;
}

/** An amount to reach: a number that is not a date or a time, a percentage, or a measure placeholder. */
function hasMeasure(text: string): boolean {
  return hasNumber(text.replace(timeNumbers, ' '));
}

/** "the last one to leave", "one of the best", "double shifts": number words that count nothing. */
const notACount = /\b(?:the|first|last|no|every|any|each|some|this|that|which|a|another)\s+one\b|\bone\s+of\b|\b(?:double|triple)\s+shifts?\b|\b(?:this|last|next|first|second|the|good|great|solid|strong|decent|ok|okay|busy|tough|mixed|steady|productive|difficult|challenging)\s+half\b/gi;

function hasNumber(text: string): boolean {
  return digits.test(text) || test(numberWords, text.replace(notACount, ' ')) || percent.test(text) || measurePlaceholder.test(text);
}

/** "Jordan leading this", "Mei is owning the cut-over": who drives an item, as minutes name them. */
const nameThenDriving = /^\W*(\p{Lu}[\p{L}'’-]+)\s+(?:is\s+)?(?:leading|owning|driving|handling|coordinating|chasing)\s+(?:this|it|that|the)\b/u;
/** Words that head a line as its label, in any case: "Action:", "TODO:", "NEXT:". */
const LABEL_WORDS = new Set(['action', 'actions', 'todo', 'ai', 'goal', 'objective', 'note', 'notes', 'next', 'update', 'decision', 'decided', 'agreed', 'agenda', 'topic', 'context', 'why', 'what', 'when', 'where', 'how', 'due', 'deadline', 'status', 'outcome',
  // A form's fields: "Period: January - June 2024", "Term: Spring", "Present: Diego, Hope".
  'period', 'term', 'date', 'dates', 'time', 'venue', 'location', 'present', 'attendees', 'apologies', 'role', 'reviewer', 'name', 'rating', 'subject']);
/**
 * "Need to get the rota more even": a verb that takes "to" opens the line, and nobody is named.
 * "Wants to pilot self-checkout" is left out: it is a note about someone who wants.
 */
const TAKES_TO = new Set(['need', 'needs', 'have', 'has', 'got', 'going', 'try', 'trying', 'ought', 'used', 'remember', 'remind']);
/**
 * Every place namedOwner matches: "ACTION: Grace to send …" has a label before its owner. The
 * boundary becomes a look-behind so that one match's ": " does not hide the owner after it.
 */
const namedOwners = new RegExp(namedOwner.source.replace('(?:^|[^\\p{L}])', '(?<!\\p{L})'), 'gu');

/** "Ana to send the draft", "Sam will …": the owner a line names, unless the word is closed-class ("More to come"). */
function namesAnOwner(text: string): boolean {
  for (const match of text.matchAll(namedOwners)) {
    const owner = match[1];
    // "ACTION: send the list", "Period: January", "Need to get …": a label or a verb, not who acts.
    const word = owner.toLowerCase();
    if (LABEL_WORDS.has(word) || TAKES_TO.has(word)) continue;
    // "Agreed to book 6 per tour", "Asked to review the rota": a verb opening a note's line, not who acts.
    if (!(/^\p{Lu}/u.test(owner) && owner.length > 2 && (isClosedClassWord(owner) || isPastForm(owner))) && (!match[2] || labelsAPerson(text, match.index, owner))) return true;
  }
  // "Ana books the venue", "Action: Ayaan books …", "Next step: she runs …", "agreed Faizal photographs
  // every sofa …": a line that opens with someone and an action verb in the present.
  const line = text.replace(LINE_LABEL, '').replace(AGREED, '');
  // "I review it by Friday", "we present to the board": the writer's side takes the verb's plain form.
  const ours = line.match(selfThenVerb);
  if (ours && isOrderVerbForm(ours[1])) return true;
  // "Everyone: accept your invite by Friday", "Squad leads: set up cycles": a group named before an order.
  const group = line.match(groupLabel);
  if (group && isOrderVerb(group[2]) && isGroupOfPeople(group[1])) return true;
  // "Next step: everyone sets up MFA by Friday", "Night nurses complete the audit": a group and its verb.
  if (groupActs(line)) return true;
  // "Ana - send draft rota - Fri", "me - order labels by Fri": minutes name the owner before a dash.
  const dashed = line.match(dashOwner);
  if (dashed && isOrderVerb(dashed[2]) && (/^(?:me|i|we)$/i.test(dashed[1]) || (isLikelyName(dashed[1]) && !isClosedClassWord(dashed[1])))) return true;
  // "Jordan leading this, targeting review 12/16", "Mei owning the cut-over": minutes name who drives an item.
  const driving = line.match(nameThenDriving);
  if (driving && isLikelyName(driving[1]) && !isClosedClassWord(driving[1])) return true;
  // "Training team to book Milan onto the course", "Customer services to update the leaflets".
  const team = line.match(teamThenTo);
  if (team && WHO.departments.has(team[1].toLowerCase())) return true;
  // "Action: Ravi make the video": after an action label, the verb may come in its plain form.
  const labelled = line !== text ? line.match(nameThenPlainVerb) : null;
  if (labelled && isOrderVerb(labelled[2]) && isLikelyName(labelled[1]) && !isClosedClassWord(labelled[1])) return true;
  // "rui to update CODEOWNERS (fri)": notes write names in lower case. A word compromise does not
  // know, then "to" and a verb of work; "stock to arrive" and "need to check" are not owners.
  const lowerCase = line.match(lowerCaseNameThenTo);
  if (lowerCase && isActionVerb(lowerCase[2]) && isLikelyName(capitalised(lowerCase[1]))) return true;
  const present = line.match(nameThenVerb);
  if (!present || !isOrderVerbForm(present[2])) return false;
  return /^(?:he|she|they|we|i)$/i.test(present[1]) || (isLikelyName(present[1]) && !isClosedClassWord(present[1]));
}
const lowerCaseNameThenTo = /^\W*(\p{Ll}[\p{Ll}'’-]+)\s+to\s+(\p{Ll}+)\b/u;
const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);
const nameThenPlainVerb = /^\W*(\p{Lu}\p{Ll}[\p{L}'’-]*)\s+(\p{Ll}+)\b/u;
// A table's cells count as dashes: "Jun | order HEK293 + start the replicate | 19 Apr".
const dashOwner = /^\W*(\p{L}[\p{L}'’-]*)\s*[-–:|]\s*(\p{Ll}+)/u;
const teamThenTo = /\b(\p{L}+)\s+to\s+\p{Ll}+/u;
/**
 * "Ana: book the room", "GH: quotes", "me: labels" name who acts; "Comments: too many repeats" or
 * "Field visit Turkana: to happen by July" label a topic. A person's label opens the line and is a
 * name, initials, a pronoun or a handle.
 */
function labelsAPerson(text: string, at: number, label: string): boolean {
  const labelAt = text.indexOf(label, at);
  const lineStart = text.lastIndexOf('\n', labelAt) + 1;
  if (!/^[^\p{L}]*$/u.test(text.slice(lineStart, labelAt))) return false;
  // "Homework:" in 1:1 notes is the report's to do.
  if (/^@|^\p{Lu}{2,3}$/u.test(label) || /^(?:I|we|you|he|she|they|homework)$/i.test(label) || isLikelyName(label)) return true;
  // "Joy: order 200 boxes": a name that is also a word, before an order.
  const next = text.slice(at).match(/:\s*(\p{L}+)/u)?.[1];
  return next !== undefined && /^\p{Ll}/u.test(next) && isOrderVerb(next);
}

/** A label of up to three words that opens a line, and the first word after its colon. */
const groupLabel = /^[^\p{L}]*((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)\s*:\s*(\p{Ll}+)/u;
/** "everyone sets up …", "night nurses complete …": a group of one or two words, then an action verb. */
function groupActs(line: string): boolean {
  const words = line.replace(/^[^\p{L}]+/u, '').split(/\s+/, 3);
  return [1, 2].some((n) => {
    const verb = words[n]?.toLowerCase();
    if (!verb || !/^\p{Ll}+$/u.test(words[n])) return false;
    // Not isOrderVerbForm: a group's plain verb is its own form ("night nurses complete"), and a
    // group with -s verbs ("everyone loves …") is as often a feeling as an action.
    return isGroupOfPeople(words.slice(0, n).join(' ')) && (isOrderVerb(verb) || isOrderVerb(verb.replace(/e?s$/, '')));
  });
}
const GROUP_WORDS = new Set(['everyone', 'everybody', 'all', 'staff', 'team', 'teams', 'colleagues']);
/** "counter closes 8pm not 10pm", "opening is 6.30 now not 7": the new time set against the old one. */
const newTimeAgainstOld = /\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\s+(?:now\s+)?not\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\b/i;
/** "de-icing crew moving to hangar 3", "night nurses will start at 19:30": what changes for a group of readers. */
const subjectThenMove = /\b([\p{L}-]+)\s+(?:(?:is|are|will|will be|are now|is now)\s+)?(?:moving|move|moves|relocating|relocate|relocates|starting|start|starts|switching|switch|switches|joining|join|joins)\b/giu;
function aGroupOfPeopleMoves(text: string): boolean {
  subjectThenMove.lastIndex = 0;
  for (let m = subjectThenMove.exec(text); m; m = subjectThenMove.exec(text)) if (isGroupOfPeople(m[1])) return true;
  return false;
}

/** "Everyone", "All staff", "Squad leads", "Night nurses": people who can act, by their role. */
function isGroupOfPeople(label: string): boolean {
  const last = label.toLowerCase().split(/\s+/).at(-1) ?? '';
  // "nurses" → "nurse", "coaches" → "coach".
  return GROUP_WORDS.has(last) || [last, last.replace(/s$/, ''), last.replace(/es$/, '')].some((w) => WHO.roleNouns.has(w));
}

/** "agreed Faizal photographs …", "Agreed that Ana books …": minutes record what was agreed before who does it. */
const AGREED = /^\W*(?:(?:we|it was)\s+)?agreed(?:\s+that)?\s*[:\-–]?\s*/i;
const LINE_LABEL = /^\W*(?:action(?: items?| points?)?|actions|ai|todo|to-do|next steps?|homework)\s*[:\-–]\s*|^\W*(?:AP|A\/P)\b\s*[:\-–]?\s*/i;

/**
 * Someone says they will do something: "I'll send the rota", "Ana will draft it", "HR are going to
 * call you". A future tense is a forecast, not an undertaking, when nobody does it ("scores will
 * feed into the bonus", "our branches will close at 4pm"), when it is a passive or a state ("all
 * calls will be scored", "she will be in charge") or when it is the consequence of a condition ("if
 * the numbers are not up, we will be having a different conversation").
 */
function isUndertaking(sentence: Sentence): boolean {
  if (test(commitmentBesidesFuture, sentence.text)) return true;
  if (OPENS_WITH_CONDITION.test(sentence.text)) return false;
  const words = sentence.tokens.map((t) => t.normal.replace(/’/g, "'"));
  for (let i = 0; i < words.length; i++) {
    const [subjectAt, verbAt] = futureAt(words, i);
    if (verbAt < 0) continue;
    const active = actsAt(words, verbAt);
    // "Heads of Year will send …", "the Head of Finance will …": the doer is the head noun.
    const head = subjectAt >= 2 && words[subjectAt - 1] === 'of' ? subjectAt - 2 : subjectAt;
    const subject = sentence.tokens[head].text.replace(/['’]ll$/i, '');
    if (active && isDoer(subject.toLowerCase(), subject)) return true;
  }
  return false;
}

const FUTURE_AUXILIARIES = new Set(['will', "'ll", 'shall', 'is going to', 'are going to', 'am going to']);
const commitmentBesidesFuture = phraseRegex(lexicon.commitmentMarkers.filter((m) => !FUTURE_AUXILIARIES.has(m)));
/**
 * After "will be": a participle or an adjective makes a passive or a state ("will be scored", "will
 * be done", "will be available"); a person who "will be in the drivers' room to help" or "will be
 * sending" still acts.
 */
const PASSIVE_OR_STATE = /(?:ed|en|wn|ne|ght|able|ible|ful|ive|ous)$|^(?:made|sent|paid|kept|held|told|built|run|put|set|cut|left|lost|met|found|sold|shut|closed|open|available|responsible|able|ready|happy|late|free|away|off|out)$/;
/**
 * Whether the verb at `at`, after a future auxiliary, is something someone does. "Will be" acts only
 * before a doing ("will be sending") or a place ("will be in the drivers' room to help"): "Earlies will
 * be 04:30-16:30" and "will be the new lead" are states. Becoming, merging or moving to a new place
 * ("the two teams will become one", "Housing will move to the 3rd floor") is a change, not a task.
 */
function actsAt(words: string[], at: number): boolean {
  const verb = words[at];
  const next = words[at + 1] ?? '';
  if (verb === 'be') return !PASSIVE_OR_STATE.test(next) && (/\p{L}ing$/u.test(next) || BE_SOMEWHERE.has(next));
  if (CHANGE_OF_STATE.has(verb)) return false;
  // "The early shift will start at 05:30", "the counter will close from 2pm": a timetable, not a task.
  if (SCHEDULE.has(verb) && (SCHEDULE_TIMES.has(next) || /^\d/.test(next))) return false;
  return !(RELOCATION.has(verb) && RELOCATION_DIRECTIONS.has(next));
}
const SCHEDULE = new Set(['start', 'finish', 'begin', 'end', 'open', 'close', 'run']);
const SCHEDULE_TIMES = new Set(['at', 'from', 'on', 'until', 'till', 'til', 'by', 'earlier', 'later', 'early', 'late']);
const BE_SOMEWHERE = new Set(['in', 'at', 'on', 'around', 'there', 'here', 'back', 'onsite', 'on-site', 'with', 'away']);
const CHANGE_OF_STATE = new Set(['become', 'remain', 'stay', 'merge', 'relocate']);
const RELOCATION = new Set(['move', 'transfer', 'switch', 'shift', 'go', 'change', 'report']);
const RELOCATION_DIRECTIONS = new Set(['to', 'into', 'over', 'across', 'from', 'back', 'under', 'onto']);
/** "Finance runs the rollout", "Security checks the doors": a department and its verb, not an order to finance. */
function departmentActs(text: string): boolean {
  const [first, second] = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  return first !== undefined && WHO.departments.has(first) && second !== undefined && /[^s]s$/.test(second);
}

/** "FROM MONDAY 9 SEPT NO BLADE CHANGE WITHOUT A SIGN-OFF", "@channel from monday no phones on the floor": a "no …" rule after the day it starts. */
const ruleAfterItsStart = /^\W*(?:@[\w.-]+\s+)?(?:from|starting|as\s+of|effective|with\s+effect\s+from)\b[^.;:!?]{1,40}?[,\s]\s*no\s+\p{L}+(?:\s+\p{L}+)?\s+(?:allowed|permitted|to\s+be|in|on|at|before|after|without|during)\b/iu;
/** "Visitor team: route tours through the Home Front room", "Front desk: please mention it": an order after whom it is for. */
const SHORT_LABEL = /^\W*(?:[\p{L}\d'’&/-]+\s+){0,3}[\p{L}\d'’&/-]+\s*:\s+/u;
/** Labels that head a task ("Objective for H2:", "Action:", "Next step:"), not any label ("Decision:", "One idea:"). */
const taskLabel = phraseRegex(lexicon.taskLabels);
const orderAfterLabel = (text: string) => SHORT_LABEL.test(text) && startsWithImperative(text.replace(SHORT_LABEL, ''));
/** "everyone check your shifts": "everyone" takes "checks" in a statement, so the plain verb after it is an order. */
const SINGULAR_EVERYONE = /^(?:everyone|everybody|every one)$/i;
/**
 * "Drivers please make sure …", "Store managers, log every call", "Store managers make sure your teams
 * log it": an order with whom it is for in front. A plural and a plain verb is as often a statement
 * ("Both teams share the on-call"), so the order must be marked: "please", a comma, or "make sure".
 */
const MARKED_ORDER = /^(?:please|pls|plz|kindly|make\s+sure|ensure|remember)\b/i;
function orderToAGroup(text: string): boolean {
  const words = text.replace(/^\W*(?:@[\w.-]+\s+)?/u, '').split(/\s+/);
  for (let n = 1; n <= 3 && n < words.length; n++) {
    const group = words.slice(0, n).join(' ');
    const rest = words.slice(n).join(' ');
    const marked = group.endsWith(',') || MARKED_ORDER.test(rest) || SINGULAR_EVERYONE.test(group);
    if (isGroupOfPeople(group.replace(/,$/, '')) && marked && startsWithImperative(rest)) return true;
  }
  return false;
}
/** "From tomorrow nobody take staff meal before 3pm", "NOBODY touches the builds except Arman": a rule put as what nobody does. */
const NOBODY_DOES = /^\W*(?:@[\w.-]+\s+)?(?:(?:from|starting|as\s+of)\s+(?:[\w.-]+\s+){1,3}?)?(?:nobody|no one|no-one|noone)\s+(?:(?:on|in|at)\s+[\p{L}-]+\s+)?([\p{L}'’]+)/iu;
/** "Nobody knows why", "nobody likes them": a state, not a rule. */
const STATES = new Set(lexicon.stativeVerbs.flatMap((entry) => entry.split('|')));
function ruleOfNobody(text: string): boolean {
  const verb = NOBODY_DOES.exec(text)?.[1]?.toLowerCase();
  return verb !== undefined && !STATES.has(verb) && isOrderVerbForm(verb);
}

/**
 * "The old carts go back to the supplier so please don't keep any", "Drivers pls make sure …": an order
 * that "please" opens mid-sentence. (`order` leaves out "any issues please speak to …", a way to ask.)
 */
const PLEASE_INSIDE = /\s(?:please|pls|plz|kindly)\s/giu;
function politeOrderInside(text: string): boolean {
  for (const please of text.matchAll(PLEASE_INSIDE)) if (startsWithImperative(text.slice(please.index + 1))) return true;
  return false;
}
/** "if you'd rather be in the other one, " (or "If anything is unclear — "): a condition, then its clause. */
const conditionThenClause = /\bif\s[^,.;:!?—–]{2,80}(?:,|\s[—–])\s*(?:please\s+)?/i;

/** The sentence after an opening time phrase ("From the 11th, …", "On Monday, …"), or all of it. */
const leadingTime = /^\W*(?:from|on|by|after|before|starting|until|as\s+of|each|every|at|in)\b[^,.;:]{1,40},\s*/iu;
/** "For the next show, …", "Next time, …", "Going forward, …": an occasion, not a date, before what follows. */
const leadingOccasion = /^\W*(?:for\s+(?:the\s+)?(?:next|future|upcoming)|next\s+time|going\s+forward|moving\s+forward|from\s+now\s+on|in\s+future|in\s+the\s+future)\b[^,.;:!?]{0,30},\s*/iu;
function afterLeadingTime(text: string): string {
  const lead = leadingTime.exec(text);
  if (lead && hasDeadline(lead[0])) return text.slice(lead[0].length);
  const occasion = leadingOccasion.exec(text);
  return occasion ? text.slice(occasion[0].length) : text;
}

/**
 * "will be closed", "will be repainted": something will be done. Not "will be missed", which says
 * goodbye, nor news still to come ("his replacement will be announced") or an event ("will be held").
 */
const NOT_A_CHANGE = new Set(['missed', 'announced', 'shared', 'confirmed', 'communicated', 'circulated', 'posted', 'told', 'informed', 'held', 'welcomed', 'celebrated']);
const passiveFuture = /\bwill\s+be\s+([\p{L}-]+)/giu;
function announcesPassiveFuture(text: string): boolean {
  passiveFuture.lastIndex = 0;
  for (let m = passiveFuture.exec(text); m; m = passiveFuture.exec(text)) {
    const word = m[1].toLowerCase();
    if (!NOT_A_CHANGE.has(word) && /(?:ed|en|wn|ght)$|^(?:made|sent|paid|kept|held|built|run|put|set|cut|shut|closed)$/.test(word)) return true;
  }
  return false;
}
const OPENS_WITH_CONDITION = /^\W*(?:if|unless|otherwise|or else)\b/i;
/** Words between the auxiliary and its verb that change nothing: "we will also send", "I'll then book". */
const FUTURE_FILLERS = new Set(['not', 'also', 'then', 'still', 'personally', 'definitely', 'both', 'all', 'each', 'now', 'first']);

/**
 * At token i, a future tense: the index of its subject and of its verb, or -1 for the verb.
 * "I'll" and "we'll" are one token; "won't" is one token that is no undertaking.
 */
function futureAt(words: string[], i: number): [number, number] {
  if (/^[\p{L}]+'ll$/u.test(words[i])) return [i, skipFillers(words, i + 1)];
  if (i === 0) return [0, -1];
  if (words[i] === 'will' || words[i] === 'shall') return [i - 1, skipFillers(words, i + 1)];
  if (/^(?:is|are|am)$/.test(words[i]) && words[i + 1] === 'going' && words[i + 2] === 'to') return [i - 1, skipFillers(words, i + 3)];
  return [0, -1];
}

function skipFillers(words: string[], at: number): number {
  while (at < words.length && FUTURE_FILLERS.has(words[at])) at++;
  return at < words.length ? at : -1;
}

/**
 * Arranges a check-in and nothing else: every "we'll …" or "let's …" in it is a meeting about
 * progress ("We'll look at this again at your mid-year in September"). A check-in is no next step;
 * "Niamh will get the pipeline into the CRM by 30 September, and we'll sit down on 12 July" still is one.
 */
function onlyArrangesACheckin(sentence: Sentence): boolean {
  if (!hasFeature(sentence, 'checkin') || /\b\p{Lu}[\p{L}'’-]+\s+to\s+\p{Ll}/u.test(sentence.text)) return false;
  const words = sentence.tokens.map((t) => t.normal.replace(/’/g, "'"));
  // "Revisit in our 1:1 on 2 Feb.", "Review at the site office Friday 14th": a note's line that is the meeting itself.
  let arrangements = findAll(reconvene, words.slice(0, 3).join(' '))[0]?.start === 0 ? 1 : 0;
  // "… and share the figures at the ops meeting", "message me by 22 Aug and we'll talk it through": work besides the meeting.
  if (words.some((w, i) => (w === 'and' && isActionVerb(words[i + 1] ?? '') && !test(reconvene, words.slice(i + 1, i + 4).join(' '))))) return false;
  if (hasFeature(sentence, 'conditional-order')) return false;
  for (let i = 0; i < words.length; i++) {
    const verbAt = words[i] === "let's" || (words[i] === 'let' && words[i + 1] === 'us') ? skipFillers(words, words[i] === 'let' ? i + 2 : i + 1) : futureAt(words, i)[1];
    if (verbAt < 0) continue;
    arrangements++;
    if (!test(reconvene, words.slice(verbAt, verbAt + 4).join(' '))) return false;
  }
  return arrangements > 0;
}

/** A person or people who can act: a pronoun, a name, a role ("HR", "the manager", "Ravi's team"). */
function isDoer(subject: string, original: string): boolean {
  if (WHO.personPronouns.has(subject) || WHO.selfPronouns.has(subject)) return true;
  const singular = subject.replace(/s$/, '');
  if (WHO.roleNouns.has(subject) || WHO.roleNouns.has(singular) || WHO.departments.has(subject) || singular === 'head') return true;
  return isLikelyName(original) && !isClosedClassWord(original);
}

const nameThenVerb = /^\W*(\p{Lu}\p{Ll}[\p{L}'’-]*|he|she|they|we|i)\s+(\p{Ll}+s)\b/iu;
const selfThenVerb = /^\W*(?:i|we|you)\s+(\p{Ll}+)\b/iu;

/** The writer takes it: "it's on me to book the room", "me: ask finance". */
const selfOwner = /(?:^|[^\p{L}])(?:it['’]?s on me|on me to|me\s*:|me to \p{Ll})/iu;

/** "Will put him with Frank on Tues mornings": a note drops the "I" before the writer's own undertaking. */
const writersDroppedI = /^\W*(?:will|shall|gonna)\s+(\p{Ll}+)\b/iu;
const undertakesWithoutI = (text: string) => {
  const verb = writersDroppedI.exec(text)?.[1];
  // "Will be off next week" says where the writer will be, not what they will do.
  return verb !== undefined && verb !== 'be' && verb !== 'have' && isOrderVerb(verb) && !/\?\s*$/.test(text);
};

function hasOwner(text: string): boolean {
  return namesAnOwner(text) || selfOwner.test(text) || undertakesWithoutI(text) || ownerLabel.test(text) || handle.test(text) || agentBy.test(text) || agentByRole.test(text) || test(ownerPlaceholder, text);
}

/** "on the billing retry rewrite" names a piece of work; "on the launch" or "for the hard work this year" hardly does. */
const namedWorkPhrase = /\b(?:on|with|for|in|of)\s+(?:the|your|our|this|that|his|her|their)\s+((?:[\p{L}\p{N}'’-]+\s+){1,5}[\p{L}\p{N}'’-]+)/giu;
const GENERIC_WORDS = new Set(
  ('hard work effort efforts this that these those quarter year week month half sprint all everything great good amazing awesome support help time team everyone job way things stuff project ' +
    'is are was were be been has have had and or but not very so too poor weak bad excellent of to a an in on at for with by from rest others other ' +
    'whole entire department dept company store office floor shift group world org organisation organization branch site unit ward ' +
    'yet still already now just even also really very quite same usual other ' +
    // "one of our best people" ranks someone; it names no piece of work.
    'best worst top strongest weakest people person staff members folks hires performers ' +
    // "for your continued dedication" thanks a quality; it names no piece of work either.
    'continued ongoing dedication commitment contributions contribution patience efforts hard-work').split(' '),
);

const CLAUSE_WORDS = new Set(['and', 'or', 'but', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'which', 'who', 'that', 'so', 'because']);

function namesWork(text: string): boolean {
  namedWorkPhrase.lastIndex = 0;
  for (let m = namedWorkPhrase.exec(text); m; m = namedWorkPhrase.exec(text)) {
    // The phrase ends where a clause does: "with this year and is very much valued" names "year" only.
    const words = m[1].toLowerCase().split(/\s+/);
    const stop = words.findIndex((w) => CLAUSE_WORDS.has(w));
    if (stop >= 0) words.length = stop;
    // "with the flight crews", "for the night nurses": people, not a piece of work.
    const head = words.at(-1) ?? '';
    if (WHO.roleNouns.has(head) || WHO.otherPeople.has(head) || /(?:crews|nurses|staff|people|folks)$/.test(head)) continue;
    if (words.filter((w) => !GENERIC_WORDS.has(w)).length >= 2) return true;
  }
  return false;
}
const midSentenceName = /(?<=[\p{Ll},;]\s+)(?!I\b)[A-Z][\p{L}\p{N}]+/u;

/** Words that tie an action to its effect (the I in situation-behaviour-impact). */
// "which cut …" ties a deed to its effect; "which I appreciate" only thanks for it.
const impact = /\b(?:which(?!\s+(?:i|we|you)\b)|so that|led to|resulted in|meant|helped|saved|cut|reduced|increased|raised|lowered|let the|let us|allowed|enabled|unblocked|prevented|avoided)\b/i;
const when = /\b(?:when you|the way you|after you|while you)\b|\bby\s+\p{L}+ing\b/iu;

/** Names something concrete: a number, a date, an example, a named piece of work, a cause or an effect. */
/** After "work on"/"job on", a proper name or an identifier (toml_edit, v2, Kubernetes) names the piece of work. */
const namedArtefact = /\b(?:work|job|effort|contribution|contributions)\s+(?:on|with|for|in)\s+(?:\p{Lu}[\p{L}\d_-]*|[\p{Ll}\d]*[_\d][\p{L}\d_-]*)/u;

/** A number that names a place or a headcount, not an amount: "ward 6", "floor 3", "of my 8 reports". */
// A rating ("5/5", "4 out of 5", "rated 3") grades the person; it is no evidence of what they did.
const numberAsName = /\b(?:ward|floor|room|bay|line|lane|gate|level|platform|unit|site|store|shift|station|building|block|aisle|desk|zone|pod|team|grade|band|year|objectives?|goals?|targets?|kpis?|priority|priorities)\s+\d+(?:\s+and\s+\d+)?\b|\b(?:of|out of)\s+(?:my|our|the|his|her|their)\s+\d+\b|\b\d(?:\.\d)?\s*(?:\/|out of)\s*(?:5|10)\b(?![/\d])|\b(?:rated|rating|score)\s*:?\s*\d\b|\b10x\s+(?:engineer|developer|dev|coder|programmer|hire|employee|performer)\b/gi;

function hasSpecifics(text: string): boolean {
  return (
    hasNumber(without(numberAsName, text)) ||
    hasCalendarDate(text) ||
    test(example, text) ||
    test(reason, text) ||
    impact.test(text) ||
    when.test(text) ||
    namesWork(text) ||
    // "tremendous work on toml_edit", "on Kubernetes": a named artefact needs no article.
    namedArtefact.test(text) ||
    // "Two things slipped: the rota and the stock count" elaborates; "Overall: meets expectations" is a form's label.
    (colonAfterClause(text) && /:\s*(?:\S+\s+){2,}\S/.test(text)) ||
    // An elaboration after a dash that reports something done ("always willing to help — Lin and
    // Marco both said …"), not more praise ("— keep up the good work!").
    reportsAfterDash(text)
  );
}

const afterDash = /\s[—–-]\s+((?:\S+\s+){3,}\S+)/u;
const reportOfDoing = /\d|(?<=\s)\p{Lu}\p{Ll}+|\b\p{L}+ed\b|\b(?:said|taught|made|built|wrote|ran|led|took|gave|found|brought|cut|kept|won|sent|got|shipped|saw|told|spent|paid|sold|met|came|went|did)\b/u;

function reportsAfterDash(text: string): boolean {
  const after = text.match(afterDash)?.[1];
  return after !== undefined && reportOfDoing.test(after);
}

/** A person's name in the middle of a sentence ("I don't think Tomás will …"). */
function namesSomeone(text: string): boolean {
  const name = text.match(midSentenceName)?.[0];
  return name !== undefined && isLikelyName(name);
}

function startsWithPerson(text: string): boolean {
  const first = text.match(/^\W*([\p{L}'’-]+)/u)?.[1];
  return first !== undefined && isLikelyName(first);
}

/**
 * A sentence's polarity, the one place rules get it from: the linguistic layer's valence
 * (AFINN-165 and workplace words, negation, contrast, remedies, claims about people), cached with it.
 */
function polarityOfSentence(sentence: Sentence): Polarity {
  return polarityFromValence(analyse(sentence).valence);
}

const ASKED_FOR = /^\W*(?:could|would|can|will)\s+you\b|^\W*(?:please|pls|kindly)\b/i;
/** Where a sentence turns from one point to another: "shipped the release on time, but the docs lagged". */
const CLAUSE_BREAK = /\b(?:but|however|though|tho|although|yet|whereas)\b|;|\s[—–-]\s/i;

/**
 * A strength told as a fact: something the person achieved, with what or how much ("rewrote the
 * repairs letters in plain English", "brought the backlog from 64 cases to 12"), in a clause that is
 * not itself criticism. Reviews often state wins with no praise word at all.
 */
function tellsAnAccomplishment(text: string): boolean {
  // "Could you set up a weekly count?", "Please rebuild the rota": asked for, not done.
  if (/\?\s*["'”’)]*\s*$/.test(text) || ASKED_FOR.test(text)) return false;
  // Each conjunct on its own: "rewrote the letters in plain English and complaints dropped" holds a win
  // whatever the second half's words weigh.
  return text
    .split(CLAUSE_BREAK)
    .flatMap((clause) => clause.split(/\s(?:and|&)\s/i))
    .some((clause) => test(achievement, clause) && hasSpecifics(clause) && polarityOf(clause) !== 'criticism');
}

/**
 * Help arranged for the person, said without a help word: someone undertakes (or has set up)
 * something done with or for them ("Head chef Amelie will do three Tuesday mornings with him", "I've
 * freed up two of his cover periods so he can catch up", "Company will pay for the evening class").
 */
function offersHelp(sentence: Sentence): boolean {
  return test(helpArranged, sentence.text) && (isUndertaking(sentence) || /\b(?:i|we)['’]ve\b|\b(?:i|we|have|has|i\s+have|we\s+have)\s+(?:already\s+)?(?:booked|arranged|organised|organized|freed|taken|put|got|enrolled|signed|set)\b/i.test(sentence.text));
}

/**
 * Minutes put the action after the topic on the same line: "By-election – nominations close Fri 1 Nov.
 * Heðin to push it on insta this week." The sentence ends a line of a block of several lines.
 */
function endsANoteLine(sentence: Sentence): boolean {
  const { block } = sentence;
  return block.text.includes('\n') && /^[ \t]*(?:\n|$)/.test(block.text.slice(sentence.end - block.start));
}

/** The sentence fills one line of a block of several lines: it starts a line and ends one. */
function isOwnLine(sentence: Sentence): boolean {
  const { block } = sentence;
  if (!block.text.includes('\n')) return false;
  const from = sentence.start - block.start;
  const to = sentence.end - block.start;
  return (from === 0 || /\n[ \t]*$/.test(block.text.slice(0, from))) && /^[ \t]*(?:\n|$)/.test(block.text.slice(to));
}

/**
 * "Booked for 12 Feb. Kofi to do the 2 online modules before then.": "by then" or "before then"
 * takes its date from the sentence before it in the same paragraph or list.
 */
const BY_THEN = /\b(?:by|before|until|till)\s+then\b/i;
function pointsBackToADate(sentence: Sentence): boolean {
  if (!BY_THEN.test(sentence.text)) return false;
  const siblings = sentence.block.sentences;
  const previous = siblings[siblings.indexOf(sentence) - 1];
  return previous !== undefined && hasDeadline(previous.text);
}

type FeatureTest = (sentence: Sentence) => boolean;

/** "To put our advisers where carers need them most, the trustees have agreed …": a purpose before the decision. */
const PURPOSE_OPENING = /^\W*(?:in\s+order\s+)?to\s+((\p{L}+)\b[^,.;:!?]{3,100}),\s/iu;
/** "To be honest, …", "To sum up, …": set phrases, not purposes. */
const NOT_A_PURPOSE = new Set(['be', 'sum', 'say', 'tell']);
function opensWithPurpose(text: string): boolean {
  const purpose = PURPOSE_OPENING.exec(text);
  return purpose !== null && !NOT_A_PURPOSE.has(purpose[2].toLowerCase()) && startsWithImperative(purpose[1]);
}

const FEATURES: Record<string, FeatureTest> = {
  deadline: (s) => hasDeadline(s.text) || pointsBackToADate(s),
  /** A time near and firm enough to check progress against: not "next year", "in a few weeks" or "next month" alone. */
  'near-date': (s) => hasFeature(s, 'deadline') && (!test(looseTime, s.text) || hasDeadline(without(looseTime, s.text)) || pointsBackToADate(s)),
  /** When a change takes effect: a day, a period or a span, not a clock time ("stand-up moves to 9:30" says what, not from when). */
  'takes-effect-when': (s) => hasDeadline(s.text.replace(clockTimes, ' ')) || startsNow.test(s.text),
  date: (s) => hasDeadline(s.text) || test(pastTime, s.text),
  number: (s) => hasNumber(s.text),
  measure: (s) => hasMeasure(s.text),
  /** A date on the calendar (a weekday, a day of a month, a quarter), not "this year" or "soon". */
  'calendar-date': (s) => hasCalendarDate(s.text),
  /** A goal can be checked: an amount to reach, or a deliverable due on a named day ("publish by 28 February"). */
  measurable: (s) => hasMeasure(s.text) || hasNamedDay(s.text),
  // "due to business needs" names no reason: hollow reasons are taken out before looking for one.
  reason: (s) => {
    const text = without(hollowReason, s.text);
    return test(reason, text) || soClause.test(text) || explainsAfterBreak(text) || opensWithPurpose(text);
  },
  /** Hands over the decision ("you own …", "doesn't need to check with me"). */
  autonomy: (s) => autonomy.test(s.text),
  'follow-up-phrase': (s) => test(followUpPhrase, s.text),
  /** Talking something over again: "let's talk", "we'll discuss", "catch up on", "check in with". */
  'follow-up-act': (s) => test(followUpAct, s.text),
  /** Talks about a mistake or a failure ("mistakes like last week's outage", "whoever breaks the build"). */
  'mistake-mention': (s) => test(mistakeWord, s.text),
  /** Talks about an idea or a proposal ("Hiroshi's idea of a shared library was rejected"). */
  'idea-mention': (s) => test(ideaWord, s.text),
  owner: (s) => hasOwner(s.text),
  praise: (s) => polarityOfSentence(s) === 'praise',
  /** Says something of a piece of the work, not of the person: "Paperwork is good", "Her colour work is excellent". */
  'about-an-area-of-work': (s) => aboutAnAreaOfWork(s.text),
  criticism: (s) => polarityOfSentence(s) === 'criticism',
  question: (s) => /\?\s*["'”’)]*\s*$/.test(s.text),
  specific: (s) => hasSpecifics(s.text),
  /** Something the person achieved, told as a fact (see tellsAnAccomplishment). */
  accomplishment: (s) => tellsAnAccomplishment(s.text),
  situation: (s) => test(situation, s.text) || hasDeadline(s.text) || test(pastTime, s.text),
  // A colon introduces an example after a clause ("Two things slipped: …"), not after a label ("Ask for Tom: …").
  example: (s) => test(example, s.text) || colonAfterClause(s.text) || /\bby\s+\p{L}+ing\b/iu.test(s.text),
  'about-person': (s) => analyse(s).aboutPerson || personPronoun.test(s.text) || startsWithPerson(s.text) || namesSomeone(s.text),
  commitment: (s) => test(commitment, s.text),
  /** Wants something done, with no one committed to doing it (see expressesOnlyAWish). */
  wish: (s) => expressesOnlyAWish(s.text),
  /** Someone undertakes to do something (see isUndertaking): a forecast about things does not count. */
  undertaking: (s) => isUndertaking(s),
  /** A next conversation about progress: named ("next 1:1", "review date", "Next DRB 18/06") or arranged together ("let's regroup", "we'll debrief"). */
  checkin: (s) => {
    const text = s.text.replace(thisMeetingsName, ' ');
    return test(checkin, text) || nextMeetingByItsAcronym.test(text) || meetingOnAWeekday(text) || (together.test(text) && test(reconvene, text));
  },
  /** A check-in with its when in a terse note's shorthand: "next 1:1 two weeks", "next mtg same time". */
  'checkin-interval': (s) => checkinInterval.test(s.text),
  /** Arranges a check-in and nothing else (see onlyArrangesACheckin): no next step. */
  'checkin-only': (s) => onlyArrangesACheckin(s),
  /** Talks about growth, unless the writer says they cannot see it ("I don't see her moving into a fee-earner role"). */
  growth: (s) => test(growth, without(notGrowth, s.text)) && !deniesGrowth.test(s.text),
  change: (s) => test(change, without(notAChange, s.text)),
  /** "The road will be closed", "floor markings will be repainted": something will be done to the readers' surroundings. */
  'passive-future': (s) => announcesPassiveFuture(s.text),
  /**
   * Announces a change: a change word, "will be", or something starting on a named day that is not
   * history ("we're switching supplier from the 15th"). Broader than `change`, which also decides what
   * kind of post this is: a welcome names its newcomer's first day, a farewell says there will be a
   * card, and each is still a recognition post.
   */
  // "Anyone caught without will be sent home" enforces a rule; it is no news of a change.
  'announces-change': (s) => (hasFeature(s, 'change') || test(changeAhead, without(promisedInformation, s.text)) || (namesAStartDate(s.text) && !narratesThePast(s.text))) && !test(enforcement, s.text),
  /** Announces a change, or a new direction for everyone ("By 2027 we will be the region's first-choice lender"): either way readers ask what it means for them. */
  'changes-things-for-readers': (s) => hasFeature(s, 'announces-change') || hasFeature(s, 'vision'),
  /** Something takes effect: a change, a rule or an order ("nobody is to use the side entrance"). */
  'takes-effect': (s) => test(change, s.text) || test(changeAhead, s.text) || test(takesEffect, s.text) || directive.test(s.text) || request.test(s.text) || startsWithImperative(s.text),
  /** Someone joins, leaves or takes a role: news about a person, not a change sprung on the readers. */
  'role-change': (s) => test(roleChange, s.text),
  /** Tells what happened, with nothing about what comes next ("came in at 99.2%", "went live and started rejecting"). */
  'past-narrative': (s) => narratesThePast(s.text),
  /**
   * Only looks back: a story in the past, placed in the past ("last week", "since January"), with no
   * arrangement in it. "Last week she raised it at her review" dates a past meeting; "Next session
   * booked for Thursday 31 July" and "we agreed we look at it at his January review" arrange one ahead.
   */
  'looks-back': (s) => hasFeature(s, 'past-narrative') && !ARRANGED.test(s.text) && (test(pastTime, s.text) || /\bsince\b/i.test(s.text)),
  'group-vote': (s) => test(groupVote, s.text),
  /** Words that only sound like impact: "you will hear more", "there will be some changes", "as many of you will know". */
  'hollow-impact': (s) => test(hollowImpact, s.text),
  /** Restructures the organisation: teams merged, realigned or brought together, a new operating model, "it has been decided". */
  restructures: (s) => test(restructure, s.text),
  /** Tells readers plainly what changes or stays the same for them ("your shifts don't change", "what it means for you: …"). */
  'plain-impact': (s) => test(plainImpact, s.text),
  'people-impact': (s) => test(peopleImpact, without(hollowImpact, s.text)) || aGroupOfPeopleMoves(s.text) || newTimeAgainstOld.test(s.text),
  /** Speaks to the readers themselves ("you", "everyone", "all staff"), not about customers or the company. */
  'addresses-reader': (s) => addressesReader.test(s.text),
  /** A way to ask questions, unless it is closed ("Don't email me about it"). */
  'question-channel': (s) => (test(questionChannel, without(notQuestionChannel, s.text)) || contactDetail.test(s.text) || namesAContact(s.text)) && !closedChannel.test(s.text),
  directive: (s) => directive.test(s.text) || test(prohibition, s.text) || ruleAfterItsStart.test(s.text),
  /** Lays down a rule or gives an order, in a sentence or a list's shorthand ("Full PPE at all times", "Black shoes only", "- No jewellery"). */
  order: (s) => hasFeature(s, 'directive') || needsDoing.test(s.text) || hasFeature(s, 'imperative') || orderAfterLabel(s.text) || orderToAGroup(s.text) || ruleOfNobody(s.text) || (politeOrderInside(s.text) && !hasFeature(s, 'question-channel')) || ruleShorthand.test(s.text) || (s.block.kind === 'list-item' && /^\W*no\s+\p{L}/iu.test(s.text)),
  /** An order or what enforces one: "Anyone seen with a phone goes to disciplinary", "This is not up for debate". */
  command: (s) => hasFeature(s, 'order') || test(enforcement, s.text),
  /** Says what happens to anyone who does not comply, or shuts the door on exceptions: "will be sent home", "no exceptions". */
  enforced: (s) => test(enforcement, s.text) || test(reprimand, s.text),
  /** Opens with an order: "Use the approved template.", "Please stop …", "Do not book …". */
  imperative: (s) => {
    // "From the 11th, raise tickets at the new portal": an order after the day it starts.
    const text = afterLeadingTime(s.text);
    return startsWithImperative(text) && !departmentActs(text) && (/[.!]\s*["'”’)]*\s*$/.test(text) || s.tokens.length >= 6);
  },
  /** A task under a task's label: "Objective for H2: complete the trial bundles", "Action: send the rota". */
  'labelled-task': (s) => {
    const label = SHORT_LABEL.exec(s.text)?.[0];
    return label !== undefined && test(taskLabel, label) && startsWithImperative(s.text.slice(label.length));
  },
  /** "If you'd rather be in the other pod, message me by 22 Aug": an order for those it applies to. */
  'conditional-order': (s) => {
    const condition = conditionThenClause.exec(s.text);
    return condition !== null && startsWithImperative(s.text.slice(condition.index + condition[0].length));
  },
  request: (s) => request.test(withoutWorkDone(s.text)),
  /**
   * An ask put to someone: the readers ("you", "everyone", "please …"), a person or a group that acts
   * ("I'd like her to lead …", "all crew must …"). "Need to get on top of this" and "the part should be
   * here Monday" ask nobody.
   */
  'asks-someone': (s) => /\bplease\b/i.test(s.text) || hasFeature(s, 'addresses-reader') || personPronoun.test(s.text) || hasOwner(s.text) || groupActs(s.text.replace(/\b(?:must|should|need(?:s)? to|have to|has to)\s+/i, '')),
  /** A problem stated with evidence ("Last month 30% of tickets lacked repro steps"): a reason given before the rule. */
  evidence: (s) => (hasNumber(s.text) || test(pastTime, s.text)) && polarityOfSentence(s) === 'criticism',
  /** Two or more hedges soften the sentence ("maybe just a little late"). */
  hedged: (s) => findAll(hedges, s.text).length >= 2,
  /** What a sentence says is buried: criticism under two hedges, or anything under three ("might possibly … perhaps … maybe"). */
  buried: (s) => {
    const count = findAll(hedges, s.text).length;
    return count >= 3 || (count >= 2 && polarityOfSentence(s) === 'criticism');
  },
  /** Something is to be done: a commitment, a request or a directive. */
  action: (s) => test(commitment, s.text) || request.test(s.text) || directive.test(s.text) || hasOwner(s.text) || startsWithImperative(s.text),
  placeholder: (s) => placeholder.test(s.text),
  /** Hours and sacrifice rather than results ("worked all weekend"). */
  effort: (s) => test(effort, s.text),
  /** Looks ahead: a suggestion for next time ("going forward, try …"). */
  forward: (s) => {
    // "i dont see her to become supervisor in future" closes the road it names.
    if (deniesGrowth.test(s.text)) return false;
    const looking = without(notForward, withoutWorkDone(s.text));
    if (!test(forward, looking)) return false;
    // Most sentences have no marker at all; only one that has is asked whether it tells a story.
    const storyOfWorkDone = narratesThePast(s.text) && !hasFeature(s, 'order');
    return !storyOfWorkDone || test(forward, looking.replace(comparedWithBefore, ' '));
  },
  /** Offers help: mentoring, pairing, training, "I'll help". */
  support: (s) => test(support, s.text.replace(notSupport, ' ')) || offersHelp(s),
  /** An ask with no how in it: "needs to improve", "do better", "not acceptable", "or he's out". */
  'hollow-ask': (s) => test(hollowAsk, s.text),
  /** Talks about the future state or mission. */
  vision: (s) => test(vision, s.text),
  /** Bounds a trial: a time box, a success measure, a review date. */
  guardrail: (s) => test(guardrail, s.text) || hasTimeBox(s.text) || percent.test(s.text) || measurePlaceholder.test(s.text) || /\b(?:target|measure|metric|kpi|success means|success looks like)\b/i.test(s.text),
  experiment: (s) => test(experiment, s.text),
  /** Ties something to its effect ("which cut …", "so that …"). */
  impact: (s) => impact.test(s.text) || test(reason, s.text),
  'list-item': (s) => s.block.kind === 'list-item',
  /** An item on a line of its own, as notes list actions without bullets ("Marcus - call the engineer tmrw"), or under an action label ("Actions: Dariusz to clear …"). */
  'line-item': (s) => s.block.kind === 'list-item' || isOwnLine(s) || endsANoteLine(s) || LINE_LABEL.test(s.text),
  /** Something under way or to come, not a report of the past: an action, "we're testing …", "going to", a note's list item. */
  planned: (s) => hasFeature(s, 'action') || test(planned, s.text) || s.block.kind === 'list-item' || /^\W*(?:trial|trialling|trialing|pilot|piloting|test|testing|try|trying|experiment|experimenting)\b/i.test(s.text),
  /** Gives notice: "in four weeks", "two weeks' notice", "six weeks from today". */
  notice: (s) => /\b(?:in|with|giving)\s+(?:\d+|one|two|three|four|five|six|eight|a|a few)\s+(?:days?|weeks?|months?)\b|\bnotice\b|\b(?:weeks?|months?)\s+from\s+(?:today|now)\b/i.test(s.text),
  /** Names the source of a quotation on its own line ("— Agile Manifesto"): the sentence before it is a quote. */
  attribution: (s) => /(?:^|\n)[ \t]*[—―][ \t]*$/.test(s.block.text.slice(Math.max(0, s.start - s.block.start - 20), s.start - s.block.start)),
  /** Says how work is done ("needs to be done very carefully"): a standard, not a task left without an owner. */
  manner: (s) => test(manner, s.text),
  /** Points at a tracked item ("#1185", "OPS-42"): the follow-up lives there, with its owner and state. */
  tracked: (s) => /(?:^|\s)#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b/.test(s.text),
};


export function hasFeature(sentence: Sentence, name: string): boolean {
  // Kept on the sentence's stable key, so an unchanged sentence keeps its features across edits.
  const known = (sentence.key.features ??= new Map());
  let value = known.get(name);
  if (value === undefined) {
    const featureTest = FEATURES[name];
    if (!featureTest) throw new Error(`Unknown feature "${name}"`);
    value = featureTest(sentence);
    known.set(name, value);
  }
  return value;
}

export function isKnownFeature(name: string): boolean {
  // Own properties only: "constructor" or "__proto__" in a config are not features.
  return Object.hasOwn(FEATURES, name);
}

/** Three words or fewer: a title, greeting, sign-off or name ("Dear all", "The Management"), not part of what a text says. */
export function isShortLine(sentence: Sentence): boolean {
  return sentence.tokens.length <= 3;
}

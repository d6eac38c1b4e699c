import type { Block, ParsedDocument, Sentence, Token } from '../document/parse.js';
import { hasFeature } from '../features.js';
import { isClosedClassWord, isLikelyName, isOrderVerb } from '../wordClasses.js';
import type { UnitDetector, UnitKind } from '../types.js';
import type { DocumentDetection, Hit } from './hit.js';
import lexicon from '../../../rules/lexicon.json' with { type: 'json' };

/** "Goal: Decide on a cadence" in an agenda is what a meeting is for, not a goal someone is measured on. */
const MEETING_PURPOSE = new RegExp(`^(?:${lexicon.meetingPurposeVerbs.map((v) => v.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i');

/**
 * "Ana to send the draft", "@lin to chase invoices", "Ops and Kofi to fix the badge readers": a line
 * that opens with someone and "to" + a verb is an action item wherever it stands, as notes are
 * written. The opener must be a handle or a name-like word, so "Great to see you" is not one.
 */
const OWNER_TO_VERB = /^\W*(@[\w.-]+|\p{Lu}[\p{L}'’-]+)(?:\s+(?:and|&)\s+(?:@[\w.-]+|\p{Lu}[\p{L}'’-]+))?\s+to\s+(\p{Ll}+)([^:]*)$/u;
/** A finite verb later in the line makes "X to do Y" the subject of a sentence ("Scripts to help … are blocked"). */
const FINITE_LATER = /\b(?:is|are|was|were|has|have|had)\b/;

function isOwnerToVerb(text: string): boolean {
  const m = text.match(OWNER_TO_VERB);
  if (!m || !isOrderVerb(m[2]) || FINITE_LATER.test(m[3])) return false;
  const owner = m[1];
  return owner.startsWith('@') || (isLikelyName(owner) && !isClosedClassWord(owner));
}

function isLeadIn(kind: UnitKind, text: string): boolean {
  if (kind === 'action-item' && isOwnerToVerb(text)) return true;
  const lead = text.match(LEAD_IN[kind]);
  if (!lead) return false;
  return kind !== 'goal' || !MEETING_PURPOSE.test(text.slice(lead.index! + lead[0].length).replace(/^[\s*_:]+/, ''));
}

/**
 * isLeadIn memoised on the sentence's key: it reads only the sentence's text, and every unit rule
 * asked it of every sentence of the document on each keystroke.
 */
function isLeadInSentence(kind: UnitKind, sentence: Sentence): boolean {
  const memo = (sentence.key.leadIn ??= {});
  return (memo[kind] ??= isLeadIn(kind, sentence.text));
}

/**
 * Units are the pieces of a document a requirement applies to as a whole:
 * each item under "Next steps" / "Action items", each goal under "Goals".
 */
const SECTION_TITLES: Record<UnitKind, RegExp> = {
  // "To-do", "todos", "to do list" — not "What to do with the old bucket", a topic.
  'action-item': /\b(?:next steps?|action items?|actions|follow[- ]?ups?|to-dos?|todos?|to do list|takeaways|what happens next|commitments|agreed actions?|owners)\b/i,
  goal: /\b(?:goals?|objectives?|okrs?|targets?|focus areas?|priorities for|expectations for)\b/i,
};

/** A sentence that announces itself as a unit wherever it stands: "Action: …", "Goal: …". */
const LEAD_IN: Record<UnitKind, RegExp> = {
  // "Action items from today: …", "TODO check …".
  'action-item': /^\s*(?:(?:action(?: items?| points?)?(?:\s+[\p{L}]+){0,3}|todo|to-do|to do|ai|ap|homework|next step)\s*[:\-–]|(?:todo|to-do)\s+(?=\p{Ll}))/iu,
  // "Goal:", "Q3 goal:", "Dev goal -", "KPI:", "Priority for H2:", "Focus area:", "Our aim this year is to …".
  goal: /^\W*(?:[\p{L}\d]+\s+){0,2}(?:goal|objective|target|okr|aim|kpi|priority|priorities|focus area|focus)s?\b[^.:!?]{0,40}?(?:\s[-–]\s|:|\b(?:is|are|will be)\s+(?:simply\s+)?to\b)/iu,
};

/** The end of a list marker for an unticked task: "- [ ] ". */
const OPEN_CHECKBOX = /\[ \]\s*$/;

/**
 * A memo key per unit: the block's key (it changes when the block's text does) and the sentence the
 * unit starts at, so a whole list item and an "ACTION: … Owner: … Due: …" span each have their own.
 */
const unitKeys = new WeakMap<object, Map<number, object>>();
function unitKey(block: Block, from: number): object {
  let keys = unitKeys.get(block.key);
  if (!keys) unitKeys.set(block.key, (keys = new Map()));
  let key = keys.get(from);
  if (!key) keys.set(from, (key = {}));
  return key;
}

/**
 * Sentences [from, to) of a block as one pseudo-sentence, so features see all of a multi-sentence
 * list item or an action item with its fields ("ACTION: Grace to send the list. Owner: Grace Obi.").
 * Its tokens are gathered on first read: features are memoised on the key, so an unchanged unit's
 * tokens are not read again, and gathering them would place every sentence's tokens.
 */
function sentencesAsUnit(block: Block, from: number, to: number, doc: ParsedDocument): Sentence {
  const sentences = block.sentences.slice(from, to);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  let tokens: Token[] | undefined;
  return {
    block,
    index: first.index,
    start: first.start,
    end: last.end,
    wordsEnd: last.wordsEnd,
    text: doc.prose.slice(first.start, last.end),
    get tokens() {
      return (tokens ??= sentences.flatMap((s) => s.tokens));
    },
    key: unitKey(block, from),
  };
}

/** "Owner: Grace Obi", "Due: 19 April": a field of the action item before it, not a sentence of its own. */
const ITEM_FIELD = /^\W*(?:owners?|who|lead|due|due date|deadline|by when|when|target date|date)\s*:/i;

/** Each document's units of each kind: action items are read by two rules (no owner, no deadline), so found once. */
const unitsByDocument = new WeakMap<ParsedDocument, Partial<Record<UnitKind, Sentence[]>>>();

export function unitsOf(doc: ParsedDocument, kind: UnitKind): Sentence[] {
  let byKind = unitsByDocument.get(doc);
  if (!byKind) unitsByDocument.set(doc, (byKind = {}));
  return (byKind[kind] ??= findUnits(doc, kind));
}

function findUnits(doc: ParsedDocument, kind: UnitKind): Sentence[] {
  const units: Sentence[] = [];
  for (const block of doc.blocks) {
    if (block.sentences.length === 0 || block.kind === 'heading' || block.kind === 'label') continue;
    const title = doc.sections[block.section]?.title ?? '';
    // "- [ ] update the runbook": an open checkbox is a task wherever the list stands.
    const openTask = kind === 'action-item' && block.kind === 'list-item' && OPEN_CHECKBOX.test(doc.source.slice(Math.max(0, block.start - 8), block.start));
    if (block.kind === 'list-item' && (openTask || SECTION_TITLES[kind].test(title))) {
      units.push(sentencesAsUnit(block, 0, block.sentences.length, doc));
      continue;
    }
    const sentences = block.sentences;
    for (let k = 0; k < sentences.length; k++) {
      if (!isLeadInSentence(kind, sentences[k])) continue;
      // The rest of a list item, or the fields written after it ("Owner: …. Due: …."), belong to the item.
      let end = k + 1;
      while (end < sentences.length && !isLeadInSentence(kind, sentences[end]) && (block.kind === 'list-item' || ITEM_FIELD.test(sentences[end].text))) end++;
      units.push(end === k + 1 ? sentences[k] : sentencesAsUnit(block, k, end, doc));
      k = end - 1;
    }
  }
  return units;
}

const MISSING_LABEL: Record<string, string> = {
  owner: 'an owner',
  deadline: 'a date',
  number: 'a measure',
  measure: 'a measure',
  measurable: 'a measure',
  reason: 'a reason',
};

export function unitDetection(spec: UnitDetector): DocumentDetection {
  return {
    hits(doc: ParsedDocument): Hit[] {
      const hits: Hit[] = [];
      for (const unit of unitsOf(doc, spec.unit)) {
        const missing = spec.requires.find((feature) => !hasFeature(unit, feature));
        if (!missing) continue;
        hits.push({
          start: unit.start,
          end: unit.wordsEnd,
          sentence: unit,
          values: { match: doc.source.slice(unit.start, unit.wordsEnd), missing: MISSING_LABEL[missing] ?? missing },
        });
      }
      return hits;
    },
  };
}

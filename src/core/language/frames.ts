import { wordsOf, type Word } from './words.js';

/**
 * Frames: short word patterns kept in the lexicons ("has a short fuse", "reached {pos} ceiling").
 * Syntax: words separated by spaces; "a|b" alternatives; "x?" optional; "*" any one word;
 * {pos} his/her/their/your/my or a name with 's, {obj} him/her/them/you/me, {pro} he/she/they/you/i,
 * {self} himself/herself/themselves/yourself, {peer} another person (see `peer`).
 * Contractions in a frame are split like text, so "can't" in a frame matches "cannot".
 */

/** `owner`: a {pos} slot, which a name with "'s" fills too ("Olu's accent" as "his accent"). */
type Slot = { any: true; optional: boolean } | { any: false; words: Set<string>; optional: boolean; peer?: boolean; owner?: boolean };

export interface Frame {
  text: string;
  slots: Slot[];
}

const CLASSES: Record<string, string[]> = {
  '{pos}': ['his', 'her', 'their', 'your', 'my', 'ur'],
  '{obj}': ['him', 'her', 'them', 'you', 'me'],
  '{pro}': ['he', 'she', 'they', 'you', 'i'],
  '{self}': ['himself', 'herself', 'themselves', 'themself', 'yourself', 'myself'],
};

/** A frame's verb matches every person and tense: "has a bad attitude" also reads "you have a bad attitude". */
const VERB_FORMS: Record<string, string[]> = {
  has: ['has', 'have', 'had'],
  is: ['is', 'are', 'was', 'were', "'s", 'am', 'be', 'been'],
  does: ['does', 'do', 'did'],
  lacks: ['lacks', 'lack', 'lacked'],
  thinks: ['thinks', 'think', 'thought'],
  cares: ['cares', 'care', 'cared'],
  loses: ['loses', 'lose', 'lost'],
  gets: ['gets', 'get', 'got'],
  comes: ['comes', 'come', 'came'],
  seems: ['seems', 'seem', 'seemed'],
  makes: ['makes', 'make', 'made'],
  puts: ['puts', 'put'],
  refuses: ['refuses', 'refuse', 'refused'],
  wants: ['wants', 'want', 'wanted'],
};

export function compileFrame(text: string): Frame {
  const slots: Slot[] = [];
  for (const chunk of text.trim().split(/\s+/)) {
    const optional = chunk.endsWith('?') && chunk.length > 1;
    const body = optional ? chunk.slice(0, -1) : chunk;
    if (body === '*') slots.push({ any: true, optional });
    else if (body === '{peer}') slots.push({ any: false, words: new Set(), optional, peer: true });
    else if (CLASSES[body]) slots.push({ any: false, words: new Set(CLASSES[body]), optional, owner: body === '{pos}' });
    else if (body.includes('|')) slots.push({ any: false, words: new Set(body.split('|').map((b) => wordsOf(b)[0]?.w ?? b)), optional });
    else for (const word of wordsOf(body)) slots.push({ any: false, words: new Set(VERB_FORMS[word.w] ?? [word.w]), optional });
  }
  return { text, slots };
}

/** How a {peer} slot is matched: a function from (words, index) to the end of the peer, or -1. */
export type PeerMatcher = (words: Word[], at: number) => number;

/** The end (exclusive word index) of the frame matched at `at`, or -1. Optional slots are tried both ways. */
export function matchFrame(frame: Frame, words: Word[], at: number, end: number, peer?: PeerMatcher): number {
  return matchFrom(frame.slots, 0, words, at, end, peer);
}

/** Plain recursion over slots, no closures: this runs for every frame at every word. */
function matchFrom(slots: Slot[], slot: number, words: Word[], i: number, end: number, peer: PeerMatcher | undefined): number {
  if (slot === slots.length) return i;
  const s = slots[slot];
  if (i < end && !words[i].punct) {
    let next = -1;
    if (s.any) next = i + 1;
    else if (s.peer) next = peer ? peer(words, i) : -1;
    else if (s.words.has(words[i].w)) next = i + 1;
    else if (s.owner && isOwnerName(words, i)) next = i + 2;
    if (next > i) {
      const done = matchFrom(slots, slot + 1, words, next, end, peer);
      if (done >= 0) return done;
    }
  }
  return s.optional ? matchFrom(slots, slot + 1, words, i, end, peer) : -1;
}

/** "Olu's", "Mei Ling's": a capitalised word and a possessive 's. */
function isOwnerName(words: Word[], i: number): boolean {
  return words[i].capitalised && words[i + 1]?.w === "'s";
}

/** A set of frames indexed by their first word, so each position tries only the frames that can start there. */
export class FrameSet {
  private byFirst = new Map<string, Frame[]>();
  private open: Frame[] = [];
  /** Frames that open with {pos}, tried where a name with 's stands. */
  private owned: Frame[] = [];

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const frame = compileFrame(text);
      const first = frame.slots[0];
      if (!first || first.any || first.optional || first.peer) this.open.push(frame);
      else for (const w of first.words) this.byFirst.set(w, [...(this.byFirst.get(w) ?? []), frame]);
      if (first && !first.any && first.owner && !first.optional) this.owned.push(frame);
    }
  }

  /** The longest frame matched at `at`: its end and text, or null. */
  longestAt(words: Word[], at: number, end: number, peer?: PeerMatcher): { end: number; frame: Frame } | null {
    if (at >= end || words[at].punct) return null;
    // No arrays or closures made here: this runs at every word of every sentence.
    let bestEnd = -1;
    let bestFrame: Frame | null = null;
    const indexed = isOwnerName(words, at) ? this.owned : this.byFirst.get(words[at].w);
    if (indexed) {
      for (const frame of indexed) {
        const stop = matchFrame(frame, words, at, end, peer);
        if (stop > at && stop > bestEnd) {
          bestEnd = stop;
          bestFrame = frame;
        }
      }
    }
    for (const frame of this.open) {
      const stop = matchFrame(frame, words, at, end, peer);
      if (stop > at && stop > bestEnd) {
        bestEnd = stop;
        bestFrame = frame;
      }
    }
    return bestFrame ? { end: bestEnd, frame: bestFrame } : null;
  }

  /** The first frame found anywhere in [from, end). */
  firstIn(words: Word[], from: number, end: number, peer?: PeerMatcher): { start: number; end: number; frame: Frame } | null {
    for (let i = from; i < end; i++) {
      const hit = this.longestAt(words, i, end, peer);
      if (hit) return { start: i, ...hit };
    }
    return null;
  }
}

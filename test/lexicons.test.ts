import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/**
 * The phrase lists in rules/lexicon.json are read slot by slot: "if you are|have|work" is three
 * slots, and "|" separates the words one slot may take. A multi-word alternative written inside
 * one entry ("if you're|you are|you have") silently becomes a different phrase that never matches
 * ("if you're are have …"). The sign of that slip is one word in two slots of the same entry where
 * one of them has alternatives; such an entry must be split into one entry per shape. The other sign
 * is a contracted subject beside an auxiliary: "check how it's|you're|things are going" reads as
 * "check how it's are going", so "check how it's going" never matches.
 */
const lexicon = JSON.parse(readFileSync(new URL('../../rules/lexicon.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function wordsInTwoSlots(phrase: string): string[] {
  const slots = phrase.trim().split(/\s+/);
  const repeated = new Set<string>();
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      if (!slots[i].includes('|') && !slots[j].includes('|')) continue;
      const later = new Set(slots[j].split('|'));
      for (const word of slots[i].split('|')) if (word !== '*' && later.has(word)) repeated.add(word);
    }
  }
  return [...repeated];
}

const CONTRACTED_SUBJECT = /^\p{L}+['’](?:re|s|ll|ve|m|d)$/u;
const AUXILIARY = new Set(['am', 'is', 'are', 'was', 'were', 'will', 'would', 'have', 'has', 'be']);

/** "we're|we are approaching": the slot after "we're" holds "are", which only "we" can take. */
function contractionBeforeAuxiliary(phrase: string): boolean {
  const slots = phrase.trim().split(/\s+/).map((slot) => slot.split('|'));
  return slots.some((words, i) => words.length > 1 && words.some((w) => CONTRACTED_SUBJECT.test(w)) && (slots[i + 1] ?? []).some((w) => AUXILIARY.has(w)));
}

/**
 * A hyphen may be typed as a space, so a one-word entry made of two small words ("to-do", "go-to")
 * matches the everyday phrase too ("what they had to do", "go to the supplier"). Such an entry needs
 * a word beside it: "to-do list", "our go-to".
 */
const SMALL_WORDS = new Set(['to', 'do', 'go', 'in', 'on', 'up', 'out', 'off', 'by', 'of', 'at', 'it', 'so', 'be', 'get', 'set', 'put']);
function bareHyphenedSmallWords(phrase: string): boolean {
  const slots = phrase.trim().split(/\s+/);
  return slots.length === 1 && slots[0].split('|').some((word) => /^[a-z]+-[a-z]+$/.test(word) && word.split('-').every((part) => SMALL_WORDS.has(part)));
}

function slipsIn(phrase: string): boolean {
  return wordsInTwoSlots(phrase).length > 0 || contractionBeforeAuxiliary(phrase) || bareHyphenedSmallWords(phrase);
}

describe('lexicon phrase lists', () => {
  it('spot a multi-word alternative written inside one entry', () => {
    assert.deepEqual(wordsInTwoSlots("if you're|you are|you have"), ['you']);
    assert.deepEqual(wordsInTwoSlots('if you are|have|work'), []);
    assert.deepEqual(wordsInTwoSlots('go through|over * with him|her|them'), []);
    assert.equal(contractionBeforeAuxiliary("check how it's|you're|things are going"), true);
    assert.equal(contractionBeforeAuxiliary("check how it's|you're going"), false);
    assert.equal(contractionBeforeAuxiliary("team's|team’s job|responsibility"), false);
    assert.equal(bareHyphenedSmallWords('to-do'), true);
    assert.equal(bareHyphenedSmallWords('to-do list'), false);
    assert.equal(bareHyphenedSmallWords('check-in'), false);
  });

  for (const [key, value] of Object.entries(lexicon)) {
    if (!Array.isArray(value)) continue;
    it(`${key}: no entry holds a multi-word alternative`, () => {
      const slips = value.filter((phrase): phrase is string => typeof phrase === 'string' && slipsIn(phrase));
      assert.deepEqual(slips, [], 'split each into one entry per shape: "a b|c d" is two slots, not "a b" or "c d"');
    });
  }
});

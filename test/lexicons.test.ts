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

function slipsIn(phrase: string): boolean {
  return wordsInTwoSlots(phrase).length > 0 || contractionBeforeAuxiliary(phrase);
}

describe('lexicon phrase lists', () => {
  it('spot a multi-word alternative written inside one entry', () => {
    assert.deepEqual(wordsInTwoSlots("if you're|you are|you have"), ['you']);
    assert.deepEqual(wordsInTwoSlots('if you are|have|work'), []);
    assert.deepEqual(wordsInTwoSlots('go through|over * with him|her|them'), []);
    assert.equal(contractionBeforeAuxiliary("check how it's|you're|things are going"), true);
    assert.equal(contractionBeforeAuxiliary("check how it's|you're going"), false);
    assert.equal(contractionBeforeAuxiliary("team's|team’s job|responsibility"), false);
  });

  for (const [key, value] of Object.entries(lexicon)) {
    if (!Array.isArray(value)) continue;
    it(`${key}: no entry holds a multi-word alternative`, () => {
      const slips = value.filter((phrase): phrase is string => typeof phrase === 'string' && slipsIn(phrase));
      assert.deepEqual(slips, [], 'split each into one entry per shape: "a b|c d" is two slots, not "a b" or "c d"');
    });
  }
});

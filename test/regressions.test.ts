import assert from 'node:assert/strict';
import { lint } from '../src/core/index.js';

/** Inputs that once broke Fulcrum, kept so they never break it again. */
describe('regressions', () => {
  it('tags sentences that open with a weekday and a date (compromise needs its index step)', () => {
    const text = 'On Tuesday 10 March, Dana was difficult in the meeting. From Monday 3 June, he is lazy.';
    const rules = lint(text, { profile: 'review' }).findings.map((f) => f.ruleId);
    assert.deepEqual(rules.filter((r) => r === 'feedback/personality-judgement').length, 2);
  });

  it('survives every date shape at the start of a sentence a pattern rule tags', () => {
    for (const opener of ['On Tuesday 10 March,', 'From Monday 3 June,', 'By Fri 14 Mar,', 'On 2026-03-10,', 'Since 3/4,', 'Until Q3,']) {
      assert.doesNotThrow(() => lint(`${opener} the runbook needs to be updated by someone. ${opener} she is defensive.`, { profile: 'one-on-one' }), opener);
    }
  });
});

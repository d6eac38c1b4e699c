import assert from 'node:assert/strict';
import { builtinRules, Linter, type Profile } from '../src/core/index.js';
import { isKnownFeature } from '../src/core/features.js';
import { creditFeatures, SCORE_BASE } from '../src/core/credits.js';
import { formatScoreCsv } from '../src/report/summary.js';

const linter = new Linter(builtinRules);
const score = (text: string, profile: Profile) => linter.lint(text, { profile }).score;

/** The score credits what good writing contains as well as deducting for findings. */
describe('score', () => {
  it('names only features that exist in its credits (rules/score.json)', () => {
    for (const feature of creditFeatures()) assert.ok(isKnownFeature(feature), feature);
  });

  it('gives a short review of verdicts no more than 60', () => {
    for (const text of ['Sam is lazy. He has a bad attitude.', 'Great job this year!', 'Priya is arrogant and not a team player.']) {
      assert.ok(score(text, 'review').overall <= 60, `${text}: ${score(text, 'review').overall}`);
    }
  });

  it('never scores saying less above saying it well', () => {
    const strong =
      'In March Ana cut the checkout error rate from 4% to 0.5% by adding retries to the payment client. ' +
      'Next quarter, try writing the design note before the code so reviewers can weigh in early; I can pair with you on the first one. ' +
      'Ana will share the note for the refunds work by 15 May, and we will review progress at our 1:1 on 20 May.';
    const less = 'Ana had a good quarter.';
    assert.ok(score(strong, 'review').overall > score(less, 'review').overall + 20, `${score(strong, 'review').overall} vs ${score(less, 'review').overall}`);
  });

  it('adds each credit it gives to the base, and lists it with its reason', () => {
    const result = score('From 1 June the office opens at 8:00 because the early shift asked for it. Ask questions in #facilities.', 'announcement');
    assert.equal(result.base, SCORE_BASE);
    const earned = result.credits.filter((c) => c.points > 0).map((c) => c.id);
    assert.ok(earned.includes('why') && earned.includes('when') && earned.includes('questions'), earned.join(', '));
    for (const credit of result.credits) assert.ok(credit.points <= credit.max && credit.label.length > 0);
    const lost = result.deductions.reduce((sum, d) => sum + d.points, 0);
    const won = result.credits.reduce((sum, c) => sum + c.points, 0);
    assert.equal(result.overall, Math.max(0, Math.min(100, Math.round(result.base + won - lost))));
  });
});

describe('score CSV', () => {
  it('defuses formulas in text cells but leaves numbers, negative ones too, as numbers', () => {
    const result = new Linter(builtinRules).lint('Marco will share the plan soon.');
    const negative = { ...result, score: { ...result.score, balance: { ...result.score.balance, index: -0.5 } } };
    const [, row] = formatScoreCsv([{ path: '-rf.md', result: negative }]).split('\n');
    const cells = row.split(',');
    assert.equal(cells[0], "'-rf.md", 'a path that opens like a formula is text');
    assert.ok(cells.includes('-0.5'), `the balance index stays a number: ${row}`);
  });
});

describe('profile detection', () => {
  it('marks a guess, and keeps checks only some kinds need silent while unsure', () => {
    const result = linter.lint('Marco will share the plan soon.');
    assert.equal(result.profileSource, 'unsure');
    const kindSpecific = result.findings.filter((f) => f.scope === 'document' && builtinRules.find((r) => r.id === f.ruleId)!.profiles.length < 3);
    assert.deepEqual(kindSpecific, []);
  });

  it('reads meeting notes, reviews and announcements from their wording', () => {
    const notes = 'Attendees: Ana, Ravi, Li\n\n## Agenda\n\n- Budget\n\nDiscussed the Q3 budget. Agreed to move the offsite.\n\n## Action items\n\n- Ravi to book the venue by Friday\n';
    const review = '## Strengths\n\nOver the past year Ana cut release time from two days to four hours. She is a strong mentor and two new hires ship on their own now.\n\n## Areas for growth\n\nShe should delegate more of the on-call load.';
    const announcement = 'Hi all,\n\nFrom 1 June the office opens at 8:00 because the early shift asked for it. What this means for you: badges work from 7:45. Questions? Ask in #facilities.';
    assert.equal(linter.lint(notes).profile, 'one-on-one');
    assert.equal(linter.lint(review).profile, 'review');
    assert.equal(linter.lint(announcement).profile, 'announcement');
  });
});

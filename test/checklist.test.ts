import assert from 'node:assert/strict';
import { Faker, base, en, de, fr, es, pt_BR, it as italian, pl, tr, vi, nl, sv, fi, id_ID, yo_NG, en_NG, en_IN, af_ZA, zu_ZA, hr, ro, cs_CZ, da, nb_NO, en_AU_ocker } from '@faker-js/faker';
import { builtinRules, Linter, type Profile } from '../src/core/index.js';

/**
 * Behavioural tests in the CheckList style (Ribeiro et al., ACL 2020):
 * invariance — names of many origins, pronouns, tense, hard wrapping and a neutral opener must
 * not change which rules fire; directional — adding the example, the date, the owner or the
 * reason must make the matching finding go. Names come from @faker-js/faker's per-locale lists
 * (Latin-script locales: the layer reads capitalisation), never from a list in the engine.
 */

const linter = new Linter(builtinRules);
const rulesIn = (text: string, profile: Profile = 'review') =>
  [...new Set(linter.lint(text, { profile }).findings.filter((f) => f.scope === 'inline').map((f) => f.ruleId))].sort();
const documentGapsIn = (text: string, profile: Profile) =>
  linter.lint(text, { profile }).findings.filter((f) => f.scope === 'document').map((f) => f.ruleId);

const LOCALES = [en, de, fr, es, pt_BR, italian, pl, tr, vi, nl, sv, fi, id_ID, yo_NG, en_NG, en_IN, af_ZA, zu_ZA, hr, ro, cs_CZ, da, nb_NO, en_AU_ocker];

/** 300+ distinct first names, seeded so every run tests the same ones, plus names that are also English words. */
function names(): string[] {
  const found = new Set<string>(['Miles', 'Sage', 'Hope', 'Will', 'Grace', 'Joy', 'Mark', 'Faith', 'Hunter', 'Summer', 'Bill', 'Frank', 'Art', 'Priya', 'Ngozi', 'Tomás', 'Nguyễn', 'Oluwaseun', 'Siobhán', 'Zoë']);
  for (const locale of LOCALES) {
    const faker = new Faker({ locale: [locale, en, base] });
    faker.seed(2026);
    for (let i = 0; i < 16; i++) {
      const name = faker.person.firstName();
      if (/^\p{Lu}[\p{L}'’-]+$/u.test(name)) found.add(name);
    }
  }
  return [...found];
}

const NAMES = names();

interface Template {
  text: string;
  rules: string[];
  profile?: Profile;
}

/** Minimum-functionality templates per rule; {name} is the person, {pos} their possessive. */
const TEMPLATES: Template[] = [
  { text: '{name} is lazy.', rules: ['feedback/personality-judgement'] },
  { text: '{name} has a short fuse with the drivers.', rules: ['feedback/personality-judgement'] },
  { text: '{name} is late a lot and comes across as negative.', rules: ['feedback/personality-judgement'] },
  { text: '{name} is a real asset to the team.', rules: ['feedback/label-praise'] },
  { text: "{name} doesn't care about the team.", rules: ['feedback/motive-attribution'] },
  { text: '{name} has reached {pos} ceiling here.', rules: ['development/fixed-mindset'] },
  { text: '{name} is weaker than the rest of the team.', rules: ['feedback/comparison-to-peers'] },
  { text: '{name} can come across as abrasive with the support team.', rules: ['feedback/bias-prone-descriptor'] },
  { text: "{name}'s work is below standard.", rules: ['feedback/unsupported-criticism'] },
  { text: '{name} closed 41 tickets in March, which cut the backlog by a third.', rules: [] },
  { text: '{name} always owns {pos} mistakes and fixes them the same day.', rules: [] },
  { text: '{name} handled a difficult customer call on Monday and kept the account.', rules: [] },
];

const fill = (text: string, name: string, pos = 'her') => text.replace(/\{name\}/g, name).replace(/\{pos\}/g, pos);

describe('CheckList: invariance and direction', function () {
  this.timeout(120000);

  it(`uses at least 300 names of many origins (${NAMES.length})`, () => {
    assert.ok(NAMES.length >= 300, `${NAMES.length} names`);
  });

  for (const template of TEMPLATES) {
    it(`"${template.text}" finds ${template.rules.join(', ') || 'nothing'} whatever the name`, () => {
      const wrong = NAMES.filter((name) => rulesIn(fill(template.text, name), template.profile).join() !== [...template.rules].sort().join());
      assert.deepEqual(wrong.map((name) => `${fill(template.text, name)} → ${rulesIn(fill(template.text, name)).join(', ') || 'nothing'}`), []);
    });
  }

  const PRONOUNS: Array<[string, string, string]> = [
    ['He', 'his', 'is'],
    ['She', 'her', 'is'],
    ['They', 'their', 'are'],
    ['You', 'your', 'are'],
  ];
  for (const template of TEMPLATES.filter((t) => t.text.startsWith('{name} is ') || t.text.startsWith('{name} has '))) {
    it(`pronouns, tense, wrapping and an opener do not change "${template.text}"`, () => {
      const expected = [...template.rules].sort().join();
      for (const [pronoun, pos, be] of PRONOUNS) {
        const has = be === 'are' ? 'have' : 'has';
        const text = fill(template.text, pronoun, pos).replace(new RegExp(`^${pronoun} is `), `${pronoun} ${be} `).replace(new RegExp(`^${pronoun} has `), `${pronoun} ${has} `);
        const past = text.replace(/^(\w+) (is|are) /, (_, p, b) => `${p} ${b === 'is' ? 'was' : 'were'} `);
        const words = text.split(' ');
        const wrapped = `${words.slice(0, 2).join(' ')}\n${words.slice(2).join(' ')}`;
        const opened = `To be honest, ${text[0].toLowerCase() === 'y' || pronoun !== 'You' ? text[0].toLowerCase() + text.slice(1) : text}`;
        for (const variant of [text, past, wrapped, opened]) assert.equal(rulesIn(variant).join(), expected, variant);
      }
    });
  }

  describe('directional: adding what was missing makes the finding go', () => {
    const cases: Array<{ rule: string; before: string; after: string; profile: Profile }> = [
      { rule: 'feedback/label-praise', before: '{name} is a real asset to the team.', after: '{name} is a real asset to the team: she rebuilt the returns process and cut refunds from 9 days to 3.', profile: 'review' },
      { rule: 'feedback/label-praise', before: '{name} is a solid contributor.', after: '{name} is a solid contributor. She closed 41 tickets in Q3, the most on the desk.', profile: 'review' },
      { rule: 'feedback/unsupported-criticism', before: "{name}'s work is below standard.", after: "{name}'s work is below standard: 4 of the last 10 invoices had the wrong VAT rate.", profile: 'review' },
      { rule: 'feedback/comparison-to-peers', before: '{name} is weaker than the rest of the team.', after: '{name} closed 12 tickets against a target of 20, fewer than the rest of the team.', profile: 'review' },
      { rule: 'expectations/action-no-deadline', before: 'Next steps:\n- {name} to send the draft.', after: 'Next steps:\n- {name} to send the draft by Friday 14 March.', profile: 'one-on-one' },
      { rule: 'expectations/action-no-owner', before: 'Next steps:\n- Send the draft by Friday 14 March.', after: 'Next steps:\n- {name} to send the draft by Friday 14 March.', profile: 'one-on-one' },
      // An owner after an upper-case label, and a date written as the item's own field.
      { rule: 'expectations/action-no-owner', before: '- ACTION: send the list to Siobhan by 19 April.', after: '- ACTION: {name} to send the list to Siobhan by 19 April.', profile: 'one-on-one' },
      { rule: 'expectations/action-no-deadline', before: '- Action: {name} to add the template to the checklist.', after: '- Action: {name} to add the template to the checklist. Due: 26 April.', profile: 'one-on-one' },
      { rule: 'vision/directive-no-why', before: 'All tickets must use the new template.', after: 'All tickets must use the new template so that on-call can triage them in one place.', profile: 'announcement' },
    ];
    for (const c of cases) {
      it(`${c.rule}: "${c.before.replace(/\n/g, ' ')}"`, () => {
        const wrong: string[] = [];
        for (const name of NAMES) {
          const before = rulesIn(fill(c.before, name), c.profile);
          const after = rulesIn(fill(c.after, name), c.profile);
          if (!before.includes(c.rule) || after.includes(c.rule)) wrong.push(`${name}: before [${before}] after [${after}]`);
        }
        assert.deepEqual(wrong, []);
      });
    }
  });

  describe('directional: a dated check-in in any of its shapes makes "no check-in" go', () => {
    const notes = '1:1 notes, {name}\n\n- Talked about the release and the on-call load.\n- {name} to send the plan by Friday 14 March.';
    const checkins = [
      'Next 1:1 in two weeks.',
      'next catchup 2 wks',
      'Next DRB 18/06',
      'Reconvene in 6 wks',
      'We go through it again in June.',
      "I'll check how it's going in a fortnight.",
      "Let's come back to this on 3 March.",
    ];
    for (const checkin of checkins) {
      it(checkin, () => {
        const name = 'Aoife';
        assert.ok(documentGapsIn(fill(notes, name), 'one-on-one').includes('follow-up/no-check-in'), 'the notes without it are told they lack a check-in');
        assert.ok(!documentGapsIn(fill(`${notes}\n- ${checkin}`, name), 'one-on-one').includes('follow-up/no-check-in'));
      });
    }
  });
});

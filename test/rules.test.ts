import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { applyFixes, builtinRules, Linter, validateRuleSpec, type RuleSpec } from '../src/core/index.js';
import { normaliseForQuote, readJson, RULES_DIR, ruleFiles, SEEDS_DIR, seedsAvailable } from './helpers.js';

/** Each rule alone (with the checks that imply it), so an example tests its own rule and nothing else. */
function lintWith(rule: RuleSpec, text: string, profile = rule.profiles[0]) {
  const implying = builtinRules.filter((r) => rule.impliedBy?.rules.includes(r.id));
  return new Linter([rule, ...implying]).lint(text, { profile }).findings.filter((f) => f.ruleId === rule.id);
}

const files = ruleFiles();

describe('rule files', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(readJson(join(RULES_DIR, 'rule.schema.json')));

  it('are all bundled as built-in rules', () => {
    assert.deepEqual(builtinRules.map((r) => r.id).sort(), files.map((f) => readJson<RuleSpec>(f).id).sort());
  });

  it('number at least 20, with unique ids', () => {
    assert.ok(files.length >= 20, `only ${files.length} rules`);
    assert.equal(new Set(builtinRules.map((r) => r.id)).size, builtinRules.length);
  });

  it('are implied only by other existing document checks, and the implied finding really comes', () => {
    const ids = new Set(builtinRules.map((r) => r.id));
    for (const rule of builtinRules) for (const other of rule.impliedBy?.rules ?? []) assert.ok(ids.has(other) && other !== rule.id, `${rule.id} is implied by unknown rule ${other}`);
    const linter = new Linter(builtinRules);
    const ruleIds = (text: string) => linter.lint(text, { profile: 'announcement' }).findings.map((f) => f.ruleId);
    // A vision with no path: its "that means bold bets" tells nobody what changes for them.
    const vision = 'Hi everyone,\n\nBy 2030 we will be the most trusted bakery brand in the North. That means bold bets, radical ownership and moving faster than anyone thinks is possible. Exciting times ahead!';
    assert.ok(ruleIds(vision).includes('vision/vision-without-path') && ruleIds(vision).includes('change/no-people-impact'), ruleIds(vision).join(', '));
    // Saying plainly what stays the same answers it.
    const plain = vision.replace('Exciting times ahead!', 'Your shifts and hours stay the same for now. Exciting times ahead!');
    assert.ok(ruleIds(plain).includes('vision/vision-without-path') && !ruleIds(plain).includes('change/no-people-impact'), ruleIds(plain).join(', '));
  });

  it('yield only to other existing rules, never in a circle, and the finding really goes', () => {
    const yieldsTo = new Map(builtinRules.map((r) => [r.id, r.yieldsTo ?? []]));
    for (const rule of builtinRules) {
      for (const other of rule.yieldsTo ?? []) {
        assert.ok(yieldsTo.has(other) && other !== rule.id, `${rule.id} yields to unknown rule ${other}`);
        assert.ok(!yieldsTo.get(other)!.includes(rule.id), `${rule.id} and ${other} yield to each other`);
      }
    }
    const linter = new Linter(builtinRules);
    const ruleIds = (text: string, profile: 'review' | 'one-on-one') => linter.lint(text, { profile }).findings.map((f) => f.ruleId);
    // "Great job" is vague praise; the label finding on the same words is not shown too.
    const praise = ruleIds('Great job this year!', 'review');
    assert.ok(praise.includes('feedback/vague-praise') && !praise.includes('feedback/label-praise'), praise.join(', '));
    // A vision with no path has no change to date yet, unless it also restructures the teams.
    const vision = (middle: string) => linter.lint(`Hi all,\n\nBy 2030 we will be the most trusted insurer in the region. ${middle} Exciting times ahead!`, { profile: 'announcement' }).findings.map((f) => f.ruleId);
    const aspiration = vision('We will be bolder, faster and closer to our customers than ever.');
    assert.ok(aspiration.includes('vision/vision-without-path') && !aspiration.includes('change/no-effective-date'), aspiration.join(', '));
    const restructure = vision('To get there, the Motor and Property claims teams will be brought together under one Claims model.');
    assert.ok(restructure.includes('vision/vision-without-path') && restructure.includes('change/no-effective-date'), restructure.join(', '));
    // "Talk about it down the road" is a vague follow-up; its vague time is not a second finding.
    const followUp = ruleIds("Let's talk about your promotion down the road.", 'one-on-one');
    assert.ok(followUp.includes('follow-up/vague-follow-up') && !followUp.includes('expectations/vague-time'), followUp.join(', '));
  });

  for (const file of files) {
    const rule = readJson<RuleSpec>(file);
    describe(rule.id, () => {
      it('matches the JSON schema and the run-time validator', () => {
        assert.ok(validate(rule), ajv.errorsText(validate.errors));
        assert.deepEqual(validateRuleSpec(rule), []);
      });

      it('lives at rules/<category>/<name>.json', () => {
        assert.equal(`${basename(dirname(file))}/${basename(file, '.json')}`, rule.id);
      });

      it('names only built-in rules in notFlaggedBy', () => {
        const known = new Set(builtinRules.map((r) => r.id));
        const named = rule.detector.kind === 'presence' ? (rule.detector.notFlaggedBy ?? []) : [];
        assert.deepEqual(named.filter((id) => !known.has(id)), []);
      });

      it('has at least 3 invalid and 3 valid examples', () => {
        assert.ok(rule.examples.invalid.length >= 3, 'fewer than 3 invalid examples');
        assert.ok(rule.examples.valid.length >= 3, 'fewer than 3 valid examples');
      });

      it('quotes its seeds verbatim', function () {
        if (!seedsAvailable()) {
          if (process.env.CI) assert.fail(`seed folder ${SEEDS_DIR} is missing`);
          this.skip();
        }
        for (const source of rule.sources.seeds) {
          const seed = normaliseForQuote(readFileSync(join(SEEDS_DIR, source.seed), 'utf8'));
          assert.ok(seed.includes(normaliseForQuote(source.quote)), `"${source.quote}" is not in ${source.seed}`);
        }
      });

      rule.examples.invalid.forEach((example, i) => {
        it(`flags invalid example ${i + 1}`, () => {
          const findings = lintWith(rule, example.text, example.profile);
          assert.equal(findings.length, example.count ?? 1, `expected ${example.count ?? 1} finding(s) in: ${example.text}\n got: ${JSON.stringify(findings.map((f) => f.message))}`);
          if (example.span !== undefined) {
            const f = findings[0];
            assert.equal(example.text.slice(f.range.start.offset, f.range.end.offset), example.span);
          }
        });

        if (rule.fix && !example.noFix) {
          it(`invalid example ${i + 1} is clean after its fixes`, () => {
            const fixes = lintWith(rule, example.text, example.profile).flatMap((f) => f.fixes);
            assert.ok(fixes.length > 0, 'the rule declares a fix but offered none');
            const fixed = applyFixes(example.text, fixes).text;
            assert.notEqual(fixed, example.text);
            assert.equal(fixed, example.output, 'the fixed text differs from the pinned `output`: read the new one, and pin it if it keeps the meaning');
            assert.deepEqual(lintWith(rule, fixed, example.profile).map((f) => f.message), [], `still flagged after fixing: ${fixed}`);
          });
        } else {
          it(`offers no fix for invalid example ${i + 1}, as ${rule.fix ? 'the example says' : 'the rule declares none'}`, () => {
            assert.deepEqual(lintWith(rule, example.text, example.profile).flatMap((f) => f.fixes), []);
          });
        }
      });

      rule.examples.valid.forEach((example, i) => {
        it(`accepts valid example ${i + 1}`, () => {
          const findings = lintWith(rule, example.text, example.profile);
          assert.deepEqual(findings.map((f) => `${f.message} @${f.range.start.offset}`), [], `in: ${example.text}`);
        });
      });
    });
  }
});

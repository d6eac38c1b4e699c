import assert from 'node:assert/strict';
import { applyFixes, builtinRuleIds, Linter, builtinRules, parseConfigText } from '../src/core/index.js';
import { customRuleFixture } from './helpers.js';

/*
 * A .fulcrumrc.json comes with the repository a person opens, so it is input from whoever wrote
 * the repository. Nothing in one may rewrite text on its own (`--fix`, fix on save), hang or
 * crash the engine, or switch it off. One test per attack; each also checks the engine still
 * finds what it finds with no config at all.
 */

/** A custom rule that is valid apart from what each attack changes: it finds "approved" and offers no fix. */
function customRule(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return customRuleFixture({ id: 'clarity/house-words', detector: { kind: 'phrase', phrases: ['approved'] }, fix: undefined, ...changes });
}

const TEXT = 'The budget was approved on Monday. Marco will share the plan soon.\n';

/** Parses and lints with the config as a person's editor or CLI would: it must not throw, and must finish quickly. */
function lintWith(raw: unknown, text = TEXT) {
  const started = performance.now();
  const { config, problems } = parseConfigText(typeof raw === 'string' ? raw : JSON.stringify(raw), builtinRuleIds);
  const linter = new Linter(builtinRules, config);
  const result = linter.lint(text, { profile: 'one-on-one' });
  const ms = performance.now() - started;
  return { config, problems, result, ms, linter };
}

/** The text after every safe fix, as `fulcrum --fix` or fix-on-save would leave it. */
function safelyFixed(result: ReturnType<typeof lintWith>['result'], text = TEXT): string {
  return applyFixes(text, result.findings.flatMap((f) => f.fixes.filter((fix) => fix.safe))).text;
}

/** The engine still works: "soon" is still a vague time, as with no config. */
function assertStillLints(result: ReturnType<typeof lintWith>['result']): void {
  assert.ok(result.findings.some((f) => f.ruleId === 'expectations/vague-time'), 'the built-in rules still run');
}

describe('hostile configurations', () => {
  describe('never rewrite text on their own', () => {
    it('a phrase replacement is offered as a quick fix, never applied by --fix', () => {
      const { result } = lintWith({ phrases: { 'clarity/corporate-jargon': [{ text: 'approved', replacement: 'rejected' }] } });
      const finding = result.findings.find((f) => f.ruleId === 'clarity/corporate-jargon');
      assert.ok(finding, 'the phrase is found');
      assert.equal(finding.fixes[0]?.edits[0]?.text, 'rejected', 'offered as a quick fix');
      assert.equal(finding.fixes[0]?.safe, false);
      assert.ok(safelyFixed(result).includes('approved'));
    });

    it('a replacement that injects a link is never applied, however many runs', () => {
      const raw = { phrases: { 'clarity/corporate-jargon': [{ text: 'approved', replacement: 'approved [see](https://evil.example)' }] } };
      let text = TEXT;
      for (let run = 0; run < 3; run++) text = safelyFixed(lintWith(raw, text).result, text);
      assert.ok(!text.includes('evil.example'), text);
    });

    it('a custom rule marked safe is offered, never applied', () => {
      const rule = customRule({ detector: { kind: 'phrase', phrases: [{ text: 'approved', replacement: 'rejected' }] }, fix: { kind: 'replace', title: 'Say "rejected"', safe: true } });
      const { result, problems } = lintWith({ customRules: [rule] });
      assert.deepEqual(problems, []);
      const finding = result.findings.find((f) => f.ruleId === 'clarity/house-words');
      assert.ok(finding?.fixes[0], 'the custom fix is offered');
      assert.equal(finding.fixes[0].safe, false);
      assert.equal(safelyFixed(result), TEXT.replace('soon', 'soon'), 'nothing the custom rule proposes is applied');
    });

    it('a phrase added to a rule whose own fix is safe (deleting a word) is not deleted by --fix', () => {
      const { result } = lintWith({ phrases: { 'clarity/corporate-jargon': ['budget'] } });
      assert.ok(safelyFixed(result).includes('budget'));
    });
  });

  describe('never crash the engine or switch it off', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      it(`a custom fix kind "${key}"`, () => {
        const { problems, result } = lintWith({ customRules: [customRule({ fix: { kind: key, title: 'x' } })] });
        assert.ok(problems.some((p) => p.message.includes('fix.kind')), JSON.stringify(problems));
        assertStillLints(result);
      });

      it(`a feature named "${key}" in a guard, a presence check and a phrase group`, () => {
        const rules = [
          customRule({ id: 'clarity/house-a', detector: { kind: 'phrase', phrases: ['approved'], when: [key] } }),
          customRule({ id: 'clarity/house-b', scope: 'document', detector: { kind: 'presence', anyOf: [{ sentence: [key] }] } }),
          customRule({ id: 'clarity/house-c', detector: { kind: 'phrase', phrases: ['approved'], phrasesWith: [{ features: [key], phrases: ['budget'] }] } }),
        ];
        const { problems, result } = lintWith({ customRules: rules });
        for (let i = 0; i < rules.length; i++) assert.ok(problems.some((p) => p.path === `customRules[${i}]`), `rule ${i} is refused: ${JSON.stringify(problems)}`);
        assertStillLints(result);
      });

      it(`"${key}" as a rule id, a phrase-rule id, a list name and a top-level key`, () => {
        const raw = `{"${key}": 1, "rules": {"${key}": "off"}, "phrases": {"${key}": ["x"]}, "customRules": [${JSON.stringify(customRule({ detector: { kind: 'pattern', patterns: [`{${key}}`] } }))}]}`;
        const { problems, result } = lintWith(raw);
        assert.ok(problems.length >= 4, JSON.stringify(problems));
        assertStillLints(result);
      });
    }

    it('a regular expression that matches nothing at all, or the empty string everywhere', () => {
      for (const pattern of ['(?:)', 'x*', '\\b']) {
        const { result } = lintWith({ customRules: [customRule({ detector: { kind: 'regex', pattern } })] });
        assertStillLints(result);
      }
    });

    it('JSON nested 100,000 deep', () => {
      const { problems, result } = lintWith(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      assert.ok(problems.length > 0);
      assertStillLints(result);
    });
  });

  describe('never hang', () => {
    const attackText = `${'a'.repeat(40)}! ${'a'.repeat(40)}\n`;
    for (const pattern of ['(a+)+$', '(a*)*b', '(?:a|a)+$', '(\\w+\\s?)+$', '(a|aa)+$', '([a-z]+)*$', '(?:a{1,}){2,}$']) {
      it(`refuses the regular expression /${pattern}/ (catastrophic backtracking)`, () => {
        const { problems, result, ms } = lintWith({ customRules: [customRule({ detector: { kind: 'regex', pattern } })] }, attackText + TEXT);
        assert.ok(problems.some((p) => /backtrack/.test(p.message)), JSON.stringify(problems));
        assert.ok(ms < 5000, `${ms} ms`);
        assertStillLints(result);
      });
    }

    it('refuses the same inside a compromise pattern', () => {
      const { problems, ms } = lintWith({ customRules: [customRule({ detector: { kind: 'pattern', patterns: ['/^(a+)+$/'] } })] }, attackText + TEXT);
      assert.ok(problems.some((p) => /backtrack/.test(p.message)), JSON.stringify(problems));
      assert.ok(ms < 5000, `${ms} ms`);
    });

    it('keeps harmless repetition: /(?:very|really)+ good/, /\\d{1,3}(?:,\\d{3})*/, /[A-Z]{2,}(?: [A-Z]{2,})*/', () => {
      for (const pattern of ['(?:very|really)+ good', '\\d{1,3}(?:,\\d{3})*', '[A-Z]{2,}(?: [A-Z]{2,})*']) {
        const { problems } = lintWith({ customRules: [customRule({ detector: { kind: 'regex', pattern } })] });
        assert.deepEqual(problems, [], pattern);
      }
    });

    it('100,000 phrases are cut to a bounded list with a problem, and linting stays quick', () => {
      const phrases = Array.from({ length: 100_000 }, (_, i) => `word${i}`);
      const { problems, result, ms } = lintWith({ phrases: { 'clarity/corporate-jargon': phrases } });
      assert.ok(problems.some((p) => /at most/.test(p.message)), JSON.stringify(problems));
      assert.ok(ms < 5000, `${ms} ms`);
      assertStillLints(result);
    });

    it('a phrase of 100,000 characters is refused', () => {
      const { problems, result } = lintWith({ phrases: { 'clarity/corporate-jargon': ['a '.repeat(50_000)] } });
      assert.ok(problems.some((p) => p.path.startsWith('phrases')), JSON.stringify(problems));
      assertStillLints(result);
    });
  });
});

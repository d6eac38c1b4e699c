import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, builtinRules, lint } from '../src/core/index.js';
import { ROOT } from './helpers.js';

const KINDS = ['review', 'one-on-one', 'announcement'] as const;
const read = (name: string) => readFileSync(join(ROOT, 'examples', `${name}.md`), 'utf8');
const fixableRules = new Set(builtinRules.filter((r) => r.fix).map((r) => r.id));

/** Applies every offered fix, pass after pass, as a user pressing "fix all" until nothing changes. */
function fixEverything(text: string): string {
  let current = text;
  for (let pass = 0; pass < 6; pass++) {
    const fixes = lint(current).findings.flatMap((f) => f.fixes);
    const next = applyFixes(current, fixes).text;
    if (next === current) break;
    current = next;
  }
  return current;
}

describe('bundled examples', () => {
  for (const kind of KINDS) {
    describe(kind, () => {
      const weak = lint(read(`${kind}-weak`));
      const strong = lint(read(`${kind}-strong`));

      it('are detected as the right profile from their front matter', () => {
        assert.equal(weak.profile, kind);
        assert.equal(strong.profile, kind);
      });

      it('score the strong version well above the weak one', () => {
        assert.ok(strong.score.overall >= weak.score.overall + 25, `strong ${strong.score.overall} vs weak ${weak.score.overall}`);
        assert.ok(strong.score.overall >= 90, `strong scored ${strong.score.overall}`);
      });

      it('find at least six different problems in the weak version', () => {
        assert.ok(new Set(weak.findings.map((f) => f.ruleId)).size >= 6, JSON.stringify(weak.findings.map((f) => f.ruleId)));
      });

      it('find nothing in the strong version', () => {
        assert.deepEqual(strong.findings.map((f) => `${f.ruleId} @${f.range.start.line}:${f.range.start.column} ${f.message}`), []);
      });

      it('leave no fixable finding behind once every fix is applied, and score higher', () => {
        const fixedText = fixEverything(read(`${kind}-weak`));
        const after = lint(fixedText);
        const leftovers = after.findings.filter((f) => fixableRules.has(f.ruleId) && f.fixes.length > 0);
        assert.deepEqual(leftovers.map((f) => `${f.ruleId}: ${f.message}`), []);
        assert.ok(after.score.overall > weak.score.overall);
      });
    });
  }
});

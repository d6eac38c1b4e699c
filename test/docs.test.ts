import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, docsUrlFor } from '../src/core/index.js';
import { ROOT } from './helpers.js';

describe('rule documentation', () => {
  it('has an up-to-date page per rule (scripts/rule-docs.mjs --check)', () => {
    const result = spawnSync(process.execPath, ['scripts/rule-docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('links every finding to its rule page', () => {
    for (const rule of builtinRules) {
      const url = docsUrlFor(rule.id);
      assert.ok(url.endsWith(`docs/rules/${rule.id}.md`), url);
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `no page for ${rule.id}`);
    }
  });
});

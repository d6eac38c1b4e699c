import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type RuleSpec } from '../src/core/index.js';
import { readJson, ROOT, ruleFiles } from './helpers.js';

const README = join(ROOT, 'README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function readme(): string {
  return readFileSync(README, 'utf8').replace(/\r\n/g, '\n');
}

/** The fenced code blocks of a Markdown text, in order, with their info string and where they start. */
function fencedBlocks(text: string): Array<{ lang: string; body: string; index: number }> {
  const blocks: Array<{ lang: string; body: string; index: number }> = [];
  const fence = /^(```+|~~~+)[ \t]*([^\n`]*)\n([\s\S]*?)\n\1[ \t]*$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) blocks.push({ lang: m[2].trim(), body: m[3].trim(), index: m.index });
  return blocks;
}

/** Splits a Markdown table row into cells, honouring escaped pipes. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

describe('README', () => {
  it('exists', () => {
    assert.ok(existsSync(README), 'README.md is missing');
  });

  describe('opening commands', () => {
    it('shows `npm install && npm start` first and `npm test` second, as bash blocks', () => {
      const blocks = fencedBlocks(readme());
      assert.ok(blocks.length >= 2, 'the README needs at least two fenced code blocks');
      assert.deepEqual(
        blocks.slice(0, 2).map((b) => [b.lang, b.body]),
        [
          ['bash', 'npm install && npm start'],
          ['bash', 'npm test'],
        ],
      );
    });

    it('shows them before the first section heading', () => {
      const text = readme();
      const firstSection = text.search(/^##\s/m);
      assert.ok(firstSection > 0, 'the README has no ## sections');
      const [install, test] = fencedBlocks(text);
      assert.ok(install.index < firstSection && test.index < firstSection, 'the two commands must come before the first ## heading');
    });

    it('names the scripts it tells people to run', () => {
      const scripts = readJson<{ scripts: Record<string, string> }>(join(ROOT, 'package.json')).scripts;
      for (const name of ['start', 'test', 'bench', 'docs']) assert.ok(scripts[name], `package.json has no "${name}" script`);
    });
  });

  describe('rules table', () => {
    const rules = ruleFiles()
      .map((file) => readJson<RuleSpec>(file))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    function tableRows(): string[][] {
      const text = readme();
      const start = text.indexOf(START);
      const end = text.indexOf(END);
      assert.ok(start >= 0 && end > start, `README.md needs ${START} … ${END}`);
      return text
        .slice(start + START.length, end)
        .split('\n')
        .filter((line) => line.trim().startsWith('|'))
        .map(cells);
    }

    it('has the expected columns', () => {
      assert.deepEqual(tableRows()[0], ['Rule', 'Category', 'Severity', 'Scope', 'Profiles', 'Fix', 'What it checks']);
    });

    it('lists every rule file once, sorted by id, with its metadata (run `npm run docs` to fix)', () => {
      const body = tableRows().slice(2);
      const expected = rules.map((r) => [`[\`${r.id}\`](docs/rules/${r.id}.md)`, r.category, r.severity, r.scope, r.profiles.join(', '), r.fix ? 'yes' : '—', r.title.replace(/\s*\n\s*/g, ' ')]);
      assert.deepEqual(body, expected, 'the README rules table does not match rules/<category>/*.json; run `npm run docs`');
    });

    it('agrees with `node scripts/readme-rules.mjs --check`', () => {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme-rules.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr || result.stdout);
    });
  });

  it('describes every category', () => {
    const text = readme();
    for (const category of CATEGORIES) assert.match(text, new RegExp(`\\*\\*${category}\\*\\*`), `category "${category}" is not described`);
  });

  it('documents every CLI command', () => {
    const text = readme();
    for (const command of ['check', 'score', 'rules', 'explain']) assert.ok(text.includes(`fulcrum ${command}`), `"fulcrum ${command}" is not documented`);
  });
});

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { builtinRules } from '../src/core/index.js';
import { customRuleFixture, readJson, ROOT } from './helpers.js';

/*
 * The built CLI (bin/fulcrum.js → dist/cli.js) run as a real process in temporary folders.
 * Every sandbox gets a .fulcrumrc.json that turns off all built-in rules except
 * expectations/vague-time, so these tests do not move when rules are added or tuned.
 */

const BIN = join(ROOT, 'bin', 'fulcrum.js');
const VERSION = readJson<{ version: string }>(join(ROOT, 'package.json')).version;
const VAGUE_TIME = 'expectations/vague-time';
const UTILIZE = 'clarity/cli-test-utilize';
const JARGON = 'clarity/corporate-jargon';
const SOON = 'Marco will share the plan soon.\n';
const CLEAN = 'Marco will share the plan by Friday 14 March.\n';
const SARIF_SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `as` runs it as another user (to meet a permission error when the tests run as root). */
function fulcrum(cwd: string, args: string[], input?: string | Buffer, as?: { uid: number; gid: number }): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000, ...as });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses --format json output, with the run in the message when it is not JSON. */
function json<T = CheckJson>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    assert.fail(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } };
  fixes: Array<{ title: string; safe: boolean; edits: Array<{ start: number; end: number; text: string }> }>;
}
interface CheckJson {
  version: string;
  files: Array<{ path: string; profile: string; score: { overall: number }; findings: JsonFinding[] }>;
}

/** Lines of stderr, without the empty one after the last newline. */
function errorLines(run: Run): string[] {
  return run.stderr.split('\n').filter(Boolean);
}

/** A phrase rule with a safe fix, in the format of the files in rules/. */
function utilizeRule(message = 'Say "use", not "{match}".') {
  return customRuleFixture({ id: UTILIZE, message });
}

/** Built-in rules other than vague-time, all off: the baseline of every sandbox config. */
function onlyVagueTime(): Record<string, string> {
  return Object.fromEntries(builtinRules.filter((r) => r.id !== VAGUE_TIME).map((r) => [r.id, 'off']));
}

function config(extra: { rules?: Record<string, string>; customRules?: unknown[]; profile?: string; [key: string]: unknown } = {}): string {
  return JSON.stringify({ ...extra, rules: { ...onlyVagueTime(), ...extra.rules } }, null, 2);
}

class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'fulcrum-cli-'));

  constructor(rootConfig: string | null = config()) {
    if (rootConfig !== null) this.write('.fulcrumrc.json', rootConfig);
  }

  write(path: string, content: string | Buffer): string {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  }

  read(path: string): Buffer {
    return readFileSync(join(this.root, path));
  }

  run(args: string[], input?: string | Buffer, as?: { uid: number; gid: number }): Run {
    return fulcrum(this.root, args, input, as);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

describe('cli', function () {
  let box: Sandbox;
  const sandbox = (rootConfig?: string | null) => {
    box?.remove();
    box = new Sandbox(rootConfig);
    return box;
  };

  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm test` (it bundles the CLI first)');
  });

  beforeEach(() => {
    box = new Sandbox();
  });

  afterEach(() => {
    box.remove();
  });

  /* ---------- check: output formats ---------- */

  describe('check formats', () => {
    it('stylish: one line per finding with line:column, severity, message and rule, then a summary; warnings exit 0', () => {
      box.write('notes.md', `# Plan\n\n${SOON}`);
      const run = box.run(['check', 'notes.md']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n');
      // One line of notes says too little to tell what kind of text it is: the profile is marked as a guess.
      assert.match(lines[0], /^notes\.md {2}\(review \(guessed\), score \d+\)$/);
      assert.match(lines[1], /^ {2}3:27 {2}warning {2}"soon" gives no date\. Say when: a day, a date or a sprint\. {2}expectations\/vague-time$/);
      assert.match(run.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file/);
      assert.ok(!run.stdout.includes('\u001b['), 'no colour codes when NO_COLOR is set');
      assert.equal(run.stderr, '');
    });

    it('stylish: a finding about the whole document is placed at "document", not at "1:1"', () => {
      box.write('.fulcrumrc.json', config({ rules: { 'follow-up/no-question-channel': 'on' } }));
      box.write('announce.md', '---\nfulcrum:\n  profile: announcement\n---\nFrom next month all expense claims go through the new portal. It is faster and it keeps receipts with the claim. Finance chose it after a trial in two teams. Old paper forms stop on 30 June.\n');
      const run = box.run(['check', 'announce.md']);
      box.write('.fulcrumrc.json', config());
      const documentLines = run.stdout.split('\n').filter((l) => /no-question-channel/.test(l));
      assert.ok(documentLines.length > 0, run.stdout);
      for (const line of documentLines) assert.match(line, /^ {2}document {2}/);
      assert.ok(!/^ {2}1:1 /m.test(run.stdout), run.stdout);
    });

    it('stylish: a clean document says so and exits 0', () => {
      box.write('clean.md', CLEAN);
      const run = box.run(['check', 'clean.md']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), '✔ 1 file checked, no problems');
    });

    it('json: { version, files: [{ path, profile, profileSource, score, findings }] } with full findings', () => {
      box.write('a.md', SOON);
      box.write('b.md', CLEAN);
      const run = box.run(['check', '--format', 'json', 'a.md', 'b.md']);
      assert.equal(run.status, 0, run.stderr);
      const out = json(run);
      assert.equal(out.version, VERSION);
      assert.deepEqual(out.files.map((f) => Object.keys(f).sort()), [
        ['findings', 'path', 'profile', 'profileSource', 'score'],
        ['findings', 'path', 'profile', 'profileSource', 'score'],
      ]);
      assert.deepEqual(out.files.map((f) => f.path), ['a.md', 'b.md']);
      assert.equal(out.files[0].profile, 'review');
      assert.equal(typeof out.files[0].score.overall, 'number');
      assert.ok(out.files[0].score.overall < out.files[1].score.overall, 'a finding costs points');
      const [finding] = out.files[0].findings;
      assert.equal(finding.ruleId, VAGUE_TIME);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, { start: { offset: 26, line: 1, column: 27 }, end: { offset: 30, line: 1, column: 31 } });
      assert.deepEqual(finding.fixes, [{ title: 'Replace "soon" with a date', edits: [{ start: 26, end: 30, text: 'by [date]' }], safe: false }]);
      assert.deepEqual(out.files[1].findings, []);
    });

    describe('sarif', () => {
      const validator = () => {
        const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
        // The schema uses three formats; ajv-formats is not a dependency, so check them here.
        ajv.addFormat('uri', (value: string) => URL.canParse(value));
        ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
        ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
        return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
      };

      interface Sarif {
        version: string;
        runs: Array<{
          tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
          artifacts: Array<{ location: { uri: string } }>;
          results: Array<{
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }>;
          }>;
        }>;
      }

      it('validates against the SARIF 2.1.0 schema, with results, rules and fixes', () => {
        box.write('.fulcrumrc.json', config({ customRules: [utilizeRule()] }));
        box.write('docs/team notes #1.md', `We utilize the tool.\n${SOON}`);
        box.write('clean.txt', CLEAN);
        const run = box.run(['check', '--format', 'sarif', 'docs', 'clean.txt']);
        assert.equal(run.status, 0, run.stderr);
        const sarif = json<Sarif>(run);
        const validate = validator();
        assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
        assert.equal(sarif.version, '2.1.0');
        const [only] = sarif.runs;
        assert.equal(only.tool.driver.name, 'Fulcrum');
        assert.equal(only.tool.driver.version, VERSION);
        const ruleIds = only.tool.driver.rules.map((r) => r.id);
        for (const rule of builtinRules) assert.ok(ruleIds.includes(rule.id), `${rule.id} missing from the SARIF rules`);
        assert.ok(ruleIds.includes(UTILIZE), 'the custom rule is described');
        assert.deepEqual(only.artifacts.map((a) => a.location.uri), ['docs/team%20notes%20%231.md', 'clean.txt']);
        assert.deepEqual(
          only.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]),
          [
            [UTILIZE, 'warning', 1, 4],
            [VAGUE_TIME, 'warning', 2, 27],
          ],
        );
        for (const r of only.results) assert.equal(ruleIds[r.ruleIndex], r.ruleId, 'ruleIndex points at the rule');
      });

      it('maps severities to SARIF levels and still validates with no findings at all', () => {
        box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'info' } }));
        box.write('a.md', SOON);
        const validate = validator();
        const withNote = json<Sarif>(box.run(['check', '--format', 'sarif', 'a.md']));
        assert.ok(validate(withNote), JSON.stringify(validate.errors));
        assert.equal(withNote.runs[0].results[0].level, 'note');
        box.write('b.md', CLEAN);
        const empty = json<Sarif>(box.run(['check', '--format', 'sarif', 'b.md']));
        assert.ok(validate(empty), JSON.stringify(validate.errors));
        assert.deepEqual(empty.runs[0].results, []);
      });

      it('the validator rejects a broken log (so the checks above mean something)', () => {
        box.write('a.md', SOON);
        const sarif = json<Sarif>(box.run(['check', '--format', 'sarif', 'a.md']));
        const validate = validator();
        const broken = structuredClone(sarif) as unknown as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
        broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
        assert.equal(validate(broken), false);
      });
    });

    it('github: ::warning/::error/::notice commands with file, line and col, escaped', () => {
      box.write('.fulcrumrc.json', config({ customRules: [utilizeRule('100% "{match}",\nsay: use')] }));
      box.write('a,b:c%.md', `We utilize it.\n${SOON}`);
      const run = box.run(['check', '--format', 'github', 'a,b:c%.md']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.deepEqual(lines, [
        '::warning file=a%2Cb%3Ac%25.md,line=1,col=4,endLine=1,endColumn=11,title=Fulcrum clarity/cli-test-utilize::100%25 "utilize",%0Asay: use',
        '::warning file=a%2Cb%3Ac%25.md,line=2,col=27,endLine=2,endColumn=31,title=Fulcrum expectations/vague-time::"soon" gives no date. Say when: a day, a date or a sprint.',
      ]);
    });

    it('github: error and info findings become ::error and ::notice', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      box.write('a.md', SOON);
      assert.match(box.run(['check', '--format', 'github', 'a.md']).stdout, /^::error file=a\.md,line=1,col=27,/);
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'info' } }));
      assert.match(box.run(['check', '--format', 'github', 'a.md']).stdout, /^::notice file=a\.md,line=1,col=27,/);
    });

    it('refuses an unknown format with exit 2', () => {
      box.write('a.md', SOON);
      const run = box.run(['check', '--format', 'xml', 'a.md']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--format for check must be one of stylish, json, sarif, github/);
    });
  });

  /* ---------- check: exit codes and options ---------- */

  describe('check exit codes and options', () => {
    /** About a second of linting even with only vague-time on: 400 KB of ordinary sentences. */
    const slow = () => `${'Marco will share the plan soon. Ana reviewed the budget with the team on Tuesday.\n\n'.repeat(4800)}`;

    it('stops quietly when the reader of its output goes away (`fulcrum check … | head -n 1`)', () => {
      // Far more output than a pipe holds, so the CLI is still writing when `head` has gone.
      for (let i = 0; i < 40; i++) box.write(`weak-${i}.md`, readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8').repeat(20));
      const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check --format json weak-*.md | head -n 1; exit "\${PIPESTATUS[0]}"`], {
        cwd: box.root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.equal(piped.stdout, '{\n');
      assert.equal(piped.stderr, '', 'no EPIPE stack trace');
      assert.equal(piped.status, 0, 'the exit code is the one it would have had (warnings only)');
    });

    it('gives up a document over --time-budget with one line naming it, and still checks the others', () => {
      box.write('big.md', slow());
      box.write('small.md', SOON);
      const started = Date.now();
      const run = box.run(['check', '--time-budget', '0.2', '--format', 'json', 'big.md', 'small.md']);
      assert.equal(run.status, 2, 'a document not checked is an input error');
      assert.deepEqual(errorLines(run), ['fulcrum: big.md: not checked: it took longer than 0.2 s (--time-budget); the other files are still checked']);
      assert.deepEqual(json(run).files.map((f) => f.path), ['small.md']);
      assert.ok(Date.now() - started < 15_000, 'the big document was stopped, not finished');
    });

    it('with --fix, leaves a document over budget as it was (and gives standard input back unchanged)', () => {
      const text = slow();
      box.write('big.md', text);
      const run = box.run(['check', '--fix', '--time-budget', '0.2', 'big.md']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /big\.md: not checked: .*so nothing in it was fixed/);
      assert.equal(box.read('big.md').toString(), text);
      const piped = box.run(['check', '--fix', '--time-budget', '0.2', '-'], text);
      assert.equal(piped.stdout, text);
    });

    it('refuses a document over 2 MB with its size, and checks the others', () => {
      box.write('huge.md', 'a'.repeat(2 * 1024 * 1024 + 100_000));
      box.write('small.md', SOON);
      const run = box.run(['check', '--format', 'json', 'huge.md', 'small.md']);
      assert.equal(run.status, 2);
      assert.deepEqual(errorLines(run), ['fulcrum: huge.md: too large (2.1 MB; the limit is 2 MB)']);
      assert.deepEqual(json(run).files.map((f) => f.path), ['small.md']);
    });

    it('refuses a --time-budget that is not a number of seconds', () => {
      box.write('a.md', SOON);
      const run = box.run(['check', '--time-budget', 'soon', 'a.md']);
      assert.equal(run.status, 2);
      assert.deepEqual(errorLines(run), ['fulcrum: --time-budget needs a number of seconds (0 for no limit), got "soon"']);
    });

    it('exits 1 when a finding is an error', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      box.write('a.md', SOON);
      const run = box.run(['check', 'a.md']);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /1:27 {2}error {4}"soon"/);
    });

    it('exits 1 when warnings exceed --max-warnings, 0 when they do not', () => {
      box.write('a.md', `${SOON}Ana will send the budget eventually.\n`);
      const over = box.run(['check', '--max-warnings', '1', 'a.md']);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
      assert.equal(box.run(['check', '--max-warnings', '2', 'a.md']).status, 0);
      box.write('one.md', SOON);
      assert.deepEqual(errorLines(box.run(['check', '--max-warnings', '0', 'one.md'])), ['fulcrum: 1 warning, more than --max-warnings 0']);
      const bad = box.run(['check', '--max-warnings', 'lots', 'a.md']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--max-warnings needs a whole number/);
    });

    it('--profile overrides detection, and an unknown profile exits 2', () => {
      box.write('a.md', `# 1:1 with Sam\n\n## Action items\n\n- ${SOON}`);
      assert.equal(json(box.run(['check', '--format', 'json', 'a.md'])).files[0].profile, 'one-on-one');
      assert.equal(json(box.run(['check', '--format', 'json', '--profile', 'announcement', 'a.md'])).files[0].profile, 'announcement');
      const bad = box.run(['check', '--profile', 'memo', 'a.md']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--profile must be one of/);
    });

    it('--config replaces the .fulcrumrc.json lookup', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      box.write('settings/quiet.json', config({ rules: { [VAGUE_TIME]: 'off' } }));
      box.write('a.md', SOON);
      assert.equal(box.run(['check', 'a.md']).status, 1);
      const quiet = box.run(['check', '--config', 'settings/quiet.json', 'a.md']);
      assert.equal(quiet.status, 0, quiet.stderr);
      assert.match(quiet.stdout, /no problems/);
      const missing = box.run(['check', '--config', 'settings/none.json', 'a.md']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /--config settings\/none\.json: cannot read this file/);
    });

    it('reads standard input with -, named by --stdin-filename', () => {
      const run = box.run(['check', '--format', 'json', '--stdin-filename', 'team/notes.md', '-'], SOON);
      assert.equal(run.status, 0, run.stderr);
      const out = json(run);
      assert.equal(out.files[0].path, 'team/notes.md');
      assert.deepEqual(out.files[0].findings.map((f) => f.ruleId), [VAGUE_TIME]);
      assert.equal(json(box.run(['check', '--format', 'json', '-'], SOON)).files[0].path, '<stdin>');
    });

    it('finds the config for standard input from the --stdin-filename folder, and its format from its extension', () => {
      box.write('strict/.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      assert.equal(box.run(['check', '--stdin-filename', 'strict/notes.md', '-'], SOON).status, 1);
      assert.equal(box.run(['check', '--stdin-filename', 'notes.md', '-'], SOON).status, 0);
      // In Markdown a code span is not prose; in a .txt file it is.
      const text = 'Marco will share the plan `soon`.\n';
      assert.equal(json(box.run(['check', '--format', 'json', '--stdin-filename', 'n.md', '-'], text)).files[0].findings.length, 0);
      assert.equal(json(box.run(['check', '--format', 'json', '--stdin-filename', 'n.txt', '-'], text)).files[0].findings.length, 1);
    });

    it('recurses into folders for .md, .markdown and .txt, skipping dot folders and node_modules, in a stable order', () => {
      box.write('docs/b.md', SOON);
      box.write('docs/a.markdown', SOON);
      box.write('docs/deep/er/c.txt', SOON);
      box.write('docs/deep/page.html', `<p>${SOON}</p>`);
      box.write('docs/readme.rst', SOON);
      box.write('docs/.hidden/d.md', SOON);
      box.write('docs/node_modules/pkg/e.md', SOON);
      const out = json(box.run(['check', '--format', 'json', 'docs']));
      assert.deepEqual(out.files.map((f) => f.path), ['docs/a.markdown', 'docs/b.md', 'docs/deep/er/c.txt']);
      assert.ok(out.files.every((f) => f.findings.length === 1));
    });

    it('expands globs, and lists each file once', () => {
      box.write('docs/a.md', SOON);
      box.write('docs/sub/b.md', SOON);
      box.write('docs/sub/c.txt', SOON);
      const out = json(box.run(['check', '--format', 'json', 'docs/**/*.md', 'docs/a.md']));
      assert.deepEqual(out.files.map((f) => f.path), ['docs/a.md', 'docs/sub/b.md']);
      const none = box.run(['check', 'nothing/**/*.md']);
      assert.equal(none.status, 2);
      assert.deepEqual(errorLines(none), ['fulcrum: nothing/**/*.md: no files match this pattern']);
    });

    it('exits 2 when a folder holds no documents', () => {
      box.write('empty/x.html', '<p>hi</p>');
      const run = box.run(['check', 'empty']);
      assert.equal(run.status, 2);
      assert.deepEqual(errorLines(run), ['fulcrum: empty: no .md, .markdown or .txt files in this folder']);
    });

    it('needs at least one path', () => {
      const run = box.run(['check']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /needs files, folders, globs or -/);
    });
  });

  /* ---------- check --fix ---------- */

  describe('check --fix', () => {
    beforeEach(() => {
      // The built-in jargon rule: its "utilize" → "use" is a safe fix.
      box.write('.fulcrumrc.json', config({ rules: { [JARGON]: 'on' } }));
    });

    it('applies only safe fixes, keeping a UTF-8 BOM and CRLF line breaks', () => {
      const before = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('We utilize the tool.\r\nMarco will share the plan soon.\r\n- They utilize it too — 😀.\r\n', 'utf8')]);
      box.write('doc.md', before);
      const run = box.run(['check', '--fix', '--format', 'json', 'doc.md']);
      assert.equal(run.status, 0, run.stderr);
      const after = box.read('doc.md');
      assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
      assert.equal(after.subarray(3).toString('utf8'), 'We use the tool.\r\nMarco will share the plan soon.\r\n- They use it too — 😀.\r\n');
      // What is left is reported: the unsafe vague-time fix was not applied.
      assert.deepEqual(json(run).files[0].findings.map((f) => f.ruleId), [VAGUE_TIME]);
    });

    it('does not touch a file with nothing safe to fix', () => {
      const before = Buffer.from('Marco will share the plan soon.\r\n', 'utf8');
      box.write('doc.md', before);
      box.run(['check', '--fix', 'doc.md']);
      assert.deepEqual(box.read('doc.md'), before);
    });

    it('reports a file it cannot write the fixes to on one line, without crashing', function () {
      if (process.platform === 'win32') this.skip();
      const path = box.write('locked.md', 'We utilize it.\n');
      chmodSync(path, 0o444);
      chmodSync(box.root, 0o755);
      // Root may write a read-only file: run as "nobody" then, if that user can run the CLI here.
      const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
      if (as && box.run(['--version'], undefined, as).status !== 0) this.skip();
      const run = box.run(['check', '--fix', 'locked.md'], undefined, as);
      assert.equal(run.status, 2);
      assert.deepEqual(errorLines(run), ['fulcrum: locked.md: cannot write the fixes (permission denied)']);
      assert.equal(box.read('locked.md').toString(), 'We utilize it.\n');
    });

    it('with -, prints the fixed text on stdout and the report on stderr', () => {
      const run = box.run(['check', '--fix', '-'], 'We utilize the tool.\nMarco will share the plan soon.\n');
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'We use the tool.\nMarco will share the plan soon.\n');
      assert.match(run.stderr, /"soon" gives no date/);
      assert.doesNotMatch(run.stderr, /corporate-jargon/);
    });

    it('with -, gives the text back as it came in apart from the fixes: no newline added, BOM and CRLF kept', () => {
      const noNewline = box.run(['check', '--fix', '-'], 'We utilize the tool.');
      assert.equal(noNewline.stdout, 'We use the tool.');
      const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('We utilize it.\r\n\r\nThey utilize it.\r\n\r\n', 'utf8')]);
      const run = spawnSync(process.execPath, [BIN, 'check', '--fix', '-'], { cwd: box.root, input, env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 0, String(run.stderr));
      assert.deepEqual(run.stdout, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('We use it.\r\n\r\nThey use it.\r\n\r\n', 'utf8')]));
    });
  });

  /* ---------- check: bad inputs ---------- */

  describe('check with bad inputs', () => {
    it('reports each unreadable file on one line naming it, checks the others, and exits 2', () => {
      box.write('good.md', SOON);
      box.write('empty.md', '');
      box.write('binary.md', Buffer.from([0x23, 0x20, 0x48, 0x00, 0x01, 0x02, 0x0a]));
      box.write('latin1.md', Buffer.from([0x41, 0xe9, 0x41, 0x0a]));
      const run = box.run(['check', '--format', 'json', 'good.md', 'missing.md', 'binary.md', 'latin1.md', 'empty.md']);
      assert.equal(run.status, 2);
      const lines = errorLines(run);
      assert.equal(lines.length, 3, run.stderr);
      assert.match(lines.find((l) => l.includes('missing.md')) ?? '', /^fulcrum: missing\.md: no such file/);
      assert.match(lines.find((l) => l.includes('binary.md')) ?? '', /^fulcrum: binary\.md: .*binary/);
      assert.match(lines.find((l) => l.includes('latin1.md')) ?? '', /^fulcrum: latin1\.md: .*UTF-8/);
      const out = json(run);
      assert.deepEqual(out.files.map((f) => f.path), ['good.md', 'empty.md']);
      assert.equal(out.files[0].findings.length, 1);
      assert.deepEqual(out.files[1].findings, []);
    });

    it('refuses named pipes, devices, link loops and UTF-16 within a second, naming each, and checks the rest', () => {
      box.write('good.md', SOON);
      execFileSync('mkfifo', [join(box.root, 'pipe.md')]);
      symlinkSync('/dev/zero', join(box.root, 'zero.md'));
      symlinkSync(join(box.root, 'loop-b.md'), join(box.root, 'loop-a.md'));
      symlinkSync(join(box.root, 'loop-a.md'), join(box.root, 'loop-b.md'));
      box.write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Marco will share the plan soon.\n', 'utf16le')]));
      const started = Date.now();
      const run = box.run(['check', '--format', 'json', 'pipe.md', 'zero.md', 'loop-a.md', 'utf16.md', 'good.md']);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      assert.equal(run.status, 2);
      // The loop is found while the inputs are expanded, the rest when each file is opened.
      assert.deepEqual(errorLines(run), [
        'fulcrum: loop-a.md: is a symbolic link that leads back to itself (a loop)',
        'fulcrum: pipe.md: is a named pipe (FIFO), not a file; only regular files are read',
        'fulcrum: zero.md: is a device, not a file; only regular files are read',
        'fulcrum: utf16.md: is UTF-16 text; save it as UTF-8 and try again',
      ]);
      assert.deepEqual(json(run).files.map((f) => f.path), ['good.md']);
      // A pipe where the configuration should be, or found in a folder, is refused the same way.
      const config = box.run(['check', '--config', 'pipe.md', 'good.md']);
      assert.equal(config.status, 2);
      assert.match(config.stderr, /--config pipe\.md: cannot read this file \(is a named pipe/);
      mkdirSync(join(box.root, 'folder'));
      execFileSync('mkfifo', [join(box.root, 'folder', 'notes.md')]);
      const folder = box.run(['check', 'folder']);
      assert.equal(folder.status, 2);
      assert.match(folder.stderr, /folder\/notes\.md: is a named pipe/);
    });

    it('shows control characters in file names as escapes in every text format, never raw', () => {
      const name = 'evil\u001b]0;pwned\u0007\u001b[2J\u202e.md';
      box.write(name, SOON);
      for (const args of [['check', '--format', 'stylish'], ['check', '--format', 'github'], ['score', '--format', 'table']]) {
        const format = args.join(' ');
        const run = box.run([...args, name]);
        // eslint-disable-next-line no-control-regex -- no raw control character may reach the output
        assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, format);
        assert.match(run.stdout, /evil\\x1B\]0;pwned\\x07\\x1B\[2J\\u202E\.md/, format);
      }
      const missing = box.run(['check', 'gone\u001b.md']);
      assert.deepEqual(errorLines(missing), ['fulcrum: gone\\x1B.md: no such file or folder']);
    });

    it('names a missing file whose name has a colon in full', () => {
      const run = box.run(['check', 'week:12.md']);
      assert.equal(run.status, 2);
      assert.deepEqual(errorLines(run), ['fulcrum: week:12.md: no such file or folder']);
    });

    it('does not call a run with unreadable files clean', () => {
      const run = box.run(['check', 'missing.md']);
      assert.equal(run.status, 2);
      assert.doesNotMatch(run.stdout, /✔/);
      assert.match(run.stdout, /1 input could not be checked/);
    });

    it('checks an empty file without complaint', () => {
      box.write('empty.md', '');
      const run = box.run(['check', 'empty.md']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
    });

    it('checks a 1 MB document', () => {
      const paragraph = 'Marco will share the plan soon. We shipped the billing retry rewrite on 3 March, so tickets dropped.\n\n```js\nconst x = 1;\n```\n\n- Ana will review [the doc](https://example.com/a) by Friday.\n\n';
      const text = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
      box.write('big.md', text);
      const run = box.run(['check', '--format', 'json', 'big.md']);
      assert.equal(run.status, 0, run.stderr);
      const [file] = json(run).files;
      assert.equal(file.findings.length, text.split('soon').length - 1);
      for (const f of file.findings) assert.equal(text.slice(f.range.start.offset, f.range.end.offset), 'soon');
    });
  });

  /* ---------- configuration files ---------- */

  describe('.fulcrumrc.json', () => {
    it('reports broken JSON on stderr with the file name and goes on with the defaults', () => {
      sandbox(null);
      box.write('team/.fulcrumrc.json', '{ "rules": { ');
      box.write('team/notes/a.md', SOON);
      const run = box.run(['check', '--format', 'json', 'team/notes/a.md']);
      assert.equal(run.status, 2, 'a broken config is an input error');
      const lines = errorLines(run);
      assert.equal(lines.length, 1, run.stderr);
      assert.ok(lines[0].includes(join(box.root, 'team', '.fulcrumrc.json')), lines[0]);
      assert.match(lines[0], /not valid JSON/);
      const vague = json(run).files[0].findings.filter((f) => f.ruleId === VAGUE_TIME);
      assert.deepEqual(vague.map((f) => f.severity), ['warning']);
    });

    it('reports an unknown rule id with the file name and keeps the valid settings', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error', 'nope/not-a-rule': 'off' } }));
      box.write('a.md', SOON);
      const run = box.run(['check', '--format', 'json', 'a.md']);
      const lines = errorLines(run);
      assert.equal(lines.length, 1, run.stderr);
      assert.ok(lines[0].includes(join(box.root, '.fulcrumrc.json')));
      assert.match(lines[0], /rules\.nope\/not-a-rule: unknown rule "nope\/not-a-rule"/);
      assert.equal(json(run).files[0].findings[0].severity, 'error');
      assert.equal(run.status, 2);
    });

    it('turns a rule off', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'off' } }));
      box.write('a.md', SOON);
      const run = box.run(['check', 'a.md']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /no problems/);
    });

    it('changes a rule\'s severity', () => {
      box.write('.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'info' } }));
      box.write('a.md', SOON);
      assert.equal(json(box.run(['check', '--format', 'json', 'a.md'])).files[0].findings[0].severity, 'info');
    });

    it('uses the nearest config above each document', () => {
      box.write('strict/.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      box.write('strict/deeper/a.md', SOON);
      box.write('relaxed/b.md', SOON);
      const out = json(box.run(['check', '--format', 'json', 'strict', 'relaxed']));
      assert.deepEqual(
        out.files.map((f) => [f.path, f.findings[0].severity]),
        [
          ['strict/deeper/a.md', 'error'],
          ['relaxed/b.md', 'warning'],
        ],
      );
    });

    it('runs a custom rule', () => {
      box.write('.fulcrumrc.json', config({ customRules: [utilizeRule()] }));
      box.write('a.md', 'We utilize the new tool every day.\n');
      const [finding] = json(box.run(['check', '--format', 'json', 'a.md'])).files[0].findings;
      assert.equal(finding.ruleId, UTILIZE);
      assert.equal(finding.message, 'Say "use", not "utilize".');
      assert.equal(finding.fixes[0].edits[0].text, 'use');
      assert.equal(finding.fixes[0].safe, false, 'a custom rule\'s fix is offered, never applied on its own');
    });

    it('never applies a rewrite from the config with --fix: custom rules and phrase replacements', () => {
      box.write('.fulcrumrc.json', config({ rules: { [JARGON]: 'on' }, customRules: [utilizeRule()], phrases: { [JARGON]: [{ text: 'approved', replacement: 'rejected' }] } }));
      const text = 'We utilize the tool. The budget was approved.\n';
      box.write('a.md', text);
      const run = box.run(['check', '--fix', '--format', 'json', 'a.md']);
      assert.equal(box.read('a.md').toString(), 'We use the tool. The budget was approved.\n', 'only the built-in safe fix is applied');
      assert.ok(json(run).files[0].findings.some((f) => f.ruleId === JARGON && f.fixes[0]?.edits[0]?.text === 'rejected'), 'the replacement is still offered');
    });

    it('looks for a config no higher than the repository root', () => {
      sandbox(config({ rules: { [VAGUE_TIME]: 'off' } }));
      mkdirSync(join(box.root, 'repo', '.git'), { recursive: true });
      box.write('repo/notes/a.md', SOON);
      const run = box.run(['check', '--format', 'json', 'repo/notes/a.md']);
      assert.ok(json(run).files[0].findings.some((f) => f.ruleId === VAGUE_TIME), 'the config above the repository is not used');
      box.write('repo/.fulcrumrc.json', config({ rules: { [VAGUE_TIME]: 'error' } }));
      const inside = box.run(['check', '--format', 'json', 'repo/notes/a.md']);
      assert.equal(json(inside).files[0].findings.find((f) => f.ruleId === VAGUE_TIME)?.severity, 'error', "the repository's own config is");
    });

    it('outside a repository, looks no higher than the folder it runs in', () => {
      sandbox(config({ rules: { [VAGUE_TIME]: 'off' } }));
      box.write('work/a.md', SOON);
      const run = fulcrum(join(box.root, 'work'), ['check', '--format', 'json', 'a.md']);
      assert.ok(json(run).files[0].findings.some((f) => f.ruleId === VAGUE_TIME), 'the config above the working folder is not used');
      assert.ok(!json(box.run(['check', '--format', 'json', 'work/a.md'])).files[0].findings.some((f) => f.ruleId === VAGUE_TIME), 'from the folder above, it is');
    });

    it('reports an invalid custom rule and runs the rest', () => {
      box.write('.fulcrumrc.json', config({ customRules: [{ ...utilizeRule(), severity: 'loud' }] }));
      box.write('a.md', `We utilize it.\n${SOON}`);
      const run = box.run(['check', '--format', 'json', 'a.md']);
      assert.match(run.stderr, /customRules\[0\]: "severity" must be error, warning or info/);
      assert.deepEqual(json(run).files[0].findings.map((f) => f.ruleId), [VAGUE_TIME]);
    });

    it('reports a custom fix or phrase replacement that is not text instead of crashing on the first match', () => {
      const noTitle = { ...utilizeRule(), fix: { kind: 'replace', safe: true } };
      box.write('.fulcrumrc.json', config({ customRules: [noTitle], phrases: { [VAGUE_TIME]: [{ text: 'by and by', replacement: 5 }] } }));
      box.write('a.md', `We utilize it.\n${SOON}Ana will send it by and by.\n`);
      const run = box.run(['check', '--format', 'json', 'a.md']);
      assert.doesNotMatch(run.stderr, /internal error/);
      assert.match(run.stderr, /customRules\[0\]: "fix\.title" must be a string/);
      assert.match(run.stderr, /phrases\.expectations\/vague-time: must be a list of phrases/);
      assert.deepEqual(json(run).files[0].findings.map((f) => f.ruleId), [VAGUE_TIME]);
    });

    it('honours inline suppression comments', () => {
      box.write(
        'a.md',
        [
          '<!-- fulcrum-disable-next-line expectations/vague-time -->',
          'Marco will share the plan soon.',
          'Ana will send the budget soon.',
          '<!-- fulcrum-disable -->',
          'Bo will do it soon.',
          '<!-- fulcrum-enable -->',
          'Cy will do it eventually.',
          '',
        ].join('\n'),
      );
      const findings = json(box.run(['check', '--format', 'json', 'a.md'])).files[0].findings;
      assert.deepEqual(findings.map((f) => f.range.start.line), [3, 7]);
    });
  });

  /* ---------- score ---------- */

  describe('score', () => {
    beforeEach(() => {
      box.write('weak.md', `${SOON}Ana will send the budget eventually.\n`);
      box.write('clean.md', CLEAN);
    });

    it('table: score, profile, balance, file and top gaps per document, then the mean', () => {
      const run = box.run(['score', 'clean.md', 'weak.md']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.match(lines[0], /^Score {2}Profile\s+Balance {2}File\s+Top gaps$/);
      assert.match(lines[1], /^\s*\d+ {2}review(?: \(guessed\))?\s+[+-]\d\.\d\d\s+clean\.md\s+—$/);
      assert.match(lines[2], /^\s*\d+ {2}(?:review|one-on-one)(?: \(guessed\))?\s+[+-]\d\.\d\d\s+weak\.md\s+expectations\/vague-time ×2$/);
      assert.ok(Number(lines[1].trim().split(' ')[0]) > Number(lines[2].trim().split(' ')[0]), 'findings cost points');
      assert.match(run.stdout, /2 documents, mean score \d+/);
    });

    it('json: { version, files: [{ path, profile, score, findings }] }', () => {
      const out = json<{ version: string; files: Array<{ path: string; profile: string; score: { overall: number; categories: Record<string, number> }; findings: number }> }>(
        box.run(['score', '--format', 'json', 'clean.md', 'weak.md']),
      );
      assert.equal(out.version, VERSION);
      assert.deepEqual(out.files.map((f) => [f.path, f.findings]), [
        ['clean.md', 0],
        ['weak.md', 2],
      ]);
      assert.ok(out.files[1].score.overall < out.files[0].score.overall);
      assert.equal(out.files[0].score.categories.expectations, 100);
      assert.ok(out.files[1].score.categories.expectations < 100);
    });

    it('csv: a header and one row per document, quoted and safe from spreadsheet formulas', () => {
      box.write('=SUM(A1),x.md', SOON);
      const run = box.run(['score', '--format', 'csv', 'clean.md', '=SUM(A1),x.md']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0], /^path,profile,overall,expectations,/);
      assert.match(lines[1], /^clean\.md,review,\d+,100,/);
      assert.match(lines[2], /^"'=SUM\(A1\),x\.md",review,\d+,/);
      assert.equal(lines[0].split(',').length, lines[1].split(',').length);
    });

    it('html: a stand-alone report that escapes file names and messages', () => {
      box.write('.fulcrumrc.json', config({ customRules: [utilizeRule('<script>alert("m")</script> {match}')] }));
      box.write('x<script>alert(1)<.md', `We utilize it. ${SOON}`);
      const run = box.run(['score', '--format', 'html', 'x<script>alert(1)<.md']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^<!DOCTYPE html>/);
      assert.doesNotMatch(run.stdout, /<script/i);
      assert.ok(run.stdout.includes('x&lt;script&gt;alert(1)&lt;.md'), 'the file name is shown, escaped');
      assert.ok(run.stdout.includes('&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt; utilize'), 'the message is shown, escaped');
    });

    it('--min-score exits 1 and names the documents below it', () => {
      const weakScore = json<{ files: Array<{ score: { overall: number } }> }>(box.run(['score', '--format', 'json', 'weak.md'])).files[0].score.overall;
      const below = box.run(['score', '--min-score', String(weakScore + 1), 'clean.md', 'weak.md']);
      assert.equal(below.status, 1);
      assert.match(below.stderr, new RegExp(`1 document scored below ${weakScore + 1}: weak\\.md \\(${weakScore}\\)`));
      assert.equal(box.run(['score', '--min-score', String(weakScore), 'clean.md', 'weak.md']).status, 0);
      assert.equal(box.run(['score', '--min-score', '-5', 'weak.md']).status, 2);
    });

    it('refuses an unknown format', () => {
      const run = box.run(['score', '--format', 'sarif', 'weak.md']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--format for score must be one of table, json, csv, html/);
    });
  });

  /* ---------- rules, explain and the basics ---------- */

  describe('rules and explain', () => {
    it('rules lists every rule', () => {
      const run = box.run(['rules']);
      assert.equal(run.status, 0);
      for (const rule of builtinRules) assert.match(run.stdout, new RegExp(`^${rule.id.replace('/', '\\/')} `, 'm'));
      assert.match(run.stdout, new RegExp(`^${builtinRules.length} rules\\.`, 'm'));
      const listed = json<Array<{ id: string }>>(box.run(['rules', '--format', 'json']));
      assert.deepEqual(listed.map((r) => r.id).sort(), builtinRules.map((r) => r.id).sort());
    });

    it('explain prints the rationale, sources and examples of a rule', () => {
      const rule = builtinRules.find((r) => r.id === VAGUE_TIME)!;
      const run = box.run(['explain', VAGUE_TIME]);
      assert.equal(run.status, 0);
      assert.ok(run.stdout.startsWith(`${VAGUE_TIME}: ${rule.title}`));
      assert.ok(run.stdout.includes(rule.rationale));
      for (const seed of rule.sources.seeds) assert.ok(run.stdout.includes(seed.quote), seed.quote);
      for (const example of rule.examples.invalid) assert.ok(run.stdout.includes(`✗ ${example.text}`));
      for (const example of rule.examples.valid) assert.ok(run.stdout.includes(`✓ ${example.text}`));
      assert.match(run.stdout, /fulcrum-disable expectations\/vague-time/);
    });

    it('rules and explain show each rule\'s measured precision', () => {
      assert.match(box.run(['rules']).stdout, /^Rule +Severity +Scope +Profiles +Fix +Blind +Real +Title/m);
      assert.match(box.run(['explain', VAGUE_TIME]).stdout, /How often it is right:\n {2}Blind test set: \d+% precision/);
      const listed = json<Array<{ id: string; measured?: { summary: string[] } }>>(box.run(['rules', '--format', 'json']));
      assert.ok(listed.every((r) => r.measured && r.measured.summary.length > 0), 'every rule has its figures');
    });

    it('feedback export turns dismissed findings into valid examples per rule, and reports bad entries', () => {
      const dismissed = { ruleId: VAGUE_TIME, text: 'soon', sentence: 'The results will come soon, the vendor says.', profile: 'review', at: '2026-12-01T09:00:00.000Z' };
      box.write('dismissals.json', JSON.stringify({ dismissals: [dismissed, dismissed, { ruleId: 'x' }] }));
      const run = box.run(['feedback', 'export', 'dismissals.json', 'missing.json']);
      assert.equal(run.status, 2);
      assert.deepEqual(json<{ rules: Record<string, { valid: Array<{ text: string }> }> }>(run).rules, {
        [VAGUE_TIME]: { valid: [{ text: dismissed.sentence, profile: 'review', note: '"soon" dismissed as not an issue on 2026-12-01' }] },
      });
      assert.deepEqual(errorLines(run), ['fulcrum: dismissals.json[2]: missing text, sentence, profile, at', 'fulcrum: missing.json: no such file']);
      assert.equal(box.run(['feedback', 'export']).status, 2);
    });

    it('explain exits 2 for an unknown rule or a missing id', () => {
      const nope = box.run(['explain', 'nope']);
      assert.equal(nope.status, 2);
      assert.equal(nope.stdout, '');
      assert.match(nope.stderr, /no rule "nope"/);
      assert.equal(box.run(['explain']).status, 2);
    });

    it('--help and -h print the usage and exit 0; no command prints it and exits 2', () => {
      for (const flag of ['--help', '-h']) {
        const run = box.run([flag]);
        assert.equal(run.status, 0);
        assert.match(run.stdout, /Usage:\n {2}fulcrum check/);
      }
      const bare = box.run([]);
      assert.equal(bare.status, 2);
      assert.match(bare.stdout, /Usage:/);
    });

    it('--version and -v print the version', () => {
      for (const flag of ['--version', '-v']) {
        const run = box.run([flag]);
        assert.equal(run.status, 0);
        assert.equal(run.stdout.trim(), VERSION);
      }
    });

    it('an unknown command or option exits 2', () => {
      const command = box.run(['lint', 'a.md']);
      assert.equal(command.status, 2);
      assert.match(command.stderr, /unknown command "lint"/);
      const option = box.run(['check', '--frobnicate', 'a.md']);
      assert.equal(option.status, 2);
      assert.match(option.stderr, /^fulcrum: .*frobnicate/);
    });
  });
});

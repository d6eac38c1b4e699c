import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';
import { ensureDebianPackage } from './lsp/debian.js';

/** A command's outcome, output joined as a person would read it in a terminal. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; output: string; stdout: string } {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

const git = (cwd: string, ...args: string[]) => {
  const result = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], cwd);
  assert.equal(result.status, 0, result.output);
  return result.stdout.trim();
};

/**
 * This work tree as a repository of its own (what git would commit now, uncommitted changes
 * included): the hook and the action are installed from it as pre-commit and GitHub would
 * install them from a clone.
 */
function snapshotOfThisRepository(into: string): { path: string; rev: string } {
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(into, file));
  }
  git(into, 'init', '-q');
  git(into, 'add', '-A');
  git(into, 'commit', '-qm', 'snapshot');
  return { path: into, rev: git(into, 'rev-parse', 'HEAD') };
}

/** A team's repository with a weak and a strong review, committed. */
function sampleRepository(into: string): string {
  mkdirSync(join(into, 'docs'), { recursive: true });
  for (const name of ['review-weak.md', 'review-strong.md']) copyFileSync(join(ROOT, 'examples', name), join(into, 'docs', name));
  git(into, 'init', '-q');
  git(into, 'add', '-A');
  git(into, 'commit', '-qm', 'reviews');
  return into;
}

describe('Pipelines: the GitHub Action and the pre-commit hooks, on a sample repository', function () {
  // Each installs Fulcrum from scratch (npm ci / npm install with empty caches on a fresh machine).
  this.timeout(15 * 60_000);
  let scratch: string;
  let snapshot: { path: string; rev: string };

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fulcrum-pipelines-'));
    snapshot = snapshotOfThisRepository(join(scratch, 'fulcrum'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('action.yml', () => {
    interface Step {
      name?: string;
      id?: string;
      shell?: string;
      run?: string;
      uses?: string;
      env?: Record<string, string>;
    }
    interface Action {
      inputs: Record<string, { description: string; default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: Step[] };
    }
    const action = () => parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
    let workspace: string;

    /**
     * Runs the action's steps the way a runner does (bash -eo pipefail, inputs resolved in each
     * step's env, GITHUB_* files), in `workspace`. Returns the last step's outcome and the files.
     */
    function runAction(inputs: Record<string, string>) {
      const spec = action();
      const values = Object.fromEntries(Object.entries(spec.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
      const files = mkdtempSync(join(scratch, 'runner-'));
      const github = { GITHUB_ACTION_PATH: snapshot.path, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: join(files, 'output'), GITHUB_STEP_SUMMARY: join(files, 'summary') };
      for (const file of [github.GITHUB_OUTPUT, github.GITHUB_STEP_SUMMARY]) writeFileSync(file, '');
      let last = { status: 0 as number | null, output: '', stdout: '' };
      for (const step of spec.runs.steps) {
        assert.ok(step.run && step.shell === 'bash', `step ${step.name} runs bash (no other actions, so nothing here is untested)`);
        if (step.name === 'Install Fulcrum' && existsSync(join(snapshot.path, 'dist', 'cli.js'))) continue; // installed by the first run
        const env: NodeJS.ProcessEnv = { ...process.env, ...github, CI: 'true' };
        for (const [key, value] of Object.entries(step.env ?? {})) {
          env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
            assert.ok(name in values, `step ${step.name} uses an undeclared input ${name}`);
            return values[name];
          });
          assert.doesNotMatch(env[key]!, /\$\{\{/, `only inputs are resolved here: ${value}`);
        }
        last = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], workspace, env);
        if (last.status !== 0) break;
      }
      return { ...last, outputs: readFileSync(github.GITHUB_OUTPUT, 'utf8'), summary: readFileSync(github.GITHUB_STEP_SUMMARY, 'utf8') };
    }

    before(() => {
      workspace = sampleRepository(join(scratch, 'team-repo-action'));
    });

    it('is a composite action whose inputs reach its commands only as environment variables', () => {
      const spec = action();
      assert.equal(spec.runs.using, 'composite');
      assert.deepEqual(Object.keys(spec.inputs).sort(), ['config', 'max-warnings', 'min-score', 'paths', 'profile', 'sarif-file']);
      for (const step of spec.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step ${step.name}: an expression in a command line is a script injection`);
      assert.equal(spec.outputs['sarif-file'].value, '${{ steps.check.outputs.sarif-file }}');
      assert.ok(spec.runs.steps.some((s) => s.id === 'check'));
    });

    it('installs Fulcrum, annotates the findings, writes SARIF and the scores, and passes on warnings alone', () => {
      const result = runAction({ paths: 'docs', 'sarif-file': 'fulcrum.sarif' });
      assert.equal(result.status, 0, result.output);
      const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
      assert.ok(annotations.length > 20, result.output);
      assert.ok(annotations.every((a) => a.startsWith('::warning file=docs/review-weak.md,') || a.startsWith('::notice file=docs/review-weak.md,')), annotations.join('\n'));
      assert.match(result.outputs, /^sarif-file=fulcrum\.sarif$/m);
      const sarif = JSON.parse(readFileSync(join(workspace, 'fulcrum.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].results.length, annotations.length, 'the SARIF holds the same findings as the annotations');
      assert.match(result.summary, /### Fulcrum scores/);
      assert.match(result.summary, /100 +review .*docs\/review-strong\.md/);
    });

    it('fails on more warnings than max-warnings, and on a score below min-score', () => {
      const warnings = runAction({ paths: 'docs', 'max-warnings': '0' });
      assert.equal(warnings.status, 1);
      assert.match(warnings.output, /more than --max-warnings 0/);
      const score = runAction({ paths: 'docs', 'min-score': '60' });
      assert.equal(score.status, 1);
      // The weak review is named with its score, whatever it is below the bar.
      const weakScore = Number(/docs\/review-weak\.md \((\d+)\)/.exec(score.output)?.[1] ?? NaN);
      assert.ok(weakScore < 60, score.output);
      const strong = runAction({ paths: 'docs/review-strong.md', 'min-score': '90', 'max-warnings': '0' });
      assert.equal(strong.status, 0, strong.output);
    });
  });

  describe('.pre-commit-hooks.yaml, with Debian’s pre-commit', () => {
    let repo: string;
    let env: NodeJS.ProcessEnv;

    before(() => {
      ensureDebianPackage('/usr/bin/pre-commit', 'pre-commit');
      repo = sampleRepository(join(scratch, 'team-repo-hooks'));
      // pre-commit's own cache, empty: it clones the hook repository and installs it with npm.
      env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
      const config = { repos: [{ repo: snapshot.path, rev: snapshot.rev, hooks: [{ id: 'fulcrum' }, { id: 'fulcrum-score' }] }] };
      writeFileSync(join(repo, '.pre-commit-config.yaml'), JSON.stringify(config, null, 2));
      git(repo, 'add', '.pre-commit-config.yaml');
      git(repo, 'commit', '-qm', 'pre-commit config');
    });

    it('declares the hooks for Markdown and text files', () => {
      const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;
      assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language]), [
        ['fulcrum', 'fulcrum check', 'node'],
        ['fulcrum-score', 'fulcrum score', 'node'],
      ]);
      for (const hook of hooks) {
        const files = new RegExp(hook.files);
        assert.deepEqual(['a.md', 'b.markdown', 'notes.txt', 'LICENSE', 'main.rs'].map((f) => files.test(f)), [true, true, true, false, false]);
      }
    });

    it('passes on the strong review and fails on the weak one, naming the findings', () => {
      const strong = run('pre-commit', ['run', '--files', 'docs/review-strong.md'], repo, env);
      assert.equal(strong.status, 0, strong.output);
      assert.match(strong.output, /Fulcrum \(reviews, 1:1 notes, announcements\)\.+Passed/);
      assert.match(strong.output, /Fulcrum score\.+Passed/);
      const weak = run('pre-commit', ['run', '--files', 'docs/review-weak.md'], repo, env);
      assert.equal(weak.status, 1, weak.output);
      assert.match(weak.output, /Fulcrum \(reviews, 1:1 notes, announcements\)\.+Failed/);
      assert.match(weak.output, /feedback\/vague-praise/);
      assert.match(weak.output, /more than --max-warnings 0/);
      assert.match(weak.output, /Fulcrum score\.+Failed/);
      const weakScore = Number(/scored below 60: docs\/review-weak\.md \((\d+)\)/.exec(weak.output)?.[1] ?? NaN);
      assert.ok(weakScore < 60, weak.output);
    });

    it('stops a commit that adds a weak review once installed as the git hook', () => {
      const install = run('pre-commit', ['install'], repo, env);
      assert.equal(install.status, 0, install.output);
      writeFileSync(join(repo, 'docs', 'notes.md'), readFileSync(join(ROOT, 'examples', 'one-on-one-weak.md'), 'utf8'));
      git(repo, 'add', 'docs/notes.md');
      const refused = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'weak notes'], repo, env);
      assert.notEqual(refused.status, 0, refused.output);
      writeFileSync(join(repo, 'docs', 'notes.md'), readFileSync(join(ROOT, 'examples', 'one-on-one-strong.md'), 'utf8'));
      git(repo, 'add', 'docs/notes.md');
      const committed = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'strong notes'], repo, env);
      assert.equal(committed.status, 0, committed.output);
    });
  });
});

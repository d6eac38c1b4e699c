import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import type { ProfileSetting, RuleSpec } from '../core/index.js';
import { BudgetedLinter } from './budget.js';
import { runLintJob, type LintJob, type LintJobResult } from './lintJob.js';
import { CHECK_FORMATS, checkOutput, type CheckFormat, type FileReport } from './checkFormats.js';
import { ConfigResolver, readConfigFile } from './config.js';
import { decodeDocument, displayPath, expandInputs, InputError, readDocument, readRegularFile, writeDocument } from './files.js';
import { explainRule, listRules } from './ruleCommands.js';
import { printable } from './terminal.js';
import { parseDismissals, testCasesFrom, type Dismissal } from '../core/dismissals.js';
import { formatScoreCsv, formatScoreHtml, formatScoreJson, formatScoreTable, SCORE_FORMATS, type ScoreFormat } from './scoreFormats.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
const PROFILE_SETTINGS = ['auto', 'review', 'one-on-one', 'announcement'];
/** Seconds one document may take (fixes included) before it is given up: the largest document read (2 MB) takes ~5 s. */
const DEFAULT_TIME_BUDGET_S = 60;
/** From this length on, a document is linted in the budgeted worker even with built-in rules only (~0.2 s of linting). */
const ALWAYS_BUDGETED_CHARS = 64 * 1024;

const HELP = `Fulcrum ${pkg.version}: checks reviews, 1:1 notes and announcements for the gaps that let a team down.

Usage:
  fulcrum check [paths | globs | -] [options]   findings, inline and for the whole document
  fulcrum score [paths | globs | -] [options]   a 0-100 score per document
  fulcrum rules [--format table|json]           the rules
  fulcrum explain <rule-id>                     what a rule checks, why, and examples
  fulcrum feedback export <files>               findings dismissed as "Not an issue" (exported
                                                from VS Code or the browser) as test cases
  fulcrum lsp --stdio                           a language server for editors (LSP over stdio)

Paths may be files, folders (searched for .md, .markdown and .txt) or globs; - reads standard input.

Options for check:
  --format stylish|json|sarif|github   output format (default: stylish)
  --fix                                apply safe fixes to the files (with -, print the fixed text)
  --max-warnings N                     exit 1 when there are more than N warnings
Options for score:
  --format table|json|csv|html         output format (default: table)
  --min-score N                        exit 1 when any document scores below N
Common options:
  --profile auto|review|one-on-one|announcement   document kind (default: auto-detect)
  --config FILE                        use this config instead of .fulcrumrc.json lookup
  --stdin-filename NAME                name (and folder, for config lookup) of standard input
  --time-budget SECONDS                give up a document that takes longer (default ${DEFAULT_TIME_BUDGET_S}; 0: no limit)
  --no-color, -h/--help, -v/--version

Exit codes: 0 clean, 1 error-level findings or a threshold missed, 2 usage or input errors.`;

class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes text exactly as given (no newline added): the fixed document of `check --fix -`. */
  stdoutRaw: (text: string) => void;
  readStdin: () => Uint8Array;
  cwd: string;
  color: boolean;
}

interface Checked {
  /** Inputs that could not be read (missing, binary, not UTF-8) or written back with fixes. */
  unreadable: number;
  /** Unreadable inputs plus config problems: any of them makes the exit code 2. */
  inputErrors: number;
  customRules: RuleSpec[];
}

function parseNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number of 0 or more, got "${value}"`);
  return n;
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--time-budget needs a number of seconds (0 for no limit), got "${value}"`);
  return n;
}

/** Lints every input, handing each file's report to `onReport` as soon as it is done. */
function lintAll(inputs: string[], values: Record<string, unknown>, io: Io, fix: boolean, onReport: (report: FileReport) => void): Checked {
  const explicitConfig = values.config as string | undefined;
  const resolver = new ConfigResolver(explicitConfig, io.cwd);
  const profile = values.profile as ProfileSetting | undefined;
  const budgetS = parseSeconds(values['time-budget'] as string | undefined) ?? DEFAULT_TIME_BUDGET_S;
  const budgeted = budgetS > 0 ? new BudgetedLinter(new URL('./cli-worker.js', import.meta.url), { explicitConfig, cwd: io.cwd }, budgetS * 1000) : null;
  let unreadable = 0;
  let configProblems = 0;
  const fail = (name: string, reason: string) => {
    io.stderr(`fulcrum: ${printable(name)}: ${reason}`);
    unreadable++;
  };

  /**
   * Lints (and fixes) one document within the budget; null, with the reason on stderr, when it
   * ran out. The built-in rules run in linear time (test/growth.test.ts), so a short document with
   * no custom rules is checked right here: a worker costs ~0.6 s to start, more than such a
   * document takes. Custom rules are the config author's regular expressions: always budgeted.
   */
  const check = (name: string, job: LintJob): LintJobResult | null => {
    const { config } = resolver.forDocument(job.path);
    const mayRunLong = job.text.length >= ALWAYS_BUDGETED_CHARS || (config.customRules?.length ?? 0) > 0;
    if (!budgeted || !mayRunLong) return runLintJob(resolver, job);
    const answer = budgeted.lint(job);
    if ('ok' in answer) return answer.ok;
    fail(name, `not checked: it took longer than ${budgetS} s (--time-budget)${fix ? ', so nothing in it was fixed' : ''}; the other files are still checked`);
    return null;
  };

  const usesStdin = inputs.includes('-');
  const { files, errors } = expandInputs(inputs.filter((i) => i !== '-'), io.cwd);
  for (const e of errors) fail(e.input, e.reason);

  try {
    if (usesStdin) {
      const name = (values['stdin-filename'] as string | undefined) ?? '<stdin>';
      const path = resolve(io.cwd, values['stdin-filename'] ? name : 'stdin.md');
      try {
        const { text, hadBom } = decodeDocument(io.readStdin());
        const done = check(name, { path, text, fix, profile });
        // Byte for byte what came in, but fixed: an editor piping a buffer through gets it back unchanged around the fixes.
        if (fix) io.stdoutRaw((hadBom ? '\uFEFF' : '') + (done?.fixed ?? text));
        if (done) onReport({ path: name, result: done.result });
      } catch (error) {
        if (error instanceof InputError) fail(name, error.message);
        else throw error;
      }
    }

    for (const file of files) {
      const name = displayPath(file, io.cwd);
      try {
        const { text, hadBom } = readDocument(file);
        const done = check(name, { path: file, text, fix, profile });
        if (!done) continue;
        if (fix && done.fixed !== text) writeDocument(file, done.fixed, hadBom);
        onReport({ path: name, result: done.result });
      } catch (error) {
        if (error instanceof InputError) fail(name, error.message);
        else throw error;
      }
    }
  } finally {
    budgeted?.stop();
  }

  for (const loaded of resolver.loaded()) {
    for (const problem of loaded.problems) {
      io.stderr(`fulcrum: config ${problem} (using the defaults for this setting)`);
      configProblems++;
    }
  }
  const customRules = resolver.loaded().flatMap((l) => l.config.customRules ?? []);
  return { unreadable, inputErrors: unreadable + configProblems, customRules };
}

function runCheck(inputs: string[], values: Record<string, unknown>, io: Io): number {
  const format = (values.format as string | undefined) ?? 'stylish';
  if (!CHECK_FORMATS.includes(format as CheckFormat)) throw new UsageError(`--format for check must be one of ${CHECK_FORMATS.join(', ')}`);
  const maxWarnings = parseNumber(values['max-warnings'] as string | undefined, 'max-warnings');
  const fix = Boolean(values.fix);
  if (fix && inputs.includes('-') && inputs.length > 1) throw new UsageError('--fix with - cannot be combined with file paths');
  // With `--fix -` the fixed text goes to standard output, so the report goes to standard error.
  const write = fix && inputs.includes('-') ? io.stderr : io.stdout;
  const output = checkOutput(format as CheckFormat, write, { color: io.color, version: pkg.version });
  const counts = { error: 0, warning: 0, info: 0 };
  const checked = lintAll(inputs, values, io, fix, (report) => {
    for (const f of report.result.findings) counts[f.severity]++;
    output.add(report);
  });
  output.end(checked);

  const { inputErrors } = checked;
  const { error: errors, warning: warnings } = counts;
  if (inputErrors > 0) return EXIT.usage;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`fulcrum: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function runScore(inputs: string[], values: Record<string, unknown>, io: Io): number {
  const format = (values.format as string | undefined) ?? 'table';
  if (!SCORE_FORMATS.includes(format as ScoreFormat)) throw new UsageError(`--format for score must be one of ${SCORE_FORMATS.join(', ')}`);
  const minScore = parseNumber(values['min-score'] as string | undefined, 'min-score');
  const reports: FileReport[] = [];
  const { inputErrors } = lintAll(inputs, values, io, false, (report) => reports.push(report));
  const output =
    format === 'json'
      ? formatScoreJson(reports, pkg.version)
      : format === 'csv'
        ? formatScoreCsv(reports)
        : format === 'html'
          ? formatScoreHtml(reports)
          : formatScoreTable(reports, io.color);
  io.stdout(output);
  if (inputErrors > 0) return EXIT.usage;
  if (minScore !== undefined) {
    const below = reports.filter((r) => r.result.score.overall < minScore);
    if (below.length) {
      io.stderr(`fulcrum: ${below.length} document${below.length === 1 ? '' : 's'} scored below ${minScore}: ${below.map((r) => `${printable(r.path)} (${r.result.score.overall})`).join(', ')}`);
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}

export function run(argv: string[], io: Io): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        profile: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'stdin-filename': { type: 'string' },
        'time-budget': { type: 'string' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'min-score': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.version) {
      io.stdout(pkg.version);
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      io.stdout(HELP);
      return command || values.help ? EXIT.ok : EXIT.usage;
    }
    if (values['no-color']) io.color = false;
    if (values.profile !== undefined && !PROFILE_SETTINGS.includes(values.profile)) {
      throw new UsageError(`--profile must be one of ${PROFILE_SETTINGS.join(', ')}`);
    }
    if (values.config !== undefined) {
      try {
        readConfigFile(resolve(io.cwd, values.config));
      } catch (error) {
        throw new UsageError(`--config ${values.config}: cannot read this file (${(error as Error).message})`);
      }
      values.config = resolve(io.cwd, values.config);
    }
    switch (command) {
      case 'check':
      case 'score': {
        if (rest.length === 0) throw new UsageError(`fulcrum ${command} needs files, folders, globs or - for standard input`);
        return command === 'check' ? runCheck(rest, values, io) : runScore(rest, values, io);
      }
      case 'rules':
        io.stdout(listRules((values.format as string | undefined) ?? 'table'));
        return EXIT.ok;
      case 'explain': {
        if (rest.length !== 1) throw new UsageError('fulcrum explain needs one rule id, e.g. fulcrum explain expectations/vague-time');
        const text = explainRule(rest[0]);
        if (!text) throw new UsageError(`no rule "${rest[0]}"; run fulcrum rules to list them`);
        io.stdout(text);
        return EXIT.ok;
      }
      case 'feedback': {
        if (rest[0] !== 'export' || rest.length < 2) throw new UsageError('fulcrum feedback export needs the dismissal files the editor or the browser exported');
        return exportFeedback(rest.slice(1), io);
      }
      default:
        throw new UsageError(`unknown command "${command}"; run fulcrum --help`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`fulcrum: ${(error as Error).message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * `fulcrum feedback export FILE…`: the dismissals in the files, as valid examples per rule on
 * standard output. A file that cannot be read, or an entry that is not a dismissal, is reported
 * (exit 2); everything valid is still exported.
 */
function exportFeedback(files: string[], io: Io): number {
  const dismissals: Dismissal[] = [];
  let problems = 0;
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readRegularFile(resolve(io.cwd, file)).toString('utf8'));
    } catch (error) {
      io.stderr(`fulcrum: ${printable(file)}: ${error instanceof InputError ? error.message : `not a dismissal file (${(error as Error).message})`}`);
      problems++;
      continue;
    }
    const parsed = parseDismissals(json);
    for (const problem of parsed.problems) io.stderr(`fulcrum: ${printable(file)}${problem.startsWith('[') ? '' : ': '}${problem}`);
    problems += parsed.problems.length;
    dismissals.push(...parsed.dismissals);
  }
  io.stdout(JSON.stringify(testCasesFrom(dismissals), null, 2));
  return problems > 0 ? EXIT.usage : EXIT.ok;
}

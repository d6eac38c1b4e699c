import { builtinRules, profileLabel, type Finding, type LintResult, type RuleSpec, type Severity } from '../core/index.js';
import { docsUrlFor } from '../core/index.js';
import { paint, printable } from './terminal.js';

/** One linted file, as every output format sees it. */
export interface FileReport {
  path: string;
  result: LintResult;
}

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A check's output, written file by file as each is linted, so a run over thousands of files
 * keeps no results in memory. `write` prints one line (or several joined by "\n").
 */
export interface CheckOutput {
  add(report: FileReport): void;
  end(run: RunSummary): void;
}

/** What is known once every input was tried. */
export interface RunSummary {
  /** Inputs that were named but could not be read or fixed. */
  unreadable: number;
  /** Custom rules met in the run, for SARIF's list of rules. */
  customRules: RuleSpec[];
}

export interface OutputOptions {
  color: boolean;
  version: string;
}

export function checkOutput(format: CheckFormat, write: (text: string) => void, options: OutputOptions): CheckOutput {
  switch (format) {
    case 'stylish':
      return stylishOutput(write, options.color);
    case 'json':
      return jsonOutput(write, options.version);
    case 'github':
      return { add: (report) => githubLines(report).forEach((line) => write(line)), end: () => {} };
    case 'sarif':
      return sarifOutput(write, options.version);
  }
}

/** ESLint's "stylish": each file's findings under its name, then one summary line that never says "no problems" about an input it could not read. */
function stylishOutput(write: (text: string) => void, color: boolean): CheckOutput {
  const totals = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let printedAny = false;
  return {
    add({ path, result }) {
      files++;
      if (result.findings.length === 0) return;
      if (printedAny) write('');
      printedAny = true;
      write(`${paint(printable(path), 'underline', color)}  ${paint(`(${profileLabel(result)}, score ${result.score.overall})`, 'dim', color)}`);
      // A document-level finding is about the whole text: "document", never "1:1", which reads as "one-on-one".
      const place = (f: Finding) => (f.scope === 'document' ? 'document' : `${f.range.start.line}:${f.range.start.column}`);
      const width = Math.max(...result.findings.map((f) => place(f).length));
      for (const f of result.findings) {
        totals[f.severity]++;
        const where = place(f).padEnd(width);
        const fixable = f.fixes.some((x) => x.safe) ? paint(' (fixable)', 'dim', color) : '';
        write(`  ${paint(where, 'dim', color)}  ${paint(f.severity.padEnd(7), SEVERITY_COLOR[f.severity], color)}  ${printable(f.message)}${fixable}  ${paint(f.ruleId, 'dim', color)}`);
      }
    },
    end({ unreadable }) {
      const problems = totals.error + totals.warning + totals.info;
      const unread = unreadable ? `; ${plural(unreadable, 'input')} could not be checked` : '';
      if (problems === 0) {
        write(paint(`${unreadable ? '✖' : '✔'} ${plural(files, 'file')} checked, no problems${unread}`, unreadable ? 'red' : 'green', color));
        return;
      }
      write('');
      write(paint(`✖ ${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} info) in ${plural(files, 'file')}${unread}`, totals.error || unreadable ? 'red' : 'yellow', color));
    },
  };
}

/**
 * The same text as JSON.stringify({ version, files }, null, 2), written a file at a time: each
 * file is held back until the next one comes, to put the comma after it.
 */
function jsonOutput(write: (text: string) => void, version: string): CheckOutput {
  let held: string | null = null;
  const indent = (json: string) => json.replace(/^/gm, '    ');
  return {
    add({ path, result }) {
      if (held === null) write(`{\n  "version": ${JSON.stringify(version)},\n  "files": [`);
      else write(`${held},`);
      held = indent(JSON.stringify({ path, profile: result.profile, profileSource: result.profileSource, score: result.score, findings: result.findings }, null, 2));
    },
    end() {
      if (held === null) write(`{\n  "version": ${JSON.stringify(version)},\n  "files": []\n}`);
      else write(`${held}\n  ]\n}`);
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function sarifRule(rule: RuleSpec) {
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    helpUri: docsUrlFor(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { category: rule.category, profiles: rule.profiles, tags: [rule.category] },
  };
}

function sarifResult(f: Finding, uri: string, ruleIndex: number) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: {
            startLine: f.range.start.line,
            startColumn: f.range.start.column,
            endLine: f.range.end.line,
            endColumn: f.range.end.column,
            charOffset: f.range.start.offset,
            charLength: f.range.end.offset - f.range.start.offset,
          },
        },
      },
    ],
    ...(f.fixes.length
      ? {
          fixes: f.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: { uri },
                replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
              },
            ],
          })),
        }
      : {}),
    properties: { category: f.category, scope: f.scope },
  };
}

const toUri = (path: string) => path.split('\\').map(encodeURIComponent).join('/').replace(/%2F/g, '/');

/**
 * One SARIF 2.1.0 log, written a result at a time: the results come first and the artifacts and
 * the tool's rules last (key order means nothing in JSON), because custom rules are known only
 * once every config was read. A custom rule's index is its place after the built-in rules, in
 * the order its first result came.
 */
function sarifOutput(write: (text: string) => void, version: string): CheckOutput {
  const index = new Map(builtinRules.map((r, i) => [r.id, i]));
  const customIds: string[] = [];
  const paths: string[] = [];
  let held: string | null = null;
  const indent = (json: string) => json.replace(/^/gm, '        ');
  const ruleIndex = (id: string) => {
    if (!index.has(id)) {
      index.set(id, builtinRules.length + customIds.length);
      customIds.push(id);
    }
    return index.get(id)!;
  };
  write(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "results": [`);
  return {
    add({ path, result }) {
      paths.push(path);
      for (const f of result.findings) {
        if (held !== null) write(`${held},`);
        held = indent(JSON.stringify(sarifResult(f, toUri(path), ruleIndex(f.ruleId)), null, 2));
      }
    },
    end({ customRules }) {
      if (held !== null) write(held);
      // Custom rules with results keep the indexes their results gave them; the others follow.
      const byId = new Map(customRules.map((r) => [r.id, r]));
      for (const rule of customRules) ruleIndex(rule.id);
      const rules = [...builtinRules, ...customIds.map((id) => byId.get(id)!)];
      const artifacts = paths.map((path) => ({ location: { uri: toUri(path) }, mimeType: path.endsWith('.txt') ? 'text/plain' : 'text/markdown' }));
      const tool = { driver: { name: 'Fulcrum', version, semanticVersion: version, informationUri: 'https://github.com/fulcrum-writing/fulcrum', rules: rules.map(sarifRule) } };
      const rest = (key: string, value: unknown) => `      "${key}": ${JSON.stringify(value, null, 2).replace(/\n/g, '\n      ')}`;
      write(`      ],\n${rest('artifacts', artifacts)},\n${rest('tool', tool)}\n    }\n  ]\n}`);
    },
  };
}

/** GitHub Actions workflow commands; see "Workflow commands for GitHub Actions". */
function escapeData(text: string): string {
  // Line breaks take GitHub's own escapes; every other control character is shown, never sent raw.
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command per finding of a file. */
function githubLines({ path, result }: FileReport): string[] {
  return result.findings.map((f) => {
    const props = [
      `file=${escapeProperty(path)}`,
      `line=${f.range.start.line}`,
      `col=${f.range.start.column}`,
      `endLine=${f.range.end.line}`,
      `endColumn=${f.range.end.column}`,
      `title=${escapeProperty(`Fulcrum ${f.ruleId}`)}`,
    ];
    return `::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
}

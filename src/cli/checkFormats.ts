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

/** `unreadable`: inputs that were named but could not be read or fixed, so the summary never says "no problems" about them. */
export function formatStylish(reports: FileReport[], color: boolean, unreadable = 0): string {
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  for (const { path, result } of reports) {
    if (result.findings.length === 0) continue;
    out.push('', `${paint(printable(path), 'underline', color)}  ${paint(`(${profileLabel(result)}, score ${result.score.overall})`, 'dim', color)}`);
    // A document-level finding is about the whole text: "document", never "1:1", which reads as "one-on-one".
    const place = (f: Finding) => (f.scope === 'document' ? 'document' : `${f.range.start.line}:${f.range.start.column}`);
    const width = Math.max(...result.findings.map((f) => place(f).length));
    for (const f of result.findings) {
      totals[f.severity]++;
      const where = place(f).padEnd(width);
      const fixable = f.fixes.some((x) => x.safe) ? paint(' (fixable)', 'dim', color) : '';
      out.push(`  ${paint(where, 'dim', color)}  ${paint(f.severity.padEnd(7), SEVERITY_COLOR[f.severity], color)}  ${printable(f.message)}${fixable}  ${paint(f.ruleId, 'dim', color)}`);
    }
  }
  const problems = totals.error + totals.warning + totals.info;
  const unread = unreadable ? `; ${plural(unreadable, 'input')} could not be checked` : '';
  if (problems === 0) {
    out.push(paint(`${unreadable ? '✖' : '✔'} ${plural(reports.length, 'file')} checked, no problems${unread}`, unreadable ? 'red' : 'green', color));
  } else {
    out.push(
      '',
      paint(
        `✖ ${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} info) in ${plural(reports.length, 'file')}${unread}`,
        totals.error || unreadable ? 'red' : 'yellow',
        color,
      ),
    );
  }
  return out.join('\n').replace(/^\n/, '');
}

export function formatJson(reports: FileReport[], version: string): string {
  return JSON.stringify(
    {
      version,
      files: reports.map(({ path, result }) => ({ path, profile: result.profile, profileSource: result.profileSource, score: result.score, findings: result.findings })),
    },
    null,
    2,
  );
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

export function formatSarif(reports: FileReport[], version: string, extraRules: RuleSpec[] = []): string {
  const rules = [...builtinRules, ...extraRules.filter((r) => !builtinRules.some((b) => b.id === r.id))];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const toUri = (path: string) => path.split('\\').map(encodeURIComponent).join('/').replace(/%2F/g, '/');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Fulcrum', version, semanticVersion: version, informationUri: 'https://github.com/fulcrum-writing/fulcrum', rules: rules.map(sarifRule) } },
          columnKind: 'utf16CodeUnits',
          artifacts: reports.map(({ path }) => ({ location: { uri: toUri(path) }, mimeType: path.endsWith('.txt') ? 'text/plain' : 'text/markdown' })),
          results: reports.flatMap(({ path, result }) => result.findings.map((f) => sarifResult(f, toUri(path), index.get(f.ruleId) ?? -1))),
        },
      ],
    },
    null,
    2,
  );
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

export function formatGithub(reports: FileReport[]): string {
  return reports
    .flatMap(({ path, result }) =>
      result.findings.map((f) => {
        const props = [
          `file=${escapeProperty(path)}`,
          `line=${f.range.start.line}`,
          `col=${f.range.start.column}`,
          `endLine=${f.range.end.line}`,
          `endColumn=${f.range.end.column}`,
          `title=${escapeProperty(`Fulcrum ${f.ruleId}`)}`,
        ];
        return `::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
      }),
    )
    .join('\n');
}

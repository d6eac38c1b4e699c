/**
 * Pure conversions between Fulcrum's shapes and the editor's, kept free of the `vscode`
 * module so they can be unit-tested in plain Node.
 */
import type { Finding, FulcrumConfig, ProfileSetting, RuleSetting, Severity, TextEdit } from '../core/types.js';

export interface PlainPosition {
  /** 0-based, as VS Code counts. */
  line: number;
  character: number;
}

export interface DiagnosticSpec {
  start: PlainPosition;
  end: PlainPosition;
  severity: Severity;
  message: string;
  ruleId: string;
  docsUrl: string;
  related: string[];
}

/** Fulcrum positions are 1-based line/column; VS Code's are 0-based. */
export function findingToDiagnosticSpec(finding: Finding): DiagnosticSpec {
  return {
    start: { line: finding.range.start.line - 1, character: finding.range.start.column - 1 },
    end: { line: finding.range.end.line - 1, character: finding.range.end.column - 1 },
    severity: finding.severity,
    message: finding.message,
    ruleId: finding.ruleId,
    docsUrl: finding.docsUrl,
    related: finding.sources.map((s) => `Seed ${s.seed.slice(0, 3)}: “${s.quote}”`),
  };
}

const PLACEHOLDER = /\[([a-z][a-z /'’-]*)\]/gi;

/** Turns a fix's text into a snippet: `by [date]` becomes `by ${1:date}` so the user tabs through the gaps. */
export function toSnippet(text: string): { snippet: string; placeholders: number } {
  let index = 0;
  let out = '';
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    out += escapeSnippet(text.slice(last, m.index));
    index++;
    out += `\${${index}:${escapeSnippet(m[1]).replace(/}/g, '\\}')}}`;
    last = m.index + m[0].length;
  }
  out += escapeSnippet(text.slice(last));
  return { snippet: out, placeholders: index };
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export interface EditorSettings {
  enable: boolean;
  languages: string[];
  profile: ProfileSetting;
  rules: Record<string, RuleSetting>;
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, languages: ['markdown', 'plaintext'], profile: 'auto', rules: {}, run: 'onType' };

const RULE_SETTINGS = new Set(['off', 'on', 'info', 'warning', 'error']);
const PROFILE_SETTINGS = new Set(['auto', 'review', 'one-on-one', 'announcement']);

/** Reads the user's settings defensively: a wrong value falls back to its default. */
export function readSettings(get: <T>(key: string) => T | undefined): EditorSettings {
  const languages = get<unknown>('languages');
  const rules = get<unknown>('rules');
  const profile = get<unknown>('profile');
  const run = get<unknown>('run');
  return {
    enable: get<unknown>('enable') !== false,
    languages: Array.isArray(languages) && languages.every((l) => typeof l === 'string') ? languages : DEFAULT_SETTINGS.languages,
    profile: typeof profile === 'string' && PROFILE_SETTINGS.has(profile) ? (profile as ProfileSetting) : 'auto',
    rules:
      rules && typeof rules === 'object' && !Array.isArray(rules)
        ? Object.fromEntries(Object.entries(rules as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && RULE_SETTINGS.has(v))) as Record<string, RuleSetting>
        : {},
    run: run === 'onSave' ? 'onSave' : 'onType',
  };
}

/**
 * The editor's settings win over the workspace's .fulcrumrc.json: a user who switches a
 * rule off in their settings expects it off everywhere.
 */
export function mergeConfig(fileConfig: FulcrumConfig, settings: EditorSettings, trusted: boolean): FulcrumConfig {
  return {
    ...fileConfig,
    profile: settings.profile !== 'auto' ? settings.profile : fileConfig.profile,
    rules: { ...(fileConfig.rules ?? {}), ...settings.rules },
    // Custom rules and phrase lists are input from whoever wrote the repository: only in
    // trusted workspaces (their rewrites are quick fixes, never applied on save, even then).
    customRules: trusted ? fileConfig.customRules : undefined,
    phrases: trusted ? fileConfig.phrases : undefined,
  };
}

/** The line to insert above `line` (0-based) to silence a rule there, in the document's line ending. */
export function disableLineEdit(ruleId: string, line: number, lineText: string, eol: string): { line: number; text: string } {
  const indent = lineText.match(/^[ \t]*/)?.[0] ?? '';
  return { line, text: `${indent}<!-- fulcrum-disable-next-line ${ruleId} -->${eol}` };
}

/** Where a document-wide disable comment goes: after front matter, if any, else at the top. */
export function disableDocumentEdit(ruleId: string, text: string, eol: string): { offset: number; text: string } {
  const frontMatter = text.match(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  return { offset: frontMatter ? frontMatter[0].length : 0, text: `<!-- fulcrum-disable ${ruleId} -->${eol}` };
}

/** Edits from several fixes that can all be applied together (sorted, no overlaps). */
export function compatibleEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    const previous = result.at(-1);
    if (previous && previous.start === e.start && previous.end === e.end) continue;
    result.push(e);
    lastEnd = e.end;
  }
  return result;
}

import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dismissalOf } from '../core/dismissals.js';
import type { Finding, LintResult, TextEdit as FulcrumEdit } from '../core/types.js';
import { CLIENT_COMMANDS } from '../editor/lspProtocol.js';
import { compatibleEdits, disableDocumentEdit, disableLineEdit, toSnippet } from '../editor/convert.js';
import type { ClientFeatures } from './clientFeatures.js';
import { DIAGNOSTIC_SOURCE, findingRange, rangeOf } from './diagnostics.js';

/** Fix-on-save and "Fix All": only safe fixes, which need no human input. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fulcrum`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** LSP kinds are dot-separated hierarchies: "source" contains "source.fixAll.fulcrum". */
function kindContains(parent: string, child: string): boolean {
  return child === parent || child.startsWith(`${parent}.`);
}

type SnippetTextEdit = { range: TextEdit['range']; snippet: { kind: 'snippet'; value: string } };

/** Edits for one document, versioned when the client allows it so a stale action cannot land on a changed text. */
function workspaceEdit(document: TextDocument, edits: Array<TextEdit | SnippetTextEdit>, features: ClientFeatures): WorkspaceEdit {
  if (features.versionedEdits) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: edits as TextEdit[] }] };
  return { changes: { [document.uri]: edits as TextEdit[] } };
}

function textEdits(document: TextDocument, edits: FulcrumEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(document, e.start, e.end), newText: e.text }));
}

function eolOf(document: TextDocument): string {
  return document.getText().match(/\r?\n/)?.[0] ?? '\n';
}

/** The finding behind a diagnostic the client sends back (it holds copies: match by rule and range). */
function findingFor(diagnostic: Diagnostic, findings: readonly Finding[], document: TextDocument): Finding | undefined {
  return findings.find((f) => {
    if (f.ruleId !== diagnostic.code) return false;
    const range = findingRange(document, f);
    return (
      range.start.line === diagnostic.range.start.line &&
      range.start.character === diagnostic.range.start.character &&
      range.end.line === diagnostic.range.end.line &&
      range.end.character === diagnostic.range.end.character
    );
  });
}

/**
 * The code actions for a request: for each Fulcrum diagnostic its rule's fix (preferred; a fix
 * with gaps such as `by [date]` is a snippet when the client takes snippets), then once per rule
 * "fix all" (complete fixes only), "not an issue" and "disable for this line" (inline findings),
 * "disable for this document" and "explain". `source.fixAll.fulcrum` (and its parents
 * "source.fixAll" and "source") applies every safe fix at once. "Not an issue" and "explain" run
 * commands of the client's own, so they are offered only to a client that has them.
 */
export function codeActionsFor(document: TextDocument, result: LintResult, context: CodeActionContext, features: ClientFeatures): CodeAction[] {
  const { findings } = result;
  const only = context.only;
  if (only?.some((kind) => kindContains(kind, FIX_ALL_KIND) || kindContains(FIX_ALL_KIND, kind))) return fixAll(document, findings, features);
  if (only && !only.some((kind) => kindContains(kind, CodeActionKind.QuickFix) || kindContains(CodeActionKind.QuickFix, kind))) return [];

  const actions: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findingFor(diagnostic, findings, document);
    if (!finding) continue;
    if (finding.fixes[0]) actions.push(fixAction(document, finding, diagnostic, features));
    if (seenRules.has(finding.ruleId)) continue;
    seenRules.add(finding.ruleId);
    // Fixes with [placeholders] need the writer, one at a time: "fix all" takes only complete ones.
    const sameRule = findings.filter((f) => f.ruleId === finding.ruleId && f.fixes.length > 0 && f.fixes[0].edits.every((e) => toSnippet(e.text).placeholders === 0));
    if (sameRule.length > 1) {
      actions.push({
        title: `Fix all ${finding.ruleId} in this document (${sameRule.length})`,
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(document, textEdits(document, compatibleEdits(sameRule.flatMap((f) => f.fixes[0].edits))), features),
      });
    }
    if (finding.scope === 'inline') {
      if (features.clientCommands.has(CLIENT_COMMANDS.dismissFinding)) actions.push(notAnIssue(document, finding, diagnostic, result));
      actions.push(disableLine(document, finding, diagnostic, features));
    }
    actions.push(disableDocument(document, finding, features));
    if (features.clientCommands.has(CLIENT_COMMANDS.explainRule)) {
      actions.push({ title: `Explain ${finding.ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Explain ${finding.ruleId}`, command: CLIENT_COMMANDS.explainRule, arguments: [finding.ruleId] } });
    }
  }
  return actions;
}

/** The client remembers the dismissal on the writer's machine, and sends the list back (fulcrum/setDismissals). */
function notAnIssue(document: TextDocument, finding: Finding, diagnostic: Diagnostic, result: LintResult): CodeAction {
  const dismissal = dismissalOf(finding, document.getText(), result.profile);
  return { title: 'Not an issue (remember on this machine)', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Not an issue', command: CLIENT_COMMANDS.dismissFinding, arguments: [dismissal] } };
}

/**
 * The rule's own fix; one edit with [placeholders] becomes tab stops, through the client's own
 * command where it has one (it checks the version and places the cursor), else as a snippet edit.
 */
function fixAction(document: TextDocument, finding: Finding, diagnostic: Diagnostic, features: ClientFeatures): CodeAction {
  const fix = finding.fixes[0];
  const [first] = fix.edits;
  const { snippet, placeholders } = toSnippet(first.text);
  if (features.clientCommands.has(CLIENT_COMMANDS.applySnippetFix) && fix.edits.length === 1 && placeholders > 0) {
    const command = { title: fix.title, command: CLIENT_COMMANDS.applySnippetFix, arguments: [document.uri, first.start, first.end, snippet, document.version] };
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, command };
  }
  const edits =
    features.snippetEdits && fix.edits.length === 1 && placeholders > 0
      ? [{ range: rangeOf(document, first.start, first.end), snippet: { kind: 'snippet' as const, value: snippet } }]
      : textEdits(document, fix.edits);
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(document, edits, features) };
}

function disableLine(document: TextDocument, finding: Finding, diagnostic: Diagnostic, features: ClientFeatures): CodeAction {
  const line = diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const { text } = disableLineEdit(finding.ruleId, line, lineText, eolOf(document));
  const at = { line, character: 0 };
  return { title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [{ range: { start: at, end: at }, newText: text }], features) };
}

function disableDocument(document: TextDocument, finding: Finding, features: ClientFeatures): CodeAction {
  const { offset, text } = disableDocumentEdit(finding.ruleId, document.getText(), eolOf(document));
  return { title: `Disable ${finding.ruleId} for this document`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(document, [{ range: rangeOf(document, offset, offset), newText: text }], features) };
}

function fixAll(document: TextDocument, findings: readonly Finding[], features: ClientFeatures): CodeAction[] {
  const edits = compatibleEdits(findings.flatMap((f) => f.fixes.filter((x) => x.safe).flatMap((x) => x.edits)));
  if (edits.length === 0) return [];
  return [{ title: 'Fix all safe Fulcrum problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, textEdits(document, edits), features) }];
}

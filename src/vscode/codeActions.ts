import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core/types.js';
import type { Analyzer } from './analyzer.js';
import { compatibleEdits, disableDocumentEdit, disableLineEdit, toSnippet } from '../editor/convert.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('fulcrum');
export const APPLY_SNIPPET_COMMAND = 'fulcrum.applySnippetFix';
export const EXPLAIN_COMMAND = 'fulcrum.explainRule';
export const DISMISS_COMMAND = 'fulcrum.dismissFinding';

function rangeOf(document: vscode.TextDocument, edit: TextEdit): vscode.Range {
  return new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
}

function editOf(document: vscode.TextDocument, edits: TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edits) workspaceEdit.replace(document.uri, rangeOf(document, e), e.text);
  return workspaceEdit;
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

/** The finding behind a diagnostic (diagnostics reach providers as copies, so match by rule and range). */
function findingFor(diagnostic: vscode.Diagnostic, findings: Finding[]): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findings.find(
    (f) =>
      f.ruleId === code &&
      f.range.start.line - 1 === diagnostic.range.start.line &&
      f.range.start.column - 1 === diagnostic.range.start.character &&
      f.range.end.line - 1 === diagnostic.range.end.line &&
      f.range.end.column - 1 === diagnostic.range.end.character,
  );
}

export class FulcrumCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly analyzer: Analyzer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.analyzer.current(document);
    if (!analysis) return [];
    const findings = analysis.result.findings;
    // "source.fixAll.fulcrum", and its parents "source.fixAll" and "source" (Fix All, fix on save).
    if (context.only && (FIX_ALL_KIND.contains(context.only) || context.only.contains(FIX_ALL_KIND))) return this.fixAll(document, findings);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];

    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(diagnostic, findings);
      if (!finding) continue;
      const fix = finding.fixes[0];
      if (fix) actions.push(this.fixAction(document, finding, diagnostic));
      if (seenRules.has(finding.ruleId)) continue;
      seenRules.add(finding.ruleId);
      // Fixes with [placeholders] need the writer, one at a time (as snippets): "fix all" takes only complete ones.
      const sameRule = findings.filter((f) => f.ruleId === finding.ruleId && f.fixes.length > 0 && f.fixes[0].edits.every((e) => toSnippet(e.text).placeholders === 0));
      if (sameRule.length > 1) {
        const all = new vscode.CodeAction(`Fix all ${finding.ruleId} in this document (${sameRule.length})`, vscode.CodeActionKind.QuickFix);
        all.edit = editOf(document, compatibleEdits(sameRule.flatMap((f) => f.fixes[0].edits)));
        actions.push(all);
      }
      if (finding.scope === 'inline') {
        const dismiss = new vscode.CodeAction(`Not an issue (remember on this machine)`, vscode.CodeActionKind.QuickFix);
        dismiss.diagnostics = [diagnostic];
        dismiss.command = { command: DISMISS_COMMAND, title: 'Not an issue', arguments: [document.uri, finding.ruleId, finding.range.start.offset, finding.range.end.offset] };
        actions.push(dismiss, this.disableLine(document, finding, diagnostic));
      }
      actions.push(this.disableDocument(document, finding));
      const explain = new vscode.CodeAction(`Explain ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      explain.command = { command: EXPLAIN_COMMAND, title: `Explain ${finding.ruleId}`, arguments: [finding.ruleId] };
      actions.push(explain);
    }
    return actions;
  }

  /** The rule's own fix; a fix with [placeholders] becomes a snippet the user tabs through. */
  private fixAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const fix = finding.fixes[0];
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    const [edit] = fix.edits;
    const { snippet, placeholders } = toSnippet(edit.text);
    if (fix.edits.length === 1 && placeholders > 0) {
      action.command = {
        command: APPLY_SNIPPET_COMMAND,
        title: fix.title,
        arguments: [document.uri, edit.start, edit.end, snippet, document.version],
      };
    } else {
      action.edit = editOf(document, fix.edits);
    }
    return action;
  }

  private disableLine(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const line = diagnostic.range.start.line;
    const { text } = disableLineEdit(finding.ruleId, line, document.lineAt(line).text, eol(document));
    const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(line, 0), text);
    return action;
  }

  private disableDocument(document: vscode.TextDocument, finding: Finding): vscode.CodeAction {
    const { offset, text } = disableDocumentEdit(finding.ruleId, document.getText(), eol(document));
    const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this document`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, document.positionAt(offset), text);
    return action;
  }

  /** source.fixAll.fulcrum (e.g. on save): only safe fixes, which need no human input. */
  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction[] {
    const edits = compatibleEdits(findings.flatMap((f) => f.fixes.filter((x) => x.safe).flatMap((x) => x.edits)));
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all safe Fulcrum problems', FIX_ALL_KIND);
    action.edit = editOf(document, edits);
    return [action];
  }
}

/** Applies a snippet fix if the document has not changed since the fix was computed. */
export async function applySnippetFix(uri: vscode.Uri, start: number, end: number, snippet: string, version: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.version !== version) {
    void vscode.window.showWarningMessage('Fulcrum: the document changed; try the fix again.');
    return;
  }
  const editor = await vscode.window.showTextDocument(document);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  await editor.insertSnippet(new vscode.SnippetString(snippet), range);
}

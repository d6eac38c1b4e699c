import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Dismissal } from '../core/dismissals.js';
import {
  CLIENT_COMMANDS,
  EXPLAIN_RULE_REQUEST,
  LINT_TEXT_REQUEST,
  REPORT_REQUEST,
  RULES_REQUEST,
  SET_DISMISSALS_NOTIFICATION,
  type ExplainRuleReply,
  type LintTextParams,
  type LintTextReply,
  type ReportReply,
  type RuleSummary,
} from '../editor/lspProtocol.js';
import { folderData, reportData, type ReportData } from '../report/reportData.js';
import { formatScoreCsv, type ScoredDocument } from '../report/summary.js';
import type { DismissalStore } from './dismissals.js';
import { DocumentReport, showFolderReport } from './reportPanel.js';
import { isChecked } from './scoreView.js';
import { ask, documentRef } from './serverRequests.js';
import { SCORE_DOCUMENT_COMMAND } from './statusBar.js';

const SCORE_FOLDER_COMMAND = 'fulcrum.scoreFolder';
const EXPORT_DISMISSALS_COMMAND = 'fulcrum.exportDismissals';
const RULE_SCHEME = 'fulcrum-rule';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  client: BaseLanguageClient;
  dismissals: DismissalStore;
}

/** The extension's commands: every one asks the language server, none lints by itself. */
export function registerCommands({ context, client, dismissals }: CommandDeps): vscode.Disposable[] {
  const lintText = (document: vscode.TextDocument) =>
    ask<LintTextReply>(client, LINT_TEXT_REQUEST, { uri: client.code2ProtocolConverter.asUri(document.uri), languageId: document.languageId, text: document.getText() } satisfies LintTextParams);

  /**
   * The report of a document: from the server's current lint when Fulcrum checks it, else from
   * a lint of its text on request (a document in a language Fulcrum leaves alone can still be
   * scored). Over a limit, the writer is told why instead.
   */
  const reportOf = async (document: vscode.TextDocument): Promise<ReportData | undefined> => {
    if (isChecked(document)) {
      const answer = await ask<ReportReply>(client, REPORT_REQUEST, documentRef(client, document));
      if ('reply' in answer) return answer.reply.data;
      if (answer.refusal.reason !== 'notChecked') return void vscode.window.showWarningMessage(answer.refusal.message);
    }
    const answer = await lintText(document);
    if ('refusal' in answer) return void vscode.window.showWarningMessage(`Fulcrum did not check ${vscode.workspace.asRelativePath(document.uri)}: ${answer.refusal.message}`);
    return reportData(vscode.workspace.asRelativePath(document.uri), answer.reply.result, answer.reply.omitted);
  };

  const scoreDocument = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return void vscode.window.showInformationMessage('Fulcrum: open a review, 1:1 notes or an announcement first.');
    const data = await reportOf(document);
    if (data) DocumentReport.show(context.extensionUri, document, data);
  };

  const scoreFolder = async (given?: vscode.Uri) => {
    const folder =
      given ??
      (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Score this folder' }))?.[0];
    if (!folder) return;
    const files = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown,txt}'), '**/{node_modules,.git}/**', 5000)).sort((a, b) => a.path.localeCompare(b.path));
    const scored: ScoredDocument[] = [];
    const skipped: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fulcrum: scoring documents', cancellable: true }, async (progress, token) => {
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${i + 1}/${files.length}`, increment: 100 / files.length });
        const path = uri.path.slice(folder.path.length).replace(/^\//, '');
        const answer = await lintText(await vscode.workspace.openTextDocument(uri));
        // One file over a limit leaves the rest of the folder to score.
        if ('reply' in answer) scored.push({ path, result: answer.reply.result });
        else skipped.push(`${path} (${answer.refusal.message})`);
      }
    });
    if (skipped.length) void vscode.window.showWarningMessage(`Fulcrum left ${skipped.length === 1 ? 'one file' : `${skipped.length} files`} out of the score: ${skipped.join('; ')}.`);
    if (scored.length === 0) return void vscode.window.showInformationMessage('Fulcrum: no Markdown or text files in that folder.');
    const name = folder.path.split('/').pop() || folder.path;
    showFolderReport(context.extensionUri, folder, folderData(name, scored), formatScoreCsv(scored));
  };

  const explainRule = async (ruleId?: string) => {
    let id = ruleId;
    if (!id) {
      const rules = await client.sendRequest<RuleSummary[]>(RULES_REQUEST);
      id = (await vscode.window.showQuickPick(rules.map((r) => ({ label: r.id, description: r.title })), { placeHolder: 'Explain which rule?' }))?.label;
    }
    if (!id) return;
    const uri = vscode.Uri.parse(`${RULE_SCHEME}:/${id}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => vscode.window.showTextDocument(uri));
  };

  const dismissFinding = async (dismissal: Dismissal) => {
    await dismissals.add(dismissal);
    await client.sendNotification(SET_DISMISSALS_NOTIFICATION, { dismissals: await dismissals.all() });
  };

  const exportDismissals = async () => {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? context.globalStorageUri, 'fulcrum-dismissals.json'), filters: { JSON: ['json'] }, saveLabel: 'Export' });
    if (!target) return;
    const count = await dismissals.exportTo(target);
    void vscode.window.showInformationMessage(`Fulcrum: exported ${count} dismissed finding${count === 1 ? '' : 's'}. \`fulcrum feedback export ${target.path.split('/').pop()}\` turns them into test cases.`);
  };

  return [
    vscode.commands.registerCommand(SCORE_DOCUMENT_COMMAND, scoreDocument),
    vscode.commands.registerCommand(SCORE_FOLDER_COMMAND, scoreFolder),
    vscode.commands.registerCommand(CLIENT_COMMANDS.explainRule, explainRule),
    vscode.commands.registerCommand(CLIENT_COMMANDS.applySnippetFix, applySnippetFix),
    vscode.commands.registerCommand(CLIENT_COMMANDS.dismissFinding, dismissFinding),
    vscode.commands.registerCommand(EXPORT_DISMISSALS_COMMAND, exportDismissals),
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
        const { markdown } = await client.sendRequest<ExplainRuleReply>(EXPLAIN_RULE_REQUEST, { ruleId });
        return markdown ?? `No Fulcrum rule ${ruleId}`;
      },
    }),
  ];
}

/**
 * A fix with gaps (`by [date]`) applied as a snippet the writer tabs through, if the document has
 * not changed since the server offered it. `uri` is the server's string for the document.
 */
export async function applySnippetFix(uri: string | vscode.Uri, start: number, end: number, snippet: string, version: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  if (document.version !== version) return void vscode.window.showWarningMessage('Fulcrum: the document changed; try the fix again.');
  const editor = await vscode.window.showTextDocument(document);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  await editor.insertSnippet(new vscode.SnippetString(snippet), range);
}

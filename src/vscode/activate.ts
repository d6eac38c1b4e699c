import * as vscode from 'vscode';
import type { LintResult } from '../core/types.js';
import { builtinRules } from '../generated/builtinRules.js';
import { ruleMarkdown } from '../report/explain.js';
import { formatScoreCsv, type ScoredDocument } from '../report/summary.js';
import { Analyzer, formatOf } from './analyzer.js';
import { APPLY_SNIPPET_COMMAND, applySnippetFix, DISMISS_COMMAND, EXPLAIN_COMMAND, FulcrumCodeActions } from './codeActions.js';
import { dismissalOf } from '../core/dismissals.js';
import { DismissalStore } from './dismissals.js';
import { ConfigFiles } from './configFiles.js';
import { readSettings, type EditorSettings } from '../editor/convert.js';
import { toDiagnostics } from './diagnostics.js';
import { FulcrumHover } from './hover.js';
import { DocumentReport, folderData, showFolderReport } from './reportPanel.js';
import { SCORE_DOCUMENT_COMMAND, ScoreStatusBar } from './statusBar.js';
import { limitKindOf, limitMessage, UncheckedDocuments } from '../host/uncheckedDocuments.js';
import { readBudgets, sizeRefusal, type Budgets, type OverTimeBudget, type TextTooLarge } from '../host/budgets.js';
import type { EngineClient } from '../host/client.js';

const SCORE_FOLDER_COMMAND = 'fulcrum.scoreFolder';
const EXPORT_DISMISSALS_COMMAND = 'fulcrum.exportDismissals';
const RULE_SCHEME = 'fulcrum-rule';
/** Typing pauses shorter than this do not trigger analysis. */
const DEBOUNCE_MS = 250;

/** What differs between the desktop and the web: where the engine runs. */
export interface Platform {
  /** `timeBudgetSeconds` is read as each lint starts, so a settings change applies to the next one. */
  createEngine(extensionUri: vscode.Uri, timeBudgetSeconds: () => number): EngineClient;
}

export function activateFulcrum(context: vscode.ExtensionContext, platform: Platform): void {
  const settings = (): EditorSettings => readSettings((key) => vscode.workspace.getConfiguration('fulcrum').get(key));
  const budgets = (): Budgets => readBudgets((key) => vscode.workspace.getConfiguration('fulcrum').get(key));
  const configFiles = new ConfigFiles();
  // The engine starts on first need (in a worker), so activation stays cheap. A text over
  // the size cap never reaches it, whichever command asked (TextTooLarge).
  let started: EngineClient | undefined;
  const engine: EngineClient = {
    lint: (request) => {
      const refusal = sizeRefusal(request.text, budgets());
      if (refusal) return Promise.reject(refusal);
      return (started ??= platform.createEngine(context.extensionUri, () => budgets().timeBudgetSeconds)).lint(request);
    },
    forget: (key) => started?.forget(key),
    dispose: () => started?.dispose(),
  };
  const dismissals = new DismissalStore(context.globalStorageUri);
  const analyzer = new Analyzer(configFiles, settings, engine, dismissals);
  const diagnostics = vscode.languages.createDiagnosticCollection('fulcrum');
  const statusBar = new ScoreStatusBar();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const reportedConfigProblems = new Set<string>();
  const unchecked = new UncheckedDocuments();

  const applies = (document: vscode.TextDocument) => {
    const s = settings();
    return s.enable && s.languages.includes(document.languageId) && document.uri.scheme !== 'output';
  };

  const showConfigProblems = (uri: vscode.Uri | null, problems: string[]) => {
    if (!uri || problems.length === 0) return;
    const key = `${uri.toString()}\n${problems.join('\n')}`;
    if (reportedConfigProblems.has(key)) return;
    reportedConfigProblems.add(key);
    void vscode.window.showErrorMessage(`Fulcrum: ${vscode.workspace.asRelativePath(uri)} has problems, so the defaults are used for them: ${problems.join('; ')}`);
  };

  const analyzeNow = async (document: vscode.TextDocument): Promise<LintResult | undefined> => {
    if (!applies(document)) {
      diagnostics.delete(document.uri);
      return undefined;
    }
    try {
      const analysis = await analyzer.analyze(document);
      if (!analysis) return undefined; // a newer version is on its way
      unchecked.clear(document.uri.toString());
      diagnostics.set(document.uri, toDiagnostics(analysis.result.findings, document));
      showConfigProblems(analysis.configUri, analysis.configProblems);
      if (vscode.window.activeTextEditor?.document === document) statusBar.show(analysis.result);
      DocumentReport.refresh(document, analysis.result, analysis.omitted);
      return analysis.result;
    } catch (error) {
      if (limitKindOf(error)) leaveUnchecked(document, error as TextTooLarge | OverTimeBudget);
      else void vscode.window.showErrorMessage(`Fulcrum could not analyse ${vscode.workspace.asRelativePath(document.uri)}: ${(error as Error).message}`);
      return undefined;
    }
  };

  /**
   * A document over a limit keeps no findings (they would be stale), no parse cache in the
   * engine, and one message: a warning the first time, then the status bar while it lasts.
   */
  const leaveUnchecked = (document: vscode.TextDocument, error: TextTooLarge | OverTimeBudget) => {
    const message = limitMessage(vscode.workspace.asRelativePath(document.uri), error);
    diagnostics.delete(document.uri);
    analyzer.forget(document);
    if (unchecked.mark(document.uri.toString(), limitKindOf(error)!, message)) void vscode.window.showWarningMessage(message);
    if (vscode.window.activeTextEditor?.document === document) statusBar.showUnchecked(message);
  };

  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void analyzeNow(document);
      }, DEBOUNCE_MS),
    );
  };

  const reanalyzeAll = () => {
    for (const document of vscode.workspace.textDocuments) {
      if (applies(document)) schedule(document);
      else diagnostics.delete(document.uri);
    }
    updateStatusBar(vscode.window.activeTextEditor);
  };

  const updateStatusBar = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !applies(editor.document)) return statusBar.hide();
    const notChecked = unchecked.get(editor.document.uri.toString());
    if (notChecked) return statusBar.showUnchecked(notChecked.message);
    const current = analyzer.current(editor.document);
    if (current) statusBar.show(current.result);
    else schedule(editor.document);
  };

  const rules = () => builtinRules;

  context.subscriptions.push(
    diagnostics,
    statusBar,
    configFiles,
    { dispose: () => engine.dispose() },
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidOpenTextDocument((d) => applies(d) && schedule(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && applies(e.document) && settings().run === 'onType' && !unchecked.waitsForSave(e.document.uri.toString())) schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => applies(d) && (settings().run === 'onSave' || unchecked.waitsForSave(d.uri.toString())) && schedule(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      clearTimeout(timers.get(d.uri.toString()));
      unchecked.clear(d.uri.toString());
      diagnostics.delete(d.uri);
      analyzer.forget(d);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatusBar),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('fulcrum') && reanalyzeAll()),
    configFiles.onDidChange(reanalyzeAll),
    vscode.workspace.onDidGrantWorkspaceTrust(reanalyzeAll),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new FulcrumCodeActions(analyzer), { providedCodeActionKinds: FulcrumCodeActions.kinds }),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new FulcrumHover(analyzer, rules)),
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
      provideTextDocumentContent: (uri) => {
        const rule = builtinRules.find((r) => r.id === uri.path.replace(/^\//, '').replace(/\.md$/, ''));
        return rule ? ruleMarkdown(rule) : `No Fulcrum rule ${uri.path}`;
      },
    }),
    vscode.commands.registerCommand(APPLY_SNIPPET_COMMAND, applySnippetFix),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showQuickPick(builtinRules.map((r) => ({ label: r.id, description: r.title })), { placeHolder: 'Explain which rule?' }))?.label;
      if (!id) return;
      const uri = vscode.Uri.parse(`${RULE_SCHEME}:/${id}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => vscode.window.showTextDocument(uri));
    }),
    vscode.commands.registerCommand(SCORE_DOCUMENT_COMMAND, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return void vscode.window.showInformationMessage('Fulcrum: open a review, 1:1 notes or an announcement first.');
      const current = analyzer.current(editor.document);
      const result = current?.result ?? (await analyzeNow(editor.document)) ?? (await lintOnceOrExplain(editor.document));
      if (!result) return;
      DocumentReport.show(context.extensionUri, editor.document, result, analyzer.current(editor.document)?.omitted ?? 0);
    }),
    vscode.commands.registerCommand(SCORE_FOLDER_COMMAND, (folder?: vscode.Uri) => scoreFolder(context, settings, engine, folder)),
    vscode.commands.registerCommand(DISMISS_COMMAND, async (uri: vscode.Uri, ruleId: string, start: number, end: number) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const analysis = document && analyzer.current(document);
      const finding = analysis?.result.findings.find((f) => f.ruleId === ruleId && f.range.start.offset === start && f.range.end.offset === end);
      if (!document || !analysis || !finding) return void vscode.window.showWarningMessage('Fulcrum: the document changed; try again.');
      await dismissals.add(dismissalOf(finding, document.getText(), analysis.result.profile));
      await analyzeNow(document);
    }),
    vscode.commands.registerCommand(EXPORT_DISMISSALS_COMMAND, async () => {
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? context.globalStorageUri, 'fulcrum-dismissals.json'), filters: { JSON: ['json'] }, saveLabel: 'Export' });
      if (!target) return;
      const count = await dismissals.exportTo(target);
      void vscode.window.showInformationMessage(`Fulcrum: exported ${count} dismissed finding${count === 1 ? '' : 's'}. \`fulcrum feedback export ${target.path.split('/').pop()}\` turns them into test cases.`);
    }),
  );

  /**
   * For documents outside the configured languages, "Score Document" still works on request.
   * A document over a limit gets the reason instead: the user asked, so they are told again.
   */
  const lintOnceOrExplain = async (document: vscode.TextDocument): Promise<LintResult | undefined> => {
    const notChecked = unchecked.get(document.uri.toString());
    if (notChecked) return void vscode.window.showWarningMessage(notChecked.message);
    const file = await configFiles.forDocument(document);
    try {
      const reply = await engine.lint({ text: document.getText(), format: formatOf(document), configText: file.text, settings: settings(), trusted: vscode.workspace.isTrusted });
      return reply.result;
    } catch (error) {
      if (!limitKindOf(error)) throw error;
      return void vscode.window.showWarningMessage(limitMessage(vscode.workspace.asRelativePath(document.uri), error as TextTooLarge | OverTimeBudget));
    }
  };

  for (const document of vscode.workspace.textDocuments) if (applies(document)) schedule(document);
  updateStatusBar(vscode.window.activeTextEditor);
}

async function scoreFolder(context: vscode.ExtensionContext, settings: () => EditorSettings, engine: EngineClient, given?: vscode.Uri): Promise<void> {
  const folder =
    given ??
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Score this folder' }))?.[0];
  if (!folder) return;
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown,txt}'), '**/{node_modules,.git}/**', 5000);
  const configFiles = new ConfigFiles();
  const scored: ScoredDocument[] = [];
  const skipped: string[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fulcrum: scoring documents', cancellable: true }, async (progress, token) => {
    const sorted = files.sort((a, b) => a.path.localeCompare(b.path));
    for (const [i, uri] of sorted.entries()) {
      if (token.isCancellationRequested) break;
      progress.report({ message: `${i + 1}/${sorted.length}`, increment: 100 / sorted.length });
      const document = await vscode.workspace.openTextDocument(uri);
      const file = await configFiles.forDocument(document);
      const path = uri.path.slice(folder.path.length).replace(/^\//, '');
      try {
        const reply = await engine.lint({ text: document.getText(), format: formatOf(document), configText: file.text, settings: settings(), trusted: vscode.workspace.isTrusted });
        scored.push({ path, result: reply.result });
      } catch (error) {
        // One file over a limit leaves the rest of the folder to score.
        if (!limitKindOf(error)) throw error;
        skipped.push(`${path} (${(error as Error).message})`);
      }
    }
  });
  configFiles.dispose();
  if (skipped.length) void vscode.window.showWarningMessage(`Fulcrum left ${skipped.length === 1 ? 'one file' : `${skipped.length} files`} out of the score: ${skipped.join('; ')}.`);
  if (scored.length === 0) return void vscode.window.showInformationMessage('Fulcrum: no Markdown or text files in that folder.');
  const name = folder.path.split('/').pop() || folder.path;
  showFolderReport(context.extensionUri, folder, folderData(name, scored), formatScoreCsv(scored));
}

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { readSettings } from '../editor/convert.js';
import { REPORT_REQUEST, SCORE_REQUEST, type ReportReply, type ScoreReply } from '../editor/lspProtocol.js';
import { DocumentReport } from './reportPanel.js';
import { ask, documentRef } from './serverRequests.js';
import { ScoreStatusBar } from './statusBar.js';

/** Fulcrum checks this document as it changes (the same test the server makes, so nothing is asked in vain). */
export function isChecked(document: vscode.TextDocument): boolean {
  const settings = readSettings((key) => vscode.workspace.getConfiguration('fulcrum', document).get(key));
  return settings.enable && settings.languages.includes(document.languageId) && document.uri.scheme !== 'output';
}

/**
 * The score in the status bar and the open report follow the server's diagnostics: each time a
 * document's diagnostics arrive, the active document's score (and the report's data, if the
 * report shows that document) is asked for again. The server answers from its last lint, so
 * this costs no lint of its own.
 */
export class ScoreView implements vscode.Disposable {
  private readonly statusBar = new ScoreStatusBar();
  private readonly disposables: vscode.Disposable[] = [this.statusBar];

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(() => this.showActive()));
  }

  /** Called as the server publishes diagnostics for `uri`. */
  diagnosticsChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const active = vscode.window.activeTextEditor?.document;
    if (active?.uri.toString() === key) this.showActive();
    const reported = DocumentReport.shownDocument;
    if (reported?.uri.toString() === key && !reported.isClosed) void this.refreshReport(reported);
  }

  /** The active document's score, its reason for having none, or nothing. */
  async showActive(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isChecked(document)) return this.statusBar.hide();
    const answer = await ask<ScoreReply>(this.client, SCORE_REQUEST, documentRef(this.client, document));
    if (vscode.window.activeTextEditor?.document !== document) return; // the writer moved on
    if ('reply' in answer) this.statusBar.show(answer.reply);
    else if (answer.refusal.reason === 'overLimit') this.statusBar.showUnchecked(answer.refusal.message);
    else this.statusBar.hide();
  }

  private async refreshReport(document: vscode.TextDocument): Promise<void> {
    const answer = await ask<ReportReply>(this.client, REPORT_REQUEST, documentRef(this.client, document));
    if ('reply' in answer) DocumentReport.refresh(document, answer.reply.data);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

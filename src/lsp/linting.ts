import { MessageType, type Connection, type PublishDiagnosticsParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Dismissal } from '../core/dismissals.js';
import type { LintResult } from '../core/types.js';
import type { RequestFailure } from '../editor/lspProtocol.js';
import type { EngineClient } from '../host/client.js';
import type { LintRequest } from '../host/service.js';
import { sizeRefusal, type OverTimeBudget, type TextTooLarge } from '../host/budgets.js';
import { limitKindOf, limitMessage, UncheckedDocuments } from '../host/uncheckedDocuments.js';
import type { DiagnosticFeatures } from './clientFeatures.js';
import type { ConfigSource } from './configSource.js';
import { PublishedDiagnostics } from './publishedDiagnostics.js';
import { formatOf, isChecked } from './languages.js';
import { previewCut, previewFindings } from './preview.js';
import { tell } from './messages.js';
import type { SettingsSource } from './settings.js';

/** The last lint of an open document, for the version it was made for. */
export interface Analysis {
  version: number;
  result: LintResult;
  /** Findings left out of `result.findings` (the score counts them). */
  omitted: number;
}

/** A lint that gave no findings, and why (clients tell "not checked" from "over a limit"). */
export class LintFailed extends Error {
  constructor(
    message: string,
    readonly failure: RequestFailure,
  ) {
    super(message);
  }
}

interface Waiter {
  resolve(analysis: Analysis): void;
  reject(error: Error): void;
}

export interface LintingDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  engine: EngineClient;
  settings: SettingsSource;
  configFiles: ConfigSource;
  diagnosticFeatures: DiagnosticFeatures;
  /** What the client told the server about the writer's workspace. */
  workspace: WorkspaceState;
  /** How a file is named in messages: its path in its workspace folder. */
  displayName(uri: string): string;
}

/** Findings the writer dismissed, and whether the workspace is trusted (its custom rules then apply). */
export interface WorkspaceState {
  dismissals(): Dismissal[];
  trusted(): boolean;
}

/**
 * Lints open documents through the engine and publishes what it found. Each opened document
 * gets its own key in the engine, whose parse cache then re-parses only what a change touched;
 * a result for a version that is no longer current is dropped (a newer lint is on its way).
 * A document over a size or time budget keeps no findings and costs the writer one message.
 */
export class DocumentLinting {
  private readonly latest = new Map<string, Analysis>();
  private readonly engineKeys = new Map<string, string>();
  /** Engine keys no lint has used yet: the engine has nothing cached for them. */
  private readonly unlintedKeys = new Set<string>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly reportedConfigProblems = new Set<string>();
  readonly unchecked = new UncheckedDocuments();
  private readonly published: PublishedDiagnostics;
  private nextKey = 1;
  private stopped = false;

  constructor(private readonly deps: LintingDeps) {
    this.published = new PublishedDiagnostics(deps.diagnosticFeatures);
  }

  /** The server is shutting down: lints still on their way end quietly (the engine is stopped under them). */
  stop(): void {
    this.stopped = true;
  }

  /** The last analysis, if it is for the document's current version. */
  current(uri: string): Analysis | undefined {
    const analysis = this.latest.get(uri);
    return analysis && analysis.version === this.deps.documents.get(uri)?.version ? analysis : undefined;
  }

  /** The analysis of the current version, once there is one (the caller makes sure a lint is coming). */
  whenCurrent(uri: string): Promise<Analysis> {
    const analysis = this.current(uri);
    if (analysis) return Promise.resolve(analysis);
    const notChecked = this.unchecked.get(uri);
    if (notChecked) return Promise.reject(new LintFailed(notChecked.message, { reason: 'overLimit' }));
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(uri, list);
    });
  }

  async lint(uri: string): Promise<void> {
    const { documents, connection, engine } = this.deps;
    const document = documents.get(uri);
    if (!document || this.stopped) return;
    const { editor, budgets } = await this.deps.settings.get(uri);
    if (!isChecked(document.languageId, editor)) return this.clear(uri, document.version, new LintFailed(`Fulcrum does not check ${document.languageId} documents (fulcrum.enable, fulcrum.languages)`, { reason: 'notChecked' }));
    const config = await this.deps.configFiles.forDocument(uri);
    // The text and its version are taken together, after every await: they must match.
    if (documents.get(uri) !== document) return;
    const version = document.version;
    const text = document.getText();
    const refusal = sizeRefusal(text, budgets);
    if (refusal) return this.leaveUnchecked(uri, version, refusal);
    const key = this.engineKeyOf(uri);
    const request: LintRequest = { key, text, format: formatOf(document.languageId), configText: config.text, settings: editor, trusted: this.deps.workspace.trusted(), dismissals: this.deps.workspace.dismissals() };
    // The first lint with this engine key (the document just opened): the findings of its top first (preview.ts).
    // Only then: the engine's parse cache keeps what the latest lint used, so a preview later on
    // would make the full lint that follows parse everything below the top again. A document
    // tried again after a limit gets none: the full lint would likely take its findings away again.
    const firstLint = this.unlintedKeys.delete(key);
    if (firstLint && !this.unchecked.get(uri) && !(await this.publishPreview(document, request))) return;
    let reply;
    try {
      reply = await engine.lint(request);
    } catch (error) {
      if (this.stopped) return;
      if (limitKindOf(error)) return this.leaveUnchecked(uri, version, error as TextTooLarge | OverTimeBudget);
      const message = `Fulcrum could not analyse ${this.deps.displayName(uri)}: ${(error as Error).message}`;
      connection.console.error(message);
      tell(connection, MessageType.Error, message);
      return this.settleWaiters(uri, new LintFailed(message, { reason: 'failed' }));
    }
    if (config.uri) this.showConfigProblems(config.uri, config.readProblem ? [config.readProblem] : reply.configProblems);
    if (documents.get(uri)?.version !== version) return; // a newer version is on its way
    this.unchecked.clear(uri);
    const analysis = { version, result: reply.result, omitted: reply.omitted };
    this.latest.set(uri, analysis);
    this.publish({ uri, version, diagnostics: this.published.diagnosticsFor(document, reply.result.findings) });
    this.settleWaiters(uri, analysis);
  }

  /**
   * Lints the top of a long document and publishes its inline findings (preview.ts); a short
   * document has no preview. False when the document changed meanwhile (a newer lint is on its
   * way). A preview that fails is skipped: the full lint that follows reports what went wrong.
   */
  private async publishPreview(document: TextDocument, request: LintRequest): Promise<boolean> {
    const cut = previewCut(request.text);
    if (cut === null) return true;
    const { uri, version } = document;
    let reply;
    try {
      reply = await this.deps.engine.lint({ ...request, text: request.text.slice(0, cut) });
    } catch {
      return !this.stopped && this.deps.documents.get(uri)?.version === version;
    }
    if (this.stopped || this.deps.documents.get(uri)?.version !== version) return false;
    this.publish({ uri, version, diagnostics: this.published.diagnosticsFor(document, previewFindings(reply.result.findings, cut)) });
    return true;
  }

  /** The document closed: its findings, its engine cache and anyone waiting for it go. */
  forget(uri: string): void {
    this.latest.delete(uri);
    this.unchecked.clear(uri);
    this.forgetEngineKey(uri);
    this.publish({ uri, diagnostics: [] });
    this.settleWaiters(uri, new LintFailed('the document was closed', { reason: 'notOpen' }));
  }

  /** A document Fulcrum does not check (settings) shows no findings. */
  private clear(uri: string, version: number, reason: Error): void {
    this.latest.delete(uri);
    this.publish({ uri, version, diagnostics: [] });
    this.settleWaiters(uri, reason);
  }

  /** Over a limit: no findings (they would be stale), no parse cache, and one warning while it lasts. */
  private leaveUnchecked(uri: string, version: number, error: TextTooLarge | OverTimeBudget): void {
    const message = limitMessage(this.deps.displayName(uri), error);
    this.latest.delete(uri);
    this.forgetEngineKey(uri);
    this.publish({ uri, version, diagnostics: [] });
    if (this.unchecked.mark(uri, limitKindOf(error)!, message)) tell(this.deps.connection, MessageType.Warning, message);
    this.settleWaiters(uri, new LintFailed(message, { reason: 'overLimit' }));
  }

  /** A broken config is one message per file and set of problems; linting goes on with the valid parts. */
  private showConfigProblems(configUri: string, problems: string[]): void {
    if (problems.length === 0) return;
    const key = `${configUri}\n${problems.join('\n')}`;
    if (this.reportedConfigProblems.has(key)) return;
    this.reportedConfigProblems.add(key);
    tell(this.deps.connection, MessageType.Error, `Fulcrum: ${this.deps.displayName(configUri)} has problems, so the defaults are used for them: ${problems.join('; ')}`);
  }

  /**
   * Each time a document is opened (or checked again after a limit) it gets a new key: the
   * engine treats a forgotten key as closed for good, so that a lint still on its way after a
   * close cannot make a cache nobody will forget.
   */
  private engineKeyOf(uri: string): string {
    let key = this.engineKeys.get(uri);
    if (key === undefined) {
      this.engineKeys.set(uri, (key = `${uri}#${this.nextKey++}`));
      this.unlintedKeys.add(key);
    }
    return key;
  }

  private forgetEngineKey(uri: string): void {
    const key = this.engineKeys.get(uri);
    if (key === undefined) return;
    this.engineKeys.delete(uri);
    this.unlintedKeys.delete(key);
    this.deps.engine.forget(key);
  }

  /** A closed connection has nobody to tell: the send is dropped. */
  private publish(params: PublishDiagnosticsParams): void {
    // Cleared (closed, not checked, over a limit): nothing to reuse next time.
    if (params.diagnostics.length === 0) this.published.forget(params.uri);
    this.deps.connection.sendDiagnostics(params).catch(() => undefined);
  }

  private settleWaiters(uri: string, outcome: Analysis | Error): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    this.waiters.delete(uri);
    for (const waiter of list) {
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve(outcome);
    }
  }
}

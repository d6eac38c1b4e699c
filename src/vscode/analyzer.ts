import * as vscode from 'vscode';
import type { LintResult, TextFormat } from '../core/types.js';
import type { ConfigFiles } from './configFiles.js';
import type { EditorSettings } from '../editor/convert.js';
import type { EngineClient } from '../host/client.js';
import type { DismissalStore } from './dismissals.js';

export interface Analysis {
  version: number;
  result: LintResult;
  configProblems: string[];
  configUri: vscode.Uri | null;
  /** Findings not passed to the editor (beyond VS Code's 1000 problems per file). */
  omitted: number;
}

export function formatOf(document: vscode.TextDocument): TextFormat {
  return document.languageId === 'markdown' ? 'markdown' : 'text';
}

/**
 * Lints open documents through the engine client. The engine keeps a parse cache per
 * document, so a keystroke re-parses only the paragraph it changed. A result for a
 * version that is no longer current is dropped: stale work never reaches the screen.
 *
 * Each time a document is opened it gets a new cache key: the engine treats a forgotten key
 * as closed for good (a lint still on its way after the close must not make a cache nobody
 * will forget), so a reopened document must not reuse its old key.
 */
export class Analyzer {
  private readonly latest = new Map<string, Analysis>();
  /** Document URI → its cache key in the engine, until the document is forgotten. */
  private readonly engineKeys = new Map<string, string>();
  private nextKey = 1;

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly settings: () => EditorSettings,
    private readonly engine: EngineClient,
    private readonly dismissals: DismissalStore,
  ) {}

  /** The last analysis of a document, if it is still current. */
  current(document: vscode.TextDocument): Analysis | undefined {
    const analysis = this.latest.get(document.uri.toString());
    return analysis && analysis.version === document.version ? analysis : undefined;
  }

  async analyze(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const file = await this.configFiles.forDocument(document);
    const dismissals = await this.dismissals.all();
    // Closed while the config was read: its key is forgotten, and nobody wants the result.
    if (document.isClosed) return undefined;
    const reply = await this.engine.lint({
      key: this.engineKeyOf(key),
      text: document.getText(),
      format: formatOf(document),
      configText: file.text,
      settings: this.settings(),
      trusted: vscode.workspace.isTrusted,
      dismissals,
    });
    if (document.version !== version || document.isClosed) return undefined;
    const analysis = { version, result: reply.result, configProblems: reply.configProblems, configUri: file.uri, omitted: reply.omitted };
    this.latest.set(key, analysis);
    return analysis;
  }

  /** Drops the document's last analysis and its parse cache in the engine (closed, or not checked). */
  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.latest.delete(key);
    const engineKey = this.engineKeys.get(key);
    if (engineKey === undefined) return;
    this.engineKeys.delete(key);
    this.engine.forget(engineKey);
  }

  private engineKeyOf(uri: string): string {
    let key = this.engineKeys.get(uri);
    if (key === undefined) this.engineKeys.set(uri, (key = `${uri}#${this.nextKey++}`));
    return key;
  }
}

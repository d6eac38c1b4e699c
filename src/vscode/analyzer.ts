import * as vscode from 'vscode';
import type { LintResult, TextFormat } from '../core/types.js';
import type { ConfigFiles } from './configFiles.js';
import type { EditorSettings } from './convert.js';
import type { EngineClient } from './worker/client.js';
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
 */
export class Analyzer {
  private readonly latest = new Map<string, Analysis>();

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
    const reply = await this.engine.lint({
      key,
      text: document.getText(),
      format: formatOf(document),
      configText: file.text,
      settings: this.settings(),
      trusted: vscode.workspace.isTrusted,
      dismissals: await this.dismissals.all(),
    });
    if (document.version !== version || document.isClosed) return undefined;
    const analysis = { version, result: reply.result, configProblems: reply.configProblems, configUri: file.uri, omitted: reply.omitted };
    this.latest.set(key, analysis);
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.latest.delete(key);
    this.engine.forget(key);
  }
}

import * as vscode from 'vscode';
import { builtinRules, Linter, ParseCache, type FulcrumConfig, type LintResult, type TextFormat } from '../core/index.js';
import { mergeConfig, type EditorSettings } from './convert.js';
import type { ConfigFiles } from './configFiles.js';

/** Above this size a document is analysed in a worker, off the extension host thread. */
export const WORKER_THRESHOLD = 64 * 1024;

export interface LintRequest {
  key: string;
  text: string;
  format: TextFormat;
  config: FulcrumConfig;
}

/** A background linter: a worker thread on the desktop, a web worker on the web. */
export interface BackgroundLinter {
  lint(request: LintRequest): Promise<LintResult>;
  forget(key: string): void;
  dispose(): void;
}

export interface Analysis {
  version: number;
  result: LintResult;
  configProblems: string[];
  configUri: vscode.Uri | null;
}

function formatOf(document: vscode.TextDocument): TextFormat {
  return document.languageId === 'markdown' ? 'markdown' : 'text';
}

/**
 * Lints open documents. Small documents are linted on the extension host with a parse
 * cache per document, so a keystroke re-parses only the paragraph it changed; large ones
 * go to the background linter. A result for a version that is no longer current is dropped.
 */
export class Analyzer {
  private readonly caches = new Map<string, ParseCache>();
  private readonly linters = new Map<string, Linter>();
  private readonly latest = new Map<string, Analysis>();

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly settings: () => EditorSettings,
    private readonly background: BackgroundLinter | null,
  ) {}

  /** The last analysis of a document, if it is still current. */
  current(document: vscode.TextDocument): Analysis | undefined {
    const analysis = this.latest.get(document.uri.toString());
    return analysis && analysis.version === document.version ? analysis : undefined;
  }

  async analyze(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const fileConfig = await this.configFiles.forDocument(document);
    const config = mergeConfig(fileConfig.config, this.settings(), vscode.workspace.isTrusted);
    const text = document.getText();
    const lintHere = () => this.linterFor(config).lint(text, { format: formatOf(document), cache: this.cacheFor(key) });
    let result: LintResult;
    if (this.background && text.length > WORKER_THRESHOLD) {
      // No worker (some web hosts forbid nested workers): lint here rather than not at all.
      result = await this.background.lint({ key, text, format: formatOf(document), config }).catch(lintHere);
    } else {
      result = lintHere();
    }
    if (document.version !== version || document.isClosed) return undefined;
    const analysis = { version, result, configProblems: fileConfig.problems, configUri: fileConfig.uri };
    this.latest.set(key, analysis);
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.caches.delete(key);
    this.latest.delete(key);
    this.background?.forget(key);
  }

  /** Settings or config files changed: compiled rule sets are rebuilt on next use. */
  reset(): void {
    this.linters.clear();
  }

  private cacheFor(key: string): ParseCache {
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new ParseCache()));
    return cache;
  }

  /** One compiled Linter per distinct configuration (compiling rules costs more than linting a paragraph). */
  private linterFor(config: FulcrumConfig): Linter {
    const key = JSON.stringify(config);
    let linter = this.linters.get(key);
    if (!linter) this.linters.set(key, (linter = new Linter(builtinRules, config)));
    return linter;
  }
}

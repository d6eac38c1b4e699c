import { basename, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules } from '../generated/builtinRules.js';
import { DEFAULT_SETTINGS } from '../editor/convert.js';
import type { EngineClient } from '../host/client.js';
import { CODE_ACTION_KINDS, codeActionsFor } from './codeActions.js';
import { clientFeaturesOf, type ClientFeatures } from './clientFeatures.js';
import { CONFIG_FILE_NAME, ConfigFiles } from './configFiles.js';
import { hoverFor } from './hover.js';
import { DocumentLinting } from './linting.js';
import { LintScheduler } from './scheduler.js';
import { scoreReply, SCORE_REQUEST, type ScoreParams } from './score.js';
import { SettingsSource } from './settings.js';

/**
 * Changes closer together than this are one burst (a paste, a multi-cursor edit, auto-repeat),
 * linted once it pauses this long; a change after a pause is linted at once. Short, because a
 * document never has two lints in flight (LintScheduler): fast typing cannot pile up work.
 */
export const DEBOUNCE_MS = 15;
/** LSP 3.17's "the request failed" code: the document is closed or over a limit. */
const REQUEST_FAILED = -32803;

export interface ServerOptions {
  /** Starts the engine (in a worker thread, under the time budget it is given). */
  createEngine(timeBudgetSeconds: () => number): EngineClient;
  version: string;
}

/** The paths of the folders on disk (a config file is read from disk). */
function fileFolders(folders: ReadonlyArray<{ uri: string }>): string[] {
  return folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
}

/** Wires Fulcrum's language features to a connection; `connection.listen()` is left to the caller. */
export function attachServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let features: ClientFeatures;
  let settings: SettingsSource;
  let folders: string[] = [];
  // Budgets are server-wide (the engine runs one lint at a time): the unscoped settings decide.
  let timeBudgetSeconds = 10;
  const engine = options.createEngine(() => timeBudgetSeconds);
  // Start the worker and load the NLP library in it now, while the client starts up and
  // initialises: the first document's findings then wait only for their own lint.
  engine.lint({ text: '', format: 'markdown', configText: null, settings: DEFAULT_SETTINGS, trusted: true }).catch(() => undefined);
  const configFiles = new ConfigFiles(() => folders);
  let linting: DocumentLinting;
  const scheduler = new LintScheduler((uri) => linting.lint(uri), DEBOUNCE_MS);
  /** Opened documents whose first change event (the open itself) is still to come. */
  const justOpened = new Set<string>();

  const displayName = (uri: string): string => {
    if (!uri.startsWith('file:')) return uri;
    const path = fileURLToPath(uri);
    for (const folder of folders) {
      const rel = relative(folder, path);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
    }
    return basename(path);
  };

  const refreshBudgets = () =>
    void settings.get().then((s) => {
      timeBudgetSeconds = s.budgets.timeBudgetSeconds;
    });

  const lintAllOpen = () => {
    refreshBudgets();
    for (const document of documents.all()) scheduler.schedule(document.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    features = clientFeaturesOf(params.capabilities);
    settings = new SettingsSource(connection, features.configurationPull, params.initializationOptions);
    folders = fileFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    linting = new DocumentLinting({ connection, documents, engine, settings, configFiles, displayName, diagnosticFeatures: features.diagnostics });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fulcrum', version: options.version },
    };
  });

  connection.onInitialized(() => {
    const capabilities = features;
    if (capabilities.registersConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'fulcrum' }).catch(() => undefined);
    if (capabilities.watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    // Folders decide where the search for .fulcrumrc.json stops.
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(fileFolders(removed));
        folders = [...folders.filter((f) => !gone.has(f)), ...fileFolders(added)];
        lintAllOpen();
      });
    }
    refreshBudgets();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    lintAllOpen();
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.invalidate();
    lintAllOpen();
  });

  documents.onDidOpen(({ document }) => justOpened.add(document.uri));

  documents.onDidChangeContent(({ document }) => {
    const { uri } = document;
    if (justOpened.delete(uri)) return scheduler.now(uri);
    // A document whose last lint ran out of time waits for a save (each try would hold the engine for the whole budget).
    if (linting.unchecked.waitsForSave(uri)) return;
    void settings.get(uri).then((s) => s.editor.run === 'onType' && documents.get(uri) === document && scheduler.schedule(uri));
  });

  documents.onDidSave(({ document }) => {
    const { uri } = document;
    void settings.get(uri).then((s) => (s.editor.run === 'onSave' || linting.unchecked.waitsForSave(uri)) && scheduler.now(uri));
  });

  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    scheduler.cancel(document.uri);
    settings.forget(document.uri);
    linting.forget(document.uri);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && linting.current(document.uri);
    return document && analysis ? codeActionsFor(document, analysis.result.findings, params.context, features) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && linting.current(document.uri);
    return document && analysis ? hoverFor(document, params.position, analysis.result.findings, builtinRules, features.markdownHover) : null;
  });

  connection.onRequest(SCORE_REQUEST, async (params: ScoreParams) => {
    const uri = (params?.textDocument as TextDocumentIdentifier | undefined)?.uri;
    const document = uri === undefined ? undefined : documents.get(uri);
    if (!document) return new ResponseError(REQUEST_FAILED, `Fulcrum: ${uri ?? 'no document'} is not open`);
    // Asked for a score: no need to wait out the debounce.
    if (!linting.current(document.uri) && !linting.unchecked.get(document.uri)) scheduler.now(document.uri);
    try {
      return scoreReply(document.uri, await linting.whenCurrent(document.uri));
    } catch (error) {
      return new ResponseError(REQUEST_FAILED, (error as Error).message);
    }
  });

  connection.onShutdown(() => {
    linting?.stop();
    scheduler.dispose();
    engine.dispose();
  });

  documents.listen(connection);
}

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Dismissal } from '../core/dismissals.js';
import { builtinRules } from '../generated/builtinRules.js';
import { DEFAULT_SETTINGS } from '../editor/convert.js';
import {
  CONFIG_FILES_CHANGED_NOTIFICATION,
  SET_DISMISSALS_NOTIFICATION,
  SET_TRUSTED_NOTIFICATION,
  type InitializationOptions,
  type SetDismissalsParams,
  type SetTrustedParams,
} from '../editor/lspProtocol.js';
import type { EngineClient } from '../host/client.js';
import { CODE_ACTION_KINDS, codeActionsFor } from './codeActions.js';
import { clientFeaturesOf, type ClientFeatures } from './clientFeatures.js';
import { clientConfigFiles, CONFIG_FILE_NAME, noConfigFiles, type ConfigSource } from './configSource.js';
import { registerFulcrumRequests } from './fulcrumRequests.js';
import { hoverFor } from './hover.js';
import { DocumentLinting, type WorkspaceState } from './linting.js';
import { LintScheduler } from './scheduler.js';
import { SettingsSource } from './settings.js';
import { displayName } from './workspaceNames.js';

/**
 * Changes closer together than this are one burst (a paste, a multi-cursor edit, auto-repeat),
 * linted once it pauses this long; a change after a pause is linted at once. Short, because a
 * document never has two lints in flight (LintScheduler): fast typing cannot pile up work.
 */
export const DEBOUNCE_MS = 15;

/** What differs between the server on Node and the server in a web worker. */
export interface ServerOptions {
  /** Starts the engine (in a worker, under the time budget it is given). */
  createEngine(timeBudgetSeconds: () => number): EngineClient;
  version: string;
  /** Reads config files from disk for the given workspace folder URIs; absent where there is no disk (web). */
  diskConfigFiles?(folderUris: () => readonly string[]): ConfigSource;
}

function folderUrisOf(folders: ReadonlyArray<{ uri: string }>): string[] {
  return folders.map((f) => f.uri);
}

/** Wires Fulcrum's language features to a connection; `connection.listen()` is left to the caller. */
export function attachServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let features: ClientFeatures;
  let settings: SettingsSource;
  let folders: string[] = [];
  let configFiles: ConfigSource = noConfigFiles;
  let configFromClient = false;
  let dismissals: Dismissal[] = [];
  let trusted = true;
  const workspace: WorkspaceState = { dismissals: () => dismissals, trusted: () => trusted };
  // Budgets are server-wide (the engine runs one lint at a time): the unscoped settings decide.
  let timeBudgetSeconds = 10;
  const engine = options.createEngine(() => timeBudgetSeconds);
  // Start the worker and load the NLP library in it now, while the client starts up and
  // initialises: the first document's findings then wait only for their own lint.
  engine.lint({ text: '', format: 'markdown', configText: null, settings: DEFAULT_SETTINGS, trusted: true }).catch(() => undefined);
  let linting: DocumentLinting;
  const scheduler = new LintScheduler((uri) => linting.lint(uri), DEBOUNCE_MS);
  /** Opened documents whose first change event (the open itself) is still to come. */
  const justOpened = new Set<string>();
  const nameOf = (uri: string) => displayName(uri, folders);

  const refreshBudgets = () =>
    void settings.get().then((s) => {
      timeBudgetSeconds = s.budgets.timeBudgetSeconds;
    });

  const lintAllOpen = () => {
    refreshBudgets();
    for (const document of documents.all()) scheduler.schedule(document.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    features = clientFeaturesOf(params.capabilities, init);
    settings = new SettingsSource(connection, features.configurationPull, params.initializationOptions);
    folders = folderUrisOf(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    configFromClient = init.configFilesFromClient === true;
    configFiles = configFromClient ? clientConfigFiles(connection) : (options.diskConfigFiles?.(() => folders) ?? noConfigFiles);
    if (Array.isArray(init.dismissals)) dismissals = init.dismissals;
    if (init.trusted === false) trusted = false;
    linting = new DocumentLinting({ connection, documents, engine, settings, configFiles, displayName: nameOf, diagnosticFeatures: features.diagnostics, workspace });
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
    // A client that reads config files for the server also says when they change (CONFIG_FILES_CHANGED_NOTIFICATION).
    if (capabilities.watchesFiles && !configFromClient) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    // Folders decide where the search for .fulcrumrc.json stops.
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(folderUrisOf(removed));
        folders = [...folders.filter((f) => !gone.has(f)), ...folderUrisOf(added)];
        lintAllOpen();
      });
    }
    refreshBudgets();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    lintAllOpen();
  });

  const configChanged = () => {
    configFiles.invalidate();
    lintAllOpen();
  };
  connection.onDidChangeWatchedFiles(configChanged);
  connection.onNotification(CONFIG_FILES_CHANGED_NOTIFICATION, configChanged);

  connection.onNotification(SET_DISMISSALS_NOTIFICATION, (params: SetDismissalsParams) => {
    if (!Array.isArray(params?.dismissals)) return;
    dismissals = params.dismissals;
    lintAllOpen();
  });

  connection.onNotification(SET_TRUSTED_NOTIFICATION, (params: SetTrustedParams) => {
    trusted = params?.trusted !== false;
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
    return document && analysis ? codeActionsFor(document, analysis.result, params.context, features) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && linting.current(document.uri);
    return document && analysis ? hoverFor(document, params.position, analysis.result.findings, builtinRules, features.markdownHover) : null;
  });

  registerFulcrumRequests(connection, {
    documents,
    linting: () => linting,
    scheduler,
    engine,
    settings: () => settings,
    configFiles: () => configFiles,
    workspace,
    displayName: nameOf,
  });

  connection.onShutdown(() => {
    linting?.stop();
    scheduler.dispose();
    engine.dispose();
  });

  documents.listen(connection);
}

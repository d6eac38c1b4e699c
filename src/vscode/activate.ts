import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  CLIENT_COMMANDS,
  CONFIG_FILE_REQUEST,
  CONFIG_FILES_CHANGED_NOTIFICATION,
  SET_TRUSTED_NOTIFICATION,
  type ConfigFileReply,
  type InitializationOptions,
  type TextDocumentRef,
} from '../editor/lspProtocol.js';
import { registerCommands } from './commands.js';
import { ConfigFiles } from './configFiles.js';
import { DismissalStore } from './dismissals.js';
import { ScoreView } from './scoreView.js';

/** What differs between the desktop and the web: how the language server is started. */
export interface Platform {
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
}

/**
 * Every document the editor syncs goes to the server, which decides what it checks
 * (fulcrum.enable, fulcrum.languages): so a settings change needs no restart. Output panels
 * and other internal documents are not sent.
 */
const DOCUMENT_SELECTOR = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'].map((scheme) => ({ scheme }));

let running: BaseLanguageClient | undefined;

/**
 * The extension is a client of Fulcrum's language server (src/lsp, the same server `fulcrum lsp
 * --stdio` runs for other editors): diagnostics, fixes, hovers and settings travel over LSP. What
 * stays here is what only VS Code has: the status bar, the report webviews, the commands, the
 * writer's dismissals (global storage) and config files read through workspace.fs.
 */
export async function activateFulcrum(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  const dismissals = new DismissalStore(context.globalStorageUri);
  const configFiles = new ConfigFiles();
  const diagnosticsArrived = new vscode.EventEmitter<vscode.Uri>();
  await dismissals.all();
  // Asked again at each (re)start of the server, so a restarted server gets today's dismissals and trust.
  const initializationOptions = (): InitializationOptions => ({
    clientCommands: Object.values(CLIENT_COMMANDS),
    configFilesFromClient: true,
    dismissals: dismissals.known(),
    trusted: vscode.workspace.isTrusted,
  });
  const client = platform.createClient('fulcrum', 'Fulcrum', {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        diagnosticsArrived.fire(uri);
      },
    },
  });
  running = client;
  client.onRequest(CONFIG_FILE_REQUEST, async (params: TextDocumentRef): Promise<ConfigFileReply> => {
    const found = await configFiles.forDocument(client.protocol2CodeConverter.asUri(params.textDocument.uri));
    return { uri: found.uri ? client.code2ProtocolConverter.asUri(found.uri) : null, text: found.text };
  });
  const scoreView = new ScoreView(client);
  context.subscriptions.push(
    configFiles,
    scoreView,
    diagnosticsArrived,
    diagnosticsArrived.event((uri) => scoreView.diagnosticsChanged(uri)),
    configFiles.onDidChange(() => void client.sendNotification(CONFIG_FILES_CHANGED_NOTIFICATION)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(SET_TRUSTED_NOTIFICATION, { trusted: true })),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('fulcrum') && void scoreView.showActive()),
    ...registerCommands({ context, client, dismissals }),
  );
  await client.start();
  void scoreView.showActive();
}

/** Stops the language server with the extension (VS Code waits for the promise). */
export function deactivateFulcrum(): Promise<void> | undefined {
  const client = running;
  running = undefined;
  return client?.stop();
}

/// <reference lib="webworker" />
/**
 * Web entry (vscode.dev, github.dev): no Node APIs. The same language server runs in a web
 * worker (dist/web/server.js) and speaks LSP over the worker's messages.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateFulcrum, deactivateFulcrum } from './activate.js';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  return activateFulcrum(context, {
    // A fresh worker for each start, so the client can restart a server that died.
    createClient: (id, name, options) => new LanguageClient(id, name, () => Promise.resolve(new Worker(serverUrl)), options),
  });
}

export function deactivate(): Promise<void> | undefined {
  return deactivateFulcrum();
}

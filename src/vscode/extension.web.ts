/// <reference lib="webworker" />
/**
 * Web entry (vscode.dev, github.dev): no Node APIs. The same language server runs in a web
 * worker (dist/web/server.js) and speaks LSP over the worker's messages.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateFulcrum, deactivateFulcrum } from './activate.js';

/**
 * The server's worker. A browser can start it from the extension's own URL (vscode.dev serves
 * extensions over https); an extension installed on a remote (code-server, Codespaces in a
 * browser) has a vscode-remote: URL, which the web extension host refuses to start a worker
 * from, so its script is read through workspace.fs and started from a blob. The server then
 * finds no engine.js beside it and runs the engine in its own worker.
 */
async function startServerWorker(extensionUri: vscode.Uri): Promise<Worker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const code = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

/**
 * The connection to a fresh server worker. Handed over as reader and writer rather than as the
 * worker: the extension host replaces `Worker` with a wrapper of its own, so the client's
 * `instanceof Worker` test would fail on what it returns.
 */
async function connectToServer(extensionUri: vscode.Uri): Promise<MessageTransports> {
  const worker = await startServerWorker(extensionUri);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateFulcrum(context, {
    // A fresh worker for each start, so the client can restart a server that died.
    createClient: (id, name, options) => new LanguageClient(id, name, () => connectToServer(context.extensionUri), options),
  });
}

export function deactivate(): Promise<void> | undefined {
  return deactivateFulcrum();
}

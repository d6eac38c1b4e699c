/**
 * Desktop entry: the language server runs as a Node process of its own (`fulcrum lsp --stdio`,
 * shipped in the extension), never on the extension host thread; its engine runs in a worker
 * thread of that process.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateFulcrum, deactivateFulcrum } from './activate.js';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = { module: vscode.Uri.joinPath(context.extensionUri, 'bin', 'fulcrum.js').fsPath, args: ['lsp'], transport: TransportKind.stdio };
  return activateFulcrum(context, {
    createClient: (id, name, options) => new LanguageClient(id, name, { run: server, debug: server }, options),
  });
}

export function deactivate(): Promise<void> | undefined {
  return deactivateFulcrum();
}

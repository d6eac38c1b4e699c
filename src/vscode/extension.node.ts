/** Desktop entry: the engine runs in a worker thread, never on the extension host thread. */
import * as vscode from 'vscode';
import { activateFulcrum } from './activate.js';
import { WorkerEngine } from '../host/client.js';
import { startWorkerThread } from '../host/threadPort.js';

export function activate(context: vscode.ExtensionContext): void {
  activateFulcrum(context, {
    createEngine(extensionUri, timeBudgetSeconds) {
      const file = vscode.Uri.joinPath(extensionUri, 'dist', 'worker.node.cjs').fsPath;
      return new WorkerEngine(() => startWorkerThread(file), timeBudgetSeconds);
    },
  });
}

export function deactivate(): void {}

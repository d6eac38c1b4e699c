/** Desktop entry: the engine runs in a worker thread, never on the extension host thread. */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { activateFulcrum } from './activate.js';
import { WorkerEngine } from './worker/client.js';
import type { WorkerReply } from './worker/service.js';

export function activate(context: vscode.ExtensionContext): void {
  activateFulcrum(context, {
    createEngine(extensionUri) {
      const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'worker.node.cjs').fsPath);
      worker.unref();
      return new WorkerEngine({
        post: (message) => worker.postMessage(message),
        onReply: (listener) => worker.on('message', (reply: WorkerReply) => listener(reply)),
        terminate: () => void worker.terminate(),
      });
    },
  });
}

export function deactivate(): void {}

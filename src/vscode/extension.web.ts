/// <reference lib="webworker" />
/**
 * Web entry (vscode.dev, github.dev): no Node APIs. The web extension host is itself a
 * worker; large documents go to a nested web worker loaded from the extension's dist/.
 */
import * as vscode from 'vscode';
import { activateFulcrum } from './activate.js';
import { WorkerLinter } from './worker/client.js';
import type { WorkerReply } from './worker/service.js';

export function activate(context: vscode.ExtensionContext): void {
  activateFulcrum(context, {
    createBackgroundLinter(extensionUri) {
      if (typeof Worker === 'undefined') return null;
      try {
        const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true));
        return new WorkerLinter({
          post: (message) => worker.postMessage(message),
          onReply: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => listener(event.data)),
          terminate: () => worker.terminate(),
        });
      } catch {
        return null;
      }
    },
  });
}

export function deactivate(): void {}

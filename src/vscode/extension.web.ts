/// <reference lib="webworker" />
/**
 * Web entry (vscode.dev, github.dev): no Node APIs. The engine runs in a nested web worker
 * loaded from the extension's dist/; where a host forbids that, it runs lazily in the host.
 */
import * as vscode from 'vscode';
import { activateFulcrum } from './activate.js';
import { InHostEngine, WorkerEngine } from './worker/client.js';
import type { WorkerReply } from './worker/service.js';

export function activate(context: vscode.ExtensionContext): void {
  activateFulcrum(context, {
    createEngine(extensionUri) {
      const inHost = new InHostEngine();
      let worker: Worker;
      try {
        worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true));
      } catch {
        return inHost;
      }
      // A worker whose script cannot load fails later, with an error event: fall back then too.
      let failed = false;
      const errorListeners: Array<() => void> = [];
      worker.addEventListener('error', () => {
        failed = true;
        errorListeners.forEach((l) => l());
      });
      const viaWorker = new WorkerEngine({
        post: (message) => worker.postMessage(message),
        onReply: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => listener(event.data)),
        terminate: () => worker.terminate(),
      });
      return {
        lint: (request) =>
          failed
            ? inHost.lint(request)
            : new Promise((resolve, reject) => {
                errorListeners.push(() => inHost.lint(request).then(resolve, reject));
                viaWorker.lint(request).then(resolve, reject);
              }),
        forget: (key) => (failed ? inHost.forget(key) : viaWorker.forget(key)),
        dispose: () => viaWorker.dispose(),
      };
    },
  });
}

export function deactivate(): void {}

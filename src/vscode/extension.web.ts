/// <reference lib="webworker" />
/**
 * Web entry (vscode.dev, github.dev): no Node APIs. The engine runs in a nested web worker
 * loaded from the extension's dist/; where a host forbids that, it runs lazily in the host.
 */
import * as vscode from 'vscode';
import { activateFulcrum } from './activate.js';
import { InHostEngine, WorkerEngine, type EngineClient, type WorkerPort } from '../host/client.js';
import type { WorkerReply } from '../host/service.js';

export function activate(context: vscode.ExtensionContext): void {
  activateFulcrum(context, {
    createEngine(extensionUri, timeBudgetSeconds): EngineClient {
      const inHost = new InHostEngine();
      const url = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true);
      // Set when this host cannot run the worker: its constructor throws, or its script
      // fails to load (an error event). From then on every lint runs in the host.
      let workersFail = false;
      const startWebWorker = (): WorkerPort => {
        let worker: Worker;
        try {
          worker = new Worker(url);
        } catch (error) {
          workersFail = true;
          throw error;
        }
        return {
          post: (message) => worker.postMessage(message),
          onReply: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => listener(event.data)),
          onFailure: (listener) =>
            worker.addEventListener('error', (event) => {
              workersFail = true;
              listener(new Error(event.message || 'the Fulcrum worker failed'));
            }),
          terminate: () => worker.terminate(),
        };
      };
      const viaWorker = new WorkerEngine(startWebWorker, timeBudgetSeconds);
      return {
        // A lint that failed because workers cannot run here is done again in the host.
        lint: (request) => (workersFail ? inHost.lint(request) : viaWorker.lint(request).catch((error: Error) => (workersFail ? inHost.lint(request) : Promise.reject(error)))),
        forget: (key) => (workersFail ? inHost.forget(key) : viaWorker.forget(key)),
        dispose: () => viaWorker.dispose(),
      };
    },
  });
}

export function deactivate(): void {}

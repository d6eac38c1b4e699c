/// <reference lib="webworker" />
/**
 * The language server in a web worker (VS Code for the web: vscode.dev, github.dev, code-server's
 * web extension host). The same server as `fulcrum lsp --stdio`, over the worker's messages. The
 * engine runs in a worker of its own (engine.js beside this file), so a lint over its time budget
 * can be stopped; where a browser cannot start a worker from a worker, it runs here instead,
 * without a time budget (the size cap still applies).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { InHostEngine, WorkerEngine, type EngineClient, type WorkerPort } from '../host/client.js';
import type { WorkerReply } from '../host/service.js';
import { attachServer } from './server.js';

import pkg from '../../package.json' with { type: 'json' };

const scope = self as unknown as DedicatedWorkerGlobalScope;

function webWorkerPort(onUnavailable: () => void): WorkerPort {
  let worker: Worker;
  try {
    // Beside this script; a host that loads workers from blob: URLs has no "beside", and throws here.
    worker = new Worker(new URL('./engine.js', scope.location.href).href);
  } catch (error) {
    onUnavailable();
    throw error;
  }
  return {
    post: (message) => worker.postMessage(message),
    onReply: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => listener(event.data)),
    onFailure: (listener) =>
      worker.addEventListener('error', (event) => {
        onUnavailable();
        listener(new Error(event.message || 'the Fulcrum engine worker failed'));
      }),
    terminate: () => worker.terminate(),
  };
}

/** The engine in a nested worker; once that has failed to start, in this worker. */
function createEngine(timeBudgetSeconds: () => number): EngineClient {
  const inHere = new InHostEngine();
  let workersFail = false;
  const viaWorker = new WorkerEngine(() => webWorkerPort(() => (workersFail = true)), timeBudgetSeconds);
  return {
    // A lint that failed because workers cannot start here is done again in this worker.
    lint: (request) => (workersFail ? inHere.lint(request) : viaWorker.lint(request).catch((error: Error) => (workersFail ? inHere.lint(request) : Promise.reject(error)))),
    forget: (key) => (workersFail ? inHere.forget(key) : viaWorker.forget(key)),
    dispose: () => viaWorker.dispose(),
  };
}

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
attachServer(connection, { version: pkg.version, createEngine });
connection.listen();

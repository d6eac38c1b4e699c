/**
 * `fulcrum lsp --stdio`: Fulcrum as a language server, for any editor with an LSP client.
 * Bundled apart from the CLI (dist/lsp.js), so `fulcrum check` never loads the protocol library.
 */
import type { Worker } from 'node:worker_threads';
import pkg from '../../package.json' with { type: 'json' };
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { WorkerEngine } from '../host/client.js';
import { startWorkerThread, workerThreadPort } from '../host/threadPort.js';
import { DiskConfigFiles } from './configFiles.js';
import { cachingJsonEncoder } from './jsonEncoder.js';
import { attachServer } from './server.js';

export const LSP_USAGE = 'Usage: fulcrum lsp --stdio   (a language server speaking LSP over standard input and output)';

/**
 * Starts the server, or returns the exit code of a usage error (bin/fulcrum.js calls it for
 * `fulcrum lsp`). Clients may add `--clientProcessId=N` (the server then exits with the editor).
 * `engineThread`, when given, is the engine's worker already started (from dist/lsp-worker.js):
 * it becomes the first worker, and replacements are started from the same file.
 */
export function runLanguageServer(args: string[], stderr: (text: string) => void, engineThread?: Worker): number | 'serving' {
  const unknown = args.filter((a) => a !== '--stdio' && !/^--clientProcessId=\d+$/.test(a));
  if (!args.includes('--stdio') || unknown.length > 0) {
    stderr(unknown.length ? `fulcrum lsp: unknown option ${unknown[0]}\n${LSP_USAGE}` : LSP_USAGE);
    return 2;
  }
  const workerFile = new URL('./lsp-worker.js', import.meta.url);
  let prestarted = engineThread;
  const startWorker = () => {
    const worker = prestarted;
    prestarted = undefined;
    return worker ? workerThreadPort(worker) : startWorkerThread(workerFile);
  };
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachingJsonEncoder }));
  // A long-lived server must not die of one failed promise: say what it was and carry on.
  process.on('unhandledRejection', (reason) => connection.console.error(`Fulcrum: ${(reason as Error)?.stack ?? String(reason)}`));
  attachServer(connection, {
    version: pkg.version,
    createEngine: (timeBudgetSeconds) => new WorkerEngine(startWorker, timeBudgetSeconds),
    diskConfigFiles: (folderUris) => new DiskConfigFiles(folderUris),
  });
  connection.listen();
  return 'serving';
}

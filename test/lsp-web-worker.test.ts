import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Diagnostic,
  type Disposable,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_REQUEST, SCORE_REQUEST, type ScoreReply } from '../src/editor/lspProtocol.js';
import { ROOT } from './helpers.js';
import { startWebWorker } from './lsp/webWorkerScope.js';

/** LSP messages to and from a worker, as vscode-languageclient/browser exchanges them: whole objects, no framing. */
class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const listener = (message: Message) => callback(message);
    this.worker.on('message', listener);
    return { dispose: () => void this.worker.off('message', listener) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  write(message: Message): Promise<void> {
    this.worker.postMessage(message);
    return Promise.resolve();
  }

  end(): void {}
}

const REVIEW = '# Review: Sam\n\nSam should utilize the new dashboard.\n\nSam is lazy about code reviews.\n';

describe('Language server in a web worker (dist/web/server.js, as VS Code for the web runs it)', function () {
  this.timeout(60_000);
  let worker: ReturnType<typeof startWebWorker>;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const configAsked: string[] = [];

  before(async () => {
    const script = join(ROOT, 'dist', 'web', 'server.js');
    assert.ok(existsSync(script), 'dist/web/server.js is built (node esbuild.config.mjs) before the suites run');
    worker = startWebWorker(pathToFileURL(script));
    connection = createProtocolConnection(new WorkerReader(worker.thread), new WorkerWriter(worker.thread));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.push(params));
    connection.onRequest(CONFIG_FILE_REQUEST, (params: { textDocument: { uri: string } }) => {
      configAsked.push(params.textDocument.uri);
      return { uri: 'vscode-test-web://mount/.fulcrumrc.json', text: JSON.stringify({ rules: { 'feedback/personality-judgement': 'error' } }) };
    });
    connection.listen();
  });

  after(async () => {
    connection?.dispose();
    await worker?.thread.terminate();
  });

  async function diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}; got ${JSON.stringify(published.map((p) => [p.uri, p.version]))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('initializes over worker messages and names itself', async () => {
    const result = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: 'vscode-test-web://mount/',
      workspaceFolders: [{ uri: 'vscode-test-web://mount', name: 'mount' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } } },
      initializationOptions: { configFilesFromClient: true },
    })) as { serverInfo?: { name: string } };
    await connection.sendNotification('initialized', {});
    assert.equal(result.serverInfo?.name, 'fulcrum');
  });

  it('publishes diagnostics for an opened document, with the config the client read, from an engine in a nested worker', async () => {
    const uri = 'vscode-test-web://mount/notes/review.md';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: REVIEW } });
    const diagnostics = await diagnosticsFor(uri, 1);
    const jargon = diagnostics.find((d) => d.code === 'clarity/corporate-jargon');
    assert.ok(jargon, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.deepEqual(jargon.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 18 } });
    assert.equal(diagnostics.find((d) => d.code === 'feedback/personality-judgement')?.severity, 1, 'the config the client sent raised this rule to error');
    assert.ok(configAsked.includes(uri), 'the server asked the client for the config file');
    assert.equal(worker.startedCount(), 2, 'the server worker and its engine worker');
  });

  it('follows an incremental change and answers fulcrum/score for the new version', async () => {
    const uri = 'vscode-test-web://mount/notes/review.md';
    const at = { line: 4, character: 0 };
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'We will leverage it. ' }] });
    const diagnostics = await diagnosticsFor(uri, 2);
    assert.equal(diagnostics.filter((d) => d.code === 'clarity/corporate-jargon').length, 2);
    const score = await connection.sendRequest<ScoreReply>(SCORE_REQUEST, { textDocument: { uri } });
    assert.equal(score.version, 2);
    assert.ok(score.score.overall >= 0 && score.score.overall <= 100);
  });
});

// The editor's responsiveness targets, measured on the built extension (dist/):
//   1. keystroke-to-diagnostics engine work for a 20 KB review (incremental: one paragraph changed)
//   2. the longest stretch the extension-host thread is blocked while a 1 MB document is analysed
//   3. the time activation adds: loading the extension bundle (the language client). activate() itself
//      starts the language server process, which a stand-in `vscode` module cannot host; the server's
//      own start is timed by scripts/bench-lsp.mjs.
// `node scripts/bench-editor.mjs [--json]`; `npm run bench` runs it after the engine benchmark.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const asJson = process.argv.includes('--json');
const TARGETS = { keystrokeMs: 15, blockedMs: 50, activationMs: 100 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** A 20 KB review: the weak example's body repeated under numbered headings. */
function review(size) {
  const body = readFileSync(join(root, 'examples', 'review-weak.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  let text = '---\nfulcrum:\n  profile: review\n---\n';
  for (let i = 1; text.length < size; i++) text += body.replace(/^# .*/m, `# Review part ${i}`) + '\n\n';
  return text;
}

const SETTINGS = { enable: true, languages: ['markdown'], profile: 'auto', rules: {}, run: 'onType' };

/**
 * 1. The engine work one keystroke costs, in the worker the extension uses: the time to the
 * reply, minus the message round trip (measured with an empty document).
 */
async function keystroke() {
  const thread = new Worker(join(root, 'dist', 'lsp-worker.js'));
  let nextId = 1;
  const ask = (request) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (reply) => {
        if (reply.id !== id) return;
        thread.off('message', onMessage);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.reply);
      };
      thread.on('message', onMessage);
      thread.postMessage({ id, kind: 'lint', request });
    });
  const base = { key: 'bench', format: 'markdown', configText: null, settings: SETTINGS, trusted: true };
  let text = review(20 * 1024);
  await ask({ ...base, text }); // first analysis: parses everything
  const roundTrips = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await ask({ ...base, key: 'empty', text: '' });
    roundTrips.push(performance.now() - t);
  }
  const times = [];
  const middle = text.indexOf('She always misses');
  for (let i = 0; i < 40; i++) {
    // Type one character into a paragraph in the middle, as a person would.
    text = `${text.slice(0, middle)}x${text.slice(middle)}`;
    const t = performance.now();
    await ask({ ...base, text });
    times.push(performance.now() - t - median(roundTrips));
  }
  await thread.terminate();
  return { sizeKB: 20, medianMs: median(times), p95Ms: percentile(times, 0.95), roundTripMs: median(roundTrips) };
}

/** 2. The extension host's view of a 1 MB document: post it to the worker, turn findings into diagnostics. */
async function blocking() {
  const big = review(1024 * 1024);
  const thread = new Worker(join(root, 'dist', 'lsp-worker.js'));
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // A timer that notices when the thread could not run it on time.
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 2);
    last = now;
  }, 2);
  histogram.enable();
  const t = performance.now();
  const reply = await new Promise((resolve, reject) => {
    thread.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m.reply)));
    thread.postMessage({ id: 1, kind: 'lint', request: { key: 'big', text: big, format: 'markdown', configText: null, settings: SETTINGS, trusted: true } });
  });
  // What the host then does with the result: parse the findings (the worker sends them as one JSON
  // string, cheaper to pass between threads) and make one plain object per diagnostic.
  const findings = typeof reply.result.findings === 'string' ? JSON.parse(reply.result.findings) : reply.result.findings;
  const converted = findings.map((f) => ({
    start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
    end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
    message: f.message,
    code: f.ruleId,
  }));
  const total = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  histogram.disable();
  await thread.terminate();
  return { sizeKB: Math.round(big.length / 1024), findings: converted.length, analysisMs: total, longestBlockMs: Math.max(longest, histogram.max / 1e6) };
}

/** A stand-in for the `vscode` module, with just what activate() touches. */
function vscodeStub() {
  const disposable = { dispose() {} };
  const event = () => disposable;
  class EventEmitter {
    event = event;
    fire() {}
    dispose() {}
  }
  class Kind {
    constructor(value) {
      this.value = value;
    }
    append(part) {
      return new Kind(`${this.value}.${part}`);
    }
    contains(other) {
      return other.value.startsWith(this.value);
    }
  }
  class Plain {
    constructor(...args) {
      this.args = args;
    }
  }
  const classes = Object.fromEntries(
    // The language client's bundle extends some of these as it loads (CompletionItem, CodeLens, …).
    ['Diagnostic', 'Range', 'Position', 'Location', 'DiagnosticRelatedInformation', 'ThemeColor', 'MarkdownString', 'Hover', 'CodeAction', 'WorkspaceEdit', 'SnippetString', 'RelativePattern', 'Selection',
     'CompletionItem', 'CodeLens', 'DocumentLink', 'CallHierarchyItem', 'TypeHierarchyItem', 'SymbolInformation', 'InlayHint', 'CancellationError'].map((name) => [name, class extends Plain {}]),
  );
  const uri = (path) => ({ path, fsPath: path, scheme: 'file', toString: () => `file://${path}` });
  return {
    ...classes,
    EventEmitter,
    CodeActionKind: { QuickFix: new Kind('quickfix'), SourceFixAll: new Kind('source.fixAll') },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2 },
    StatusBarAlignment: { Right: 2 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Beside: -2, One: 1, Active: -1 },
    EndOfLine: { LF: 1, CRLF: 2 },
    Uri: { joinPath: (base, ...parts) => uri(`${base.path}/${parts.join('/')}`), parse: (s) => uri(s) },
    window: { createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }), activeTextEditor: undefined, onDidChangeActiveTextEditor: event },
    languages: { createDiagnosticCollection: () => ({ set() {}, delete() {}, dispose() {} }), registerCodeActionsProvider: event, registerHoverProvider: event },
    workspace: {
      textDocuments: [],
      isTrusted: true,
      getConfiguration: () => ({ get: () => undefined }),
      createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose() {} }),
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidSaveTextDocument: event,
      onDidCloseTextDocument: event,
      onDidChangeConfiguration: event,
      onDidGrantWorkspaceTrust: event,
      registerTextDocumentContentProvider: event,
    },
    commands: { registerCommand: event },
  };
}

/** 3. Activation: load the client bundle against the stand-in API. */
async function activation() {
  const Module = require('node:module');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStub() };
  const t = performance.now();
  const extension = require(join(root, 'dist', 'extension.node.cjs'));
  const ms = performance.now() - t;
  Module._resolveFilename = resolve;
  return { activationMs: ms, exportsActivate: typeof extension.activate === 'function' };
}

const results = { activation: await activation(), keystroke: await keystroke(), blocking: await blocking() };
const met = {
  keystroke: results.keystroke.medianMs < TARGETS.keystrokeMs,
  blocking: results.blocking.longestBlockMs < TARGETS.blockedMs,
  activation: results.activation.activationMs < TARGETS.activationMs,
};

if (asJson) console.log(JSON.stringify({ targets: TARGETS, results, met }, null, 2));
else {
  const f = (n) => n.toFixed(1);
  console.log('\nEditor responsiveness (VS Code extension, built bundles)');
  console.log(`  activation (load the client bundle):        ${f(results.activation.activationMs)} ms   target < ${TARGETS.activationMs} ms  ${met.activation ? '✔' : '✖'}`);
  console.log(`  keystroke, 20 KB review (median):    ${f(results.keystroke.medianMs)} ms   p95 ${f(results.keystroke.p95Ms)} ms, worker round trip ${f(results.keystroke.roundTripMs)} ms   target < ${TARGETS.keystrokeMs} ms  ${met.keystroke ? '✔' : '✖'}`);
  console.log(`  1 MB document: host blocked at most  ${f(results.blocking.longestBlockMs)} ms   (analysis ${f(results.blocking.analysisMs)} ms in the worker, ${results.blocking.findings} findings)   target < ${TARGETS.blockedMs} ms  ${met.blocking ? '✔' : '✖'}`);
}
process.exitCode = process.argv.includes('--strict') && !Object.values(met).every(Boolean) ? 1 : 0;

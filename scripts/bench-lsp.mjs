// Fulcrum's language server, timed through the protocol as an editor sees it (`fulcrum lsp --stdio`
// on the built CLI, dist/): a client spawns the server over stdio, opens realistic manager prose
// (scripts/bench.mjs --sample-kb=N) and measures
//   1. first diagnostics: from spawning the server to the first diagnostics of a document opened
//      as soon as it is initialised (a fresh server per run), and from didOpen alone. A long
//      document's first publish holds the findings of its top only (src/lsp/preview.ts), so
//      "complete" is also timed from spawning: to the publish of all its findings, the last one
//      for that version before the server answers fulcrum/score (which waits for the full lint);
//      the bench checks that publish holds as many findings as a full lint;
//   2. keystroke: one character typed into a paragraph in the middle (an incremental didChange)
//      to the diagnostics for that version, debounce included; one keystroke at a time (median,
//      p90 and p95);
//   3. burst: ten keystrokes 30 ms apart, from the last one to the diagnostics for it.
// On 20 KB and 100 KB documents. Targets: first diagnostics ≤ 1.5 s after the server starts,
// keystroke ≤ 50 ms median on 100 KB. `node scripts/bench-lsp.mjs [--json]` after a build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = lsp;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const log = asJson ? () => {} : (line = '') => console.log(line);
const TARGETS = { firstDiagnosticsMs: 1500, keystrokeMedianMs100KB: 50 };
const SIZES_KB = [20, 100];
const FRESH_STARTS = 5;
const KEYSTROKES = 40;
const WARM_UP_KEYSTROKES = 5;
const BURSTS = 8;
const BURST_KEYS = 10;
const BURST_GAP_MS = 30;
/** Between measured keystrokes: the server is idle again, as between a person's key presses. */
const PAUSE_MS = 60;

if (!existsSync(join(root, 'dist', 'lsp.js'))) {
  console.error('bench-lsp: build first (node esbuild.config.mjs)');
  process.exit(2);
}

function prose(kb) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'bench.mjs'), `--sample-kb=${kb}`], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const median = (values) => percentile(values, 0.5);

/** A server process and a protocol connection to it, noting when each version's diagnostics arrive. */
async function startServer() {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'fulcrum.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  /** The last publish for each uri@version. */
  const lastPublish = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}@${params.version}`;
    const publish = { at: performance.now(), count: params.diagnostics.length };
    lastPublish.set(key, publish);
    waiting.get(key)?.(publish);
    waiting.delete(key);
  });
  connection.onRequest(() => null); // registrations and the like
  connection.listen();
  // What VS Code and Neovim announce for diagnostics: the seed passages and rule links are sent.
  const capabilities = { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } } };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification('initialized', {});
  return {
    spawnedAt,
    connection,
    /** Resolves when the diagnostics for `uri` at `version` arrive. */
    diagnosticsFor: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    /** The publish of all findings for `uri` at `version`: the last one before fulcrum/score answers (they share one ordered stream). */
    async completeDiagnostics(uri, version) {
      await connection.sendRequest('fulcrum/score', { textDocument: { uri } });
      return lastPublish.get(`${uri}@${version}`);
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}

/** Where typing happens: the end of a prose paragraph in the middle of the document. */
function typingPoint(text) {
  const middle = Math.floor(text.length / 2);
  const paragraphEnd = text.indexOf('.\n\n', middle);
  return paragraphEnd > 0 ? paragraphEnd + 1 : middle;
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function firstDiagnostics(text, kb) {
  const sinceStart = [];
  const sinceOpen = [];
  const completeSinceStart = [];
  const completeCounts = new Set();
  let findings = 0;
  for (let run = 0; run < FRESH_STARTS; run++) {
    const server = await startServer();
    const uri = pathToFileURL(join(root, `bench-${kb}kb-${run}.md`)).href;
    const arrived = server.diagnosticsFor(uri, 1);
    const openedAt = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { at } = await arrived;
    sinceStart.push(at - server.spawnedAt);
    sinceOpen.push(at - openedAt);
    const complete = await server.completeDiagnostics(uri, 1);
    completeSinceStart.push(complete.at - server.spawnedAt);
    completeCounts.add(complete.count);
    findings = complete.count;
    await server.stop();
  }
  if (completeCounts.size !== 1) throw new Error(`bench-lsp: the complete diagnostics of ${kb} KB differ between runs (${[...completeCounts].join(', ')} findings)`);
  return { sinceStartMs: median(sinceStart), sinceStartMaxMs: Math.max(...sinceStart), sinceOpenMs: median(sinceOpen), completeSinceStartMs: median(completeSinceStart), findings };
}

async function typing(text, kb) {
  const server = await startServer();
  const uri = pathToFileURL(join(root, `bench-typing-${kb}kb.md`)).href;
  const opened = server.diagnosticsFor(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  // The complete publish holds what one lint of the whole text finds (fulcrum/lintText: a one-off lint, no preview).
  const complete = await server.completeDiagnostics(uri, 1);
  const whole = await server.connection.sendRequest('fulcrum/lintText', { uri, languageId: 'markdown', text });
  if (complete.count !== whole.result.findings.length) throw new Error(`bench-lsp: ${kb} KB: the complete publish has ${complete.count} diagnostics, a one-off lint ${whole.result.findings.length} findings`);
  let version = 1;
  let offset = typingPoint(text);
  const typed = ' We agreed that Sam will send the revised plan to the team by Friday 14 March, and we will review it together then.';
  let next = 0;
  const key = async () => {
    const character = typed[next++ % typed.length];
    const at = positionAt(text, offset);
    text = text.slice(0, offset) + character + text.slice(offset);
    offset++;
    version++;
    const arrived = server.diagnosticsFor(uri, version);
    const sentAt = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: character }] });
    return { sentAt, arrived };
  };
  const keystrokes = [];
  for (let i = 0; i < WARM_UP_KEYSTROKES + KEYSTROKES; i++) {
    const { sentAt, arrived } = await key();
    const { at } = await arrived;
    if (i >= WARM_UP_KEYSTROKES) keystrokes.push(at - sentAt);
    await sleep(PAUSE_MS);
  }
  const bursts = [];
  for (let b = 0; b < BURSTS; b++) {
    let last;
    for (let k = 0; k < BURST_KEYS; k++) {
      last = await key();
      if (k < BURST_KEYS - 1) await sleep(BURST_GAP_MS);
    }
    const { at } = await last.arrived;
    bursts.push(at - last.sentAt);
    await sleep(200);
  }
  await server.stop();
  return { keystrokeMedianMs: median(keystrokes), keystrokeP90Ms: percentile(keystrokes, 0.9), keystrokeP95Ms: percentile(keystrokes, 0.95), burstMedianMs: median(bursts) };
}

const results = [];
for (const kb of SIZES_KB) {
  const text = prose(kb);
  const first = await firstDiagnostics(text, kb);
  const typed = await typing(text, kb);
  results.push({ sizeKB: kb, ...first, ...typed });
}

const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
if (asJson) {
  console.log(JSON.stringify({ node: process.version, targets: TARGETS, results }, null, 2));
} else {
  log(`Fulcrum language server over stdio (Node ${process.version}); medians, ${FRESH_STARTS} fresh starts, ${KEYSTROKES} keystrokes and ${BURSTS} bursts per size`);
  log();
  log('| Size | Findings | First diagnostics after server start (max) | after didOpen | Complete diagnostics after server start | Keystroke to diagnostics (p90, p95) | End of a 10-key burst |');
  log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    log(`| ${r.sizeKB} KB | ${r.findings} | ${fmt(r.sinceStartMs)} (${fmt(r.sinceStartMaxMs)}) | ${fmt(r.sinceOpenMs)} | ${fmt(r.completeSinceStartMs)} | ${fmt(r.keystrokeMedianMs)} (${fmt(r.keystrokeP90Ms)}, ${fmt(r.keystrokeP95Ms)}) | ${fmt(r.burstMedianMs)} |`);
  }
  const hundred = results.find((r) => r.sizeKB === 100);
  const firstOk = results.every((r) => r.sinceStartMs <= TARGETS.firstDiagnosticsMs);
  const completeOk = results.every((r) => r.completeSinceStartMs <= TARGETS.firstDiagnosticsMs);
  const keyOk = hundred.keystrokeMedianMs <= TARGETS.keystrokeMedianMs100KB;
  log();
  log(`Targets: first diagnostics ≤ ${TARGETS.firstDiagnosticsMs} ms after start: ${firstOk ? 'met' : 'missed'} (complete diagnostics: ${completeOk ? 'met' : 'missed'}); keystroke ≤ ${TARGETS.keystrokeMedianMs100KB} ms median on 100 KB: ${keyOk ? 'met' : 'missed'}.`);
}

#!/usr/bin/env node
// Entry point of the `fulcrum` command: the bundled CLI lives in dist/ (built by `npm run build`).
// `fulcrum lsp` goes straight to the language server's bundle: an editor waits for it to start,
// and it needs none of the CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const languageServer = process.argv[2] === 'lsp';
const bundle = new URL(languageServer ? '../dist/lsp.js' : '../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('fulcrum: the CLI is not built yet. Run `npm run build` in the Fulcrum folder first.');
  process.exit(2);
}
if (languageServer) {
  // The engine's worker takes longest to load (the NLP library): start it before the server's own code.
  // Its young generation is larger than V8's default, as for every engine thread (src/host/threadPort.ts).
  const engineThread = new Worker(new URL('../dist/lsp-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  const { runLanguageServer } = await import(bundle.href);
  const started = runLanguageServer(process.argv.slice(3), (text) => process.stderr.write(`${text}\n`), engineThread);
  if (started !== 'serving') {
    process.exitCode = started;
    await engineThread.terminate();
  }
} else {
  await import(bundle.href);
}

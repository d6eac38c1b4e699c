#!/usr/bin/env node
// Entry point of the `fulcrum` command: the bundled CLI lives in dist/ (built by `npm run build`).
// `fulcrum lsp` goes straight to the language server's bundle: an editor waits for it to start,
// and it needs none of the CLI (the engine runs in the server's worker thread).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const languageServer = process.argv[2] === 'lsp';
const bundle = new URL(languageServer ? '../dist/lsp.js' : '../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('fulcrum: the CLI is not built yet. Run `npm run build` in the Fulcrum folder first.');
  process.exit(2);
}
const loaded = await import(bundle.href);
if (languageServer) {
  const started = loaded.runLanguageServer(process.argv.slice(3), (text) => process.stderr.write(`${text}\n`));
  if (started !== 'serving') process.exitCode = started;
}

#!/usr/bin/env node
// Entry point of the `fulcrum` command: the bundled CLI lives in dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('fulcrum: the CLI is not built yet. Run `npm run build` in the Fulcrum folder first.');
  process.exit(2);
}
await import(bundle.href);

// Bundles each front end from src/ into dist/ (and the webview script into media/).
// `node esbuild.config.mjs [--watch]`.
import * as esbuild from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const extension = { ...common, external: ['vscode'], minify: true };

const targets = [
  // The CLI: one ESM file for Node 20+.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'esm', target: 'node20' },
  // The CLI's lint worker thread (a document over its time budget is stopped by terminating it).
  { ...common, entryPoints: ['src/cli/lintWorker.ts'], outfile: 'dist/cli-worker.js', platform: 'node', format: 'esm', target: 'node20' },
  // The language server (`fulcrum lsp --stdio`), loaded by the CLI only for that command, and its engine thread.
  // vscode-languageserver is CommonJS and require()s Node's modules: an ESM bundle needs a require for it.
  { ...common, entryPoints: ['src/lsp/command.ts'], outfile: 'dist/lsp.js', platform: 'node', format: 'esm', target: 'node20', banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } },
  { ...common, entryPoints: ['src/lsp/engineWorker.ts'], outfile: 'dist/lsp-worker.js', platform: 'node', format: 'esm', target: 'node20' },
  // VS Code desktop: the language client, CommonJS (the extension host require()s it). The server it
  // starts is the one above (bin/fulcrum.js lsp --stdio → dist/lsp.js and dist/lsp-worker.js).
  { ...extension, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.node.cjs', platform: 'node', format: 'cjs', target: 'node18' },
  // VS Code for the web: no Node APIs at all. The client (.cjs: with "type": "module" in package.json, the web
  // extension host would take a .js entry for an ES module, which it cannot load), the same language server in a
  // web worker, and its engine worker.
  { ...extension, entryPoints: ['src/vscode/extension.web.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', format: 'cjs', target: 'es2022' },
  { ...extension, entryPoints: ['src/lsp/browserServer.ts'], outfile: 'dist/web/server.js', platform: 'browser', format: 'iife', target: 'es2022', external: [] },
  { ...extension, entryPoints: ['src/lsp/engineWorker.web.ts'], outfile: 'dist/web/engine.js', platform: 'browser', format: 'iife', target: 'es2022', external: [] },
  // The report webview's script, loaded from media/ under a nonce'd CSP.
  { ...common, entryPoints: ['src/vscode/webview/report.ts'], outfile: 'media/report.js', platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, minify: true },
  // The VS Code integration suite (test/vscode/), with mocha, in one CommonJS file for @vscode/test-electron,
  // and the runner extension that runs the same suite inside code-server.
  { ...common, entryPoints: { 'suite/index': 'test/vscode/suite/index.ts', 'runner/extension': 'test/vscode/runner/extension.ts' }, outdir: 'out/vscode', outExtension: { '.js': '.cjs' }, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } },
];

const watch = process.argv.includes('--watch');
await Promise.all(
  targets.map(async (options) => {
    if (watch) await (await esbuild.context(options)).watch();
    else await esbuild.build(options);
  }),
);
if (!watch) console.log(`esbuild: built ${targets.map((t) => t.outfile ?? t.outdir).join(', ')}`);

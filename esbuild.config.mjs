// Bundles each front end from src/ into dist/. `node esbuild.config.mjs [--watch]`.
import * as esbuild from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

const targets = [
  // The CLI: one ESM file for Node 20+.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'esm', target: 'node20' },
];

const watch = process.argv.includes('--watch');
for (const options of targets) {
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
if (!watch) console.log(`esbuild: built ${targets.map((t) => t.outfile).join(', ')}`);

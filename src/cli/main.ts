import { readFileSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { EXIT, run } from './run.js';
import { colorEnabled } from './terminal.js';

const args = process.argv.slice(2);

if (args[0] === 'lsp') {
  // The language server is a bundle of its own (dist/lsp.js): the other commands never load it.
  const { runLanguageServer } = (await import(new URL('./lsp.js', import.meta.url).href)) as typeof import('../lsp/command.js');
  const started = runLanguageServer(args.slice(1), pkg.version, (text) => process.stderr.write(`${text}\n`));
  if (started !== 'serving') process.exitCode = started;
} else {
  try {
    process.exitCode = run(args, {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      stdoutRaw: (text) => process.stdout.write(text),
      readStdin: () => readFileSync(0),
      cwd: process.cwd(),
      color: colorEnabled(process.stdout),
    });
  } catch (error) {
    process.stderr.write(`fulcrum: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}

import { readFileSync } from 'node:fs';
import { EXIT, run } from './run.js';
import { colorEnabled } from './terminal.js';

try {
  process.exitCode = run(process.argv.slice(2), {
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

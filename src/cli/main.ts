import { readFileSync } from 'node:fs';
import { EXIT, run } from './run.js';
import { colorEnabled } from './terminal.js';

// `fulcrum check … | head` closes the pipe before all findings are written. Like other Unix
// tools, stop quietly instead of crashing with an EPIPE stack trace; any other failure to
// write the output is reported in one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`fulcrum: cannot write the output: ${error.message}\n`);
  process.exit(EXIT.usage);
});

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

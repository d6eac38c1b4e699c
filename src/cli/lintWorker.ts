/**
 * The CLI's lint worker thread: runs LintJobs for the main thread (see budget.ts), so that a
 * document that takes too long can be stopped by terminating this thread. It answers on the
 * port it was given and wakes the waiting main thread through the shared flag.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ConfigResolver } from './config.js';
import { runLintJob, type LintJob } from './lintJob.js';
import { DONE, READY, type WorkerSetup } from './budget.js';

const { port, flag, explicitConfig, cwd } = workerData as WorkerSetup & { port: MessagePort };
const resolver = new ConfigResolver(explicitConfig, cwd);

function signal(value: number): void {
  Atomics.store(flag, 0, value);
  Atomics.notify(flag, 0);
}

port.on('message', (job: LintJob) => {
  try {
    port.postMessage({ ok: runLintJob(resolver, job) });
  } catch (error) {
    port.postMessage({ error: (error as Error).stack ?? String(error) });
  }
  signal(DONE);
});
parentPort?.unref();
signal(READY);

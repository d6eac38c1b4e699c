/**
 * A test-runner extension for editors that @vscode/test-electron cannot launch (here:
 * code-server). Installed next to Fulcrum, it runs the integration suite in the extension
 * host once the workbench has started and writes the results as JSON to the file named by
 * FULCRUM_VSCODE_RESULTS (or the fulcrumTests.resultsFile setting). With neither, it does
 * nothing. Progress goes, one JSON line per test, to the same path plus ".progress".
 */
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { runSuite, type SuiteResults } from '../suite/index.js';

export interface RunnerReport extends SuiteResults {
  vscodeVersion: string;
  appName: string;
  appHost: string;
  remoteName: string | null;
  node: string;
  fulcrumVersion: string | null;
}

function resultsFile(): string | undefined {
  const fromEnv = process.env.FULCRUM_VSCODE_RESULTS;
  if (fromEnv) return fromEnv;
  return vscode.workspace.getConfiguration('fulcrumTests').get<string>('resultsFile') || undefined;
}

function writeAtomically(file: string, data: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(data, null, 2));
  renameSync(temporary, file);
}

async function runAndReport(file: string): Promise<void> {
  const progress = `${file}.progress`;
  const note = (event: Record<string, unknown>) => appendFileSync(progress, `${JSON.stringify({ at: Date.now(), ...event })}\n`);
  note({ event: 'start', pid: process.pid });
  let results: SuiteResults;
  try {
    results = await runSuite({ onTestEnd: (test) => note({ event: 'test', ...test }) });
  } catch (error) {
    results = { passes: 0, failures: 1, pending: 0, durationMs: 0, tests: [], errors: [{ title: 'running the suite', message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack }] };
  }
  const report: RunnerReport = {
    ...results,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    appHost: vscode.env.appHost,
    remoteName: vscode.env.remoteName ?? null,
    node: process.version,
    fulcrumVersion: (vscode.extensions.getExtension('fulcrum-writing.fulcrum')?.packageJSON as { version?: string } | undefined)?.version ?? null,
  };
  writeAtomically(file, report);
  note({ event: 'end', passes: results.passes, failures: results.failures });
}

export function activate(): void {
  const file = resultsFile();
  // One run per results file: a second window (or a reconnect) must not run the suite again.
  if (!file || existsSync(file) || existsSync(`${file}.progress`)) return;
  void runAndReport(file);
}

export function deactivate(): void {}

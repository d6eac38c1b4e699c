import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { RunnerReport } from '../vscode/runner/extension.js';
import type { TestResult } from '../vscode/suite/index.js';
import { ROOT } from '../helpers.js';
import { CHROMIUM_ARGS, chromiumPath } from './browser.js';
import { packageVsix, setupCache, startCodeServer, type CodeServer } from './codeServer.js';

/**
 * Runs the VS Code API integration suite (test/vscode/suite) inside code-server, where
 * @vscode/test-electron cannot go: the suite, bundled with mocha into a small runner
 * extension (test/vscode/runner), is installed next to the freshly packaged Fulcrum .vsix;
 * a headless Chromium opens the workbench so that the extension host starts; the runner
 * runs the suite there and writes the results to a JSON file, which this module waits for.
 */

export type { RunnerReport, TestResult };

export interface IntegrationRun {
  report: RunnerReport;
  /** Seconds spent in each phase. */
  timings: { package: number; start: number; workbench: number; suite: number; total: number };
}

export interface IntegrationOptions {
  /** How long the suite may take once the workbench is up (default 6 minutes). */
  timeoutMs?: number;
  /** Only the suite tests whose full title matches (mocha grep). */
  grep?: string;
  /** Called as each suite test ends. */
  onTest?: (test: TestResult) => void;
}

const RUNNER_DIR = join(ROOT, 'test', 'vscode', 'runner');
const RUNNER_BUNDLE = join(ROOT, 'out', 'vscode', 'runner', 'extension.cjs');

/** Packages the runner extension (its package.json, the bundle from esbuild.config.mjs, the LICENSE) as a .vsix. */
export function packageRunnerExtension(): string {
  if (!existsSync(RUNNER_BUNDLE)) throw new Error(`${RUNNER_BUNDLE} is missing: run \`node esbuild.config.mjs\` first`);
  const staging = mkdtempSync(join(tmpdir(), 'fulcrum-runner-'));
  try {
    copyFileSync(join(RUNNER_DIR, 'package.json'), join(staging, 'package.json'));
    copyFileSync(RUNNER_BUNDLE, join(staging, 'extension.cjs'));
    copyFileSync(join(ROOT, 'LICENSE'), join(staging, 'LICENSE'));
    const out = join(ROOT, 'out', 'fulcrum-integration-runner.vsix');
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: staging, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`vsce package (runner) failed:\n${result.stdout}\n${result.stderr}`);
    return out;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Installs another .vsix into a started code-server's extensions folder (before any client connects). */
export function installIntoCodeServer(server: CodeServer, vsix: string): void {
  const { node, entry } = setupCache();
  const base = dirname(server.workspace);
  const args = [entry, '--config', '/dev/null', '--user-data-dir', join(base, 'user-data'), '--extensions-dir', join(base, 'extensions'), '--install-extension', vsix];
  const install = spawnSync(node, args, { encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
}

/** The last lines of the extension host's logs, for a failure message. */
function extensionHostLog(server: CodeServer, lines = 40): string {
  const logs = join(dirname(server.workspace), 'user-data', 'logs');
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost\.log$/.test(name)) found.push(path);
    }
  };
  walk(logs);
  return found.map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-lines).join('\n')}`).join('\n') || '(no extension host log)';
}

function seconds(from: number, to = Date.now()): number {
  return Math.round((to - from) / 100) / 10;
}

/** Starts code-server with Fulcrum and the runner, opens the workbench, and resolves with the suite's results. */
export async function runIntegrationSuiteInCodeServer(options: IntegrationOptions = {}): Promise<IntegrationRun> {
  const t0 = Date.now();
  const fulcrumVsix = packageVsix();
  const runnerVsix = packageRunnerExtension();
  const tPackaged = Date.now();

  const resultsDir = mkdtempSync(join(tmpdir(), 'fulcrum-integration-'));
  const results = join(resultsDir, 'results.json');
  const progress = `${results}.progress`;
  // code-server's extension host inherits the server's environment: that is how the runner learns where to write.
  const saved = { results: process.env.FULCRUM_VSCODE_RESULTS, grep: process.env.FULCRUM_VSCODE_GREP };
  process.env.FULCRUM_VSCODE_RESULTS = results;
  if (options.grep) process.env.FULCRUM_VSCODE_GREP = options.grep;
  else delete process.env.FULCRUM_VSCODE_GREP;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ 'README.md': '# Fulcrum integration workspace\n' }, fulcrumVsix);
  } finally {
    for (const [key, value] of [['FULCRUM_VSCODE_RESULTS', saved.results], ['FULCRUM_VSCODE_GREP', saved.grep]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  try {
    installIntoCodeServer(server, runnerVsix);
    const tStarted = Date.now();

    // The extension host starts only when a client connects.
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    const tWorkbench = Date.now();

    const timeoutMs = options.timeoutMs ?? 6 * 60_000;
    const deadline = Date.now() + timeoutMs;
    const startBy = Date.now() + 90_000;
    let seen = 0;
    for (;;) {
      if (existsSync(progress)) {
        const lines = readFileSync(progress, 'utf8').split('\n').filter(Boolean);
        for (const line of lines.slice(seen)) {
          const event = JSON.parse(line) as { event: string } & TestResult;
          if (event.event === 'test') options.onTest?.({ titlePath: event.titlePath, state: event.state, durationMs: event.durationMs, error: event.error });
        }
        seen = lines.length;
      } else if (Date.now() > startBy) {
        throw new Error(`the runner extension did not start within 90 s of the workbench loading\n${extensionHostLog(server)}`);
      }
      if (existsSync(results)) break;
      if (Date.now() > deadline) throw new Error(`the suite did not finish within ${timeoutMs / 1000} s (${seen} progress lines)\n${extensionHostLog(server)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const report = JSON.parse(readFileSync(results, 'utf8')) as RunnerReport;
    const tDone = Date.now();
    return {
      report,
      timings: { package: seconds(t0, tPackaged), start: seconds(tPackaged, tStarted), workbench: seconds(tStarted, tWorkbench), suite: seconds(tWorkbench, tDone), total: seconds(t0, tDone) },
    };
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(resultsDir, { recursive: true, force: true });
    if (!process.env.FULCRUM_KEEP_CODE_SERVER) rmSync(dirname(server.workspace), { recursive: true, force: true });
  }
}

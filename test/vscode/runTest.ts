/**
 * `npm run test:desktop`: the integration suite (test/vscode/suite) in a desktop VS Code
 * that @vscode/test-electron downloads, for machines that can reach update.code.visualstudio.com.
 * (Here, without internet, `npm test` runs the same suite inside code-server instead: see
 * test/vscode-integration.test.ts.) On a Linux machine with no display: `xvfb-run -a npm run test:desktop`.
 *
 * Environment:
 *   VSCODE_TEST_VERSION   the VS Code to test with: stable (default), insiders, or e.g. 1.90.0 (the oldest supported)
 *   FULCRUM_VSIX          test this packaged .vsix (installed into a fresh profile) instead of the repository folder
 *   FULCRUM_VSCODE_GREP   run only the suite tests whose title matches
 *   FULCRUM_E2E_CACHE     where downloads are kept (default ~/.cache/fulcrum-e2e, shared with the code-server tests)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { ROOT } from '../helpers.js';

const SUITE = join(ROOT, 'out', 'vscode', 'suite', 'index.cjs');
const RUNNER_BUNDLE = join(ROOT, 'out', 'vscode', 'runner', 'extension.cjs');

/** Settings that keep first-run noise out of the way of the tests. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
};

/**
 * With a packaged .vsix the development extension is only a stand-in (test-electron requires
 * one): the runner extension, which does nothing unless told where to write results.
 */
function stageRunner(into: string): string {
  if (!existsSync(RUNNER_BUNDLE)) throw new Error(`${RUNNER_BUNDLE} is missing: run \`npm run build\` first`);
  const dir = join(into, 'runner');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'test', 'vscode', 'runner', 'package.json'), join(dir, 'package.json'));
  copyFileSync(RUNNER_BUNDLE, join(dir, 'extension.cjs'));
  return dir;
}

async function main(): Promise<number> {
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run \`npm run build\` first`);
  const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
  const cachePath = join(process.env.FULCRUM_E2E_CACHE ?? join(homedir(), '.cache', 'fulcrum-e2e'), 'vscode-test');
  const vsix = process.env.FULCRUM_VSIX ? resolve(process.env.FULCRUM_VSIX) : undefined;

  const base = mkdtempSync(join(tmpdir(), 'fulcrum-desktop-'));
  const workspace = join(base, 'workspace');
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const profile = [`--user-data-dir=${userData}`, `--extensions-dir=${extensions}`];

  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath });
    let extensionDevelopmentPath = ROOT;
    const launchArgs = [workspace, ...profile];
    if (vsix) {
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
      const install = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix], { encoding: 'utf8', shell: process.platform === 'win32' });
      if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
      extensionDevelopmentPath = stageRunner(base);
      console.log(`Testing the packaged extension ${vsix}`);
    } else {
      // Only the extension under development (and VS Code's built-in ones).
      launchArgs.push('--disable-extensions');
      console.log(`Testing the extension in ${ROOT}`);
    }
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: SUITE,
      launchArgs,
      // The runner extension, if loaded as a stand-in, must not run the suite a second time.
      extensionTestsEnv: { FULCRUM_VSCODE_RESULTS: '', FULCRUM_VSCODE_GREP: process.env.FULCRUM_VSCODE_GREP },
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(String((error as Error)?.message ?? error));
    console.error(`test:desktop failed: ${(error as Error)?.stack ?? error}`);
    if (offline) console.error('Downloading VS Code needs internet access. Offline, `npm test` (or `npm run test:code-server`) runs the same suite inside code-server.');
    process.exit(1);
  },
);

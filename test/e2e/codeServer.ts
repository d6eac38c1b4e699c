import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/**
 * A real VS Code for tests: code-server (installed once into a cache by
 * setup-code-server.sh) with the freshly packaged .vsix, served on loopback only.
 */

export interface CodeServer {
  url: string;
  workspace: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function setupCache(): { cache: string; node: string; entry: string } {
  const result = spawnSync('bash', [join(ROOT, 'test', 'e2e', 'setup-code-server.sh')], { encoding: 'utf8', timeout: 20 * 60_000 });
  if (result.status !== 0) throw new Error(`setup-code-server.sh failed:\n${result.stderr.slice(-3000)}`);
  const cache = result.stdout.trim().split('\n').at(-1)!;
  return {
    cache,
    node: join(cache, 'node24', 'node_modules', 'node', 'bin', 'node'),
    entry: join(cache, 'code-server-4.139.1', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

export function packageVsix(): string {
  const out = join(ROOT, 'out', 'fulcrum-test.vsix');
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status > 0) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${url}`);
}

/** User settings that keep first-run noise (welcome page, trust prompt, tips) out of the way. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'editor.minimap.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
};

/** `settings` are added to USER_SETTINGS (for instance to run an extension in the browser's extension host). */
export async function startCodeServer(files: Record<string, string>, vsix: string, settings: Record<string, unknown> = {}): Promise<CodeServer> {
  const { node, entry } = setupCache();
  const base = mkdtempSync(join(tmpdir(), 'fulcrum-e2e-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const workspace = join(base, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);

  const common = ['--config', '/dev/null', '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry'];
  const install = spawnSync(node, [entry, ...common, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  const child = spawn(node, [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', '--disable-getting-started-override', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VSCODE_PROXY_URI: '' },
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log.slice(-2000)}`, { cause: error });
  }
  return {
    url: `${url}?folder=${encodeURIComponent(workspace)}`,
    workspace,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

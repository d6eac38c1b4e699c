import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.js';

/** Installs Debian's Chromium when it is missing, as test/e2e/setup-code-server.sh does. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath())) return;
  const run = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(chromiumPath())) throw new Error('Chromium is not installed and apt-get could not install it');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
}

async function launch(userDataDir: string, extensionDir: string, proxyPort: number, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Everything but loopback goes to a proxy that records it: the privacy test reads it.
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      ...extraArgs,
    ],
    // Playwright passes --disable-extensions by default; extensions load only without it.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 800 },
  });
}

async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

/**
 * Chromium with the unpacked extension, with `sites` granted as if the user had allowed
 * them. A headless browser cannot click the permission prompt, so the grant is written
 * where Chromium keeps it (the profile's Preferences) between a first launch, which
 * installs the extension, and a second one; the extension finds the grant at start-up
 * exactly as it would after a real prompt. The manifest stays the shipped one.
 */
export async function launchWithExtension(extensionDir: string, proxyPort: number, sites: string[], options: { netLogFile?: string } = {}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fulcrum-browser-ext-'));
  let context = await launch(userDataDir, extensionDir, proxyPort);
  const extensionId = new URL((await serviceWorkerOf(context)).url()).host;
  await context.close();

  const preferencesFile = join(userDataDir, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(preferencesFile, 'utf8'));
  const entry = preferences.extensions.settings[extensionId];
  for (const key of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    entry[key] = { api: [], manifest_permissions: [], scriptable_host: [], ...(entry[key] ?? {}) };
    entry[key].explicit_host = [...new Set([...(entry[key].explicit_host ?? []), ...sites])];
  }
  writeFileSync(preferencesFile, JSON.stringify(preferences));

  // The network log records every request the browser's network stack makes, with who asked for it.
  context = await launch(userDataDir, extensionDir, proxyPort, options.netLogFile ? [`--log-net-log=${options.netLogFile}`, '--net-log-capture-mode=Default'] : []);
  const serviceWorker = await serviceWorkerOf(context);
  return { context, serviceWorker, extensionId, userDataDir };
}

/** A request from Chromium's network log: its URL and the origin that asked for it ("not an origin" for the browser itself). */
export interface LoggedRequest {
  url: string;
  initiator: string;
}

export function readNetLog(file: string): LoggedRequest[] {
  const raw = readFileSync(file, 'utf8');
  let log: { constants: { logEventTypes: Record<string, number> }; events: Array<{ type: number; params?: { url?: string; initiator?: string } }> };
  try {
    log = JSON.parse(raw);
  } catch {
    // A log cut short at shutdown lacks its closing brackets.
    log = JSON.parse(`${raw.replace(/,?\s*$/, '')}]}`);
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.filter((e) => e.type === startJob && e.params?.url).map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? 'not an origin' }));
}

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags that behave on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.FULCRUM_CHROMIUM ?? '/usr/bin/chromium';
}

export async function launchPersistent(extraArgs: string[] = [], options: { headless?: boolean; ignoreDefaultArgs?: string[] } = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fulcrum-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ignoreDefaultArgs: options.ignoreDefaultArgs,
    viewport: { width: 1400, height: 900 },
  });
}

/** Screenshots of each step go to one folder per run, printed so a person can look. */
export class Screenshots {
  readonly dir: string;
  private step = 0;

  constructor(name: string) {
    this.dir = join(process.env.FULCRUM_SCREENSHOTS ?? join(tmpdir(), 'fulcrum-screenshots'), `${name}-${Date.now()}`);
    mkdirSync(this.dir, { recursive: true });
  }

  async take(page: Page, label: string): Promise<string> {
    this.step++;
    const file = join(this.dir, `${String(this.step).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file });
    return file;
  }
}

/**
 * A browser on a code-server workbench, loaded and ready: what every VS Code suite opens first.
 * `watch` sees the page before it loads (to collect console messages, say).
 */
export async function openWorkbench(url: string, watch?: (page: Page) => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchPersistent();
  const page = context.pages()[0] ?? (await context.newPage());
  watch?.(page);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  return { context, page };
}

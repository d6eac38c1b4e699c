import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { lint } from '../../src/core/index.js';
import { ROOT } from '../helpers.js';
import { openWorkbench, Screenshots } from './browser.js';
import { packageVsix, startCodeServer, type CodeServer } from './codeServer.js';

/**
 * The web extension (dist/web/extension.cjs, its language server in a web worker) in a real
 * browser: code-server is told to run Fulcrum in the browser's web worker extension host, as
 * vscode.dev does, instead of on the Node side. The extension's files are then on the remote, so
 * this also takes the path that starts the server's worker from a blob.
 */
const REVIEW = 'review-weak.md';

describe('VS Code web extension in a real browser (code-server’s web worker extension host + Chromium)', function () {
  this.timeout(30 * 60_000);
  let server: CodeServer;
  let context: BrowserContext;
  let page: Page;
  const shots = new Screenshots('vscode-web');
  const reviewText = readFileSync(join(ROOT, 'examples', REVIEW), 'utf8');
  const messages: string[] = [];

  before(async function () {
    this.timeout(25 * 60_000);
    server = await startCodeServer({ [REVIEW]: reviewText }, packageVsix(), { 'remote.extensionKind': { 'fulcrum-writing.fulcrum': ['web'] } });
    ({ context, page } = await openWorkbench(server.url, (p) => p.on('console', (m) => void messages.push(m.text()))));
    console.log(`      screenshots: ${shots.dir}`);
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  it('activates in the web extension host and shows the language server’s squiggles and score', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(REVIEW);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: REVIEW }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
    assert.ok((await page.locator('.monaco-editor .squiggly-warning').count()) > 3);
    const expected = lint(reviewText).score.overall;
    await page.locator('.statusbar-item', { hasText: `Fulcrum ${expected}` }).first().waitFor({ timeout: 30_000 });
    await shots.take(page, 'web-squiggles');
    assert.deepEqual(
      messages.filter((m) => /Activating extension 'fulcrum-writing\.fulcrum' failed|Fulcrum client: couldn't create connection/.test(m)),
      [],
      'the extension activated and reached its server',
    );
  });
});

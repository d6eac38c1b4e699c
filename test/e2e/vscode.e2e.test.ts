import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { dismissalOf, lint, type Dismissal } from '../../src/core/index.js';
import { ROOT } from '../helpers.js';
import { openWorkbench, Screenshots } from './browser.js';
import { packageVsix, startCodeServer, type CodeServer } from './codeServer.js';

/**
 * Fulcrum in a real VS Code: code-server serves the editor on loopback with the freshly
 * packaged .vsix installed, and Debian's Chromium drives it the way a person would.
 */

const REVIEW = 'review-weak.md';
const HOSTILE = 'hostile.md';
const HOSTILE_TEXT = `---
fulcrum:
  profile: review
---
# <script>window.__fulcrumPwned = 1</script> Review

<img src=x onerror="window.__fulcrumPwned = 2"> Dana is lazy about code reviews. </textarea><script>window.__fulcrumPwned = 3</script>

You need to be more proactive going forward. "><svg onload="window.__fulcrumPwned = 4">
`;

const isCtrl = process.platform === 'darwin' ? 'Meta' : 'Control';

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press(`${isCtrl}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press(`${isCtrl}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

/**
 * Puts the cursor on a finding and opens the quick-fix menu (Ctrl+.) until `shown` is visible:
 * on a busy machine the code actions can take a moment, so ask again, as a person would.
 */
async function openQuickFixes(page: Page, at: { line: number; column: number }, shown: Locator): Promise<Locator> {
  await goTo(page, at.line, at.column + 1);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${isCtrl}+.`);
    try {
      await shown.waitFor({ state: 'visible', timeout: 8_000 });
      return page.locator('.action-widget').first();
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The report's content lives two iframes deep; find the frame that has our root element. */
/** The report webview's frame; with `file`, the report of that file (an earlier report may still be open). */
async function reportFrame(page: Page, file?: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const root = file ? frame.locator('#root', { hasText: file }) : frame.locator('#root');
        if ((await root.count()) && (await frame.locator('#root .overall').count())) return frame;
      } catch {
        // frame detached while we looked
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the Fulcrum report did not appear');
}

describe('VS Code extension in a real editor (code-server + Chromium)', function () {
  this.timeout(30 * 60_000);
  let server: CodeServer;
  let context: BrowserContext;
  let page: Page;
  const shots = new Screenshots('vscode');
  const reviewText = readFileSync(join(ROOT, 'examples', REVIEW), 'utf8');
  /** Findings dismissed as "Not an issue" in this editor: later scores leave them out too. */
  const dismissed: Dismissal[] = [];

  before(async function () {
    this.timeout(25 * 60_000);
    const vsix = packageVsix();
    server = await startCodeServer({ [REVIEW]: reviewText, [HOSTILE]: HOSTILE_TEXT }, vsix);
    ({ context, page } = await openWorkbench(server.url));
    console.log(`      screenshots: ${shots.dir}`);
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  it('shows squiggles for named rules in the editor and the Problems panel', async () => {
    await openFile(page, REVIEW);
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.ok((await page.locator('.monaco-editor .squiggly-warning').count()) > 3);
    await shots.take(page, 'squiggles');

    await page.keyboard.press(`${isCtrl}+Shift+M`);
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    assert.ok((await panel.innerText()).includes('Fulcrum'), 'diagnostics should carry the source Fulcrum');
    // The list is virtualised: filter by rule id to find each one, as a person would.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    for (const rule of ['feedback/vague-praise', 'expectations/vague-ask', 'follow-up/no-check-in']) {
      await filter.fill(rule);
      await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 10_000 });
    }
    await filter.fill('');
    await shots.take(page, 'problems-panel');
    await page.keyboard.press(`${isCtrl}+Shift+M`);
  });

  it('shows the live score in the status bar', async () => {
    const item = page.locator('.statusbar-item', { hasText: /Fulcrum \d+/ });
    await item.first().waitFor({ timeout: 30_000 });
    const expected = lint(reviewText).score.overall;
    assert.match(await item.first().innerText(), new RegExp(`Fulcrum ${expected}\\b`));
  });

  it('applies a quick fix with Ctrl+. and changes the text as the fix says', async () => {
    const finding = lint(reviewText).findings.find((f) => f.ruleId === 'expectations/vague-time');
    assert.ok(finding, 'the example has a vague time word');
    const word = reviewText.slice(finding.range.start.offset, finding.range.end.offset);
    const menu = await openQuickFixes(page, finding.range.start, page.locator('.action-widget').first());
    await shots.take(page, 'quick-fix-menu');
    // The rule's own fix is the preferred action, first in the menu: Enter applies it.
    await menu.locator('.monaco-list-row.focused', { hasText: 'with a date' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    // The fix is a snippet, "by ${1:date}", with "date" selected for typing.
    await page.locator('.monaco-editor .snippet-placeholder').first().waitFor({ timeout: 10_000 });
    await shots.take(page, 'snippet-placeholder');
    // The menu hands focus back to the editor a moment after it hides; keys typed before then are
    // lost while Ctrl+S, a workbench key, still saves. Type only once the editor has focus.
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null, undefined, { timeout: 10_000 });
    await page.keyboard.type('Friday 14 March');
    // One word, so that a wrapped line cannot split what is looked for.
    await page.locator('.monaco-editor .view-line', { hasText: 'Friday' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${isCtrl}+S`);
    const saved = join(server.workspace, REVIEW);
    const expected = reviewText.slice(0, finding.range.start.offset) + 'by Friday 14 March' + reviewText.slice(finding.range.end.offset);
    // Saving truncates the file before writing it: wait until the typed words are on disk and the
    // file reads the same twice in a row, or a read between the two steps sees an empty file.
    const deadline = Date.now() + 15_000;
    let after = readFileSync(saved, 'utf8');
    for (let previous = ''; Date.now() < deadline; previous = after) {
      await page.waitForTimeout(200);
      after = readFileSync(saved, 'utf8');
      if (after.includes('Friday 14 March') && after === previous) break;
    }
    assert.equal(after, expected, `"${word}" should have become "by Friday 14 March" and nothing else should change`);
    await shots.take(page, 'after-fix');
  });

  it('"Not an issue" hides a finding, and the score leaves it out', async () => {
    const text = readFileSync(join(server.workspace, REVIEW), 'utf8');
    const before = lint(text);
    // A finding whose dismissal changes the score, so the status bar shows that it took effect.
    const scoreWithout = (f: (typeof before.findings)[number]) => lint(text, { dismissals: [dismissalOf(f, text, before.profile)] }).score.overall;
    const finding = before.findings.find((f) => f.scope === 'inline' && scoreWithout(f) !== before.score.overall);
    assert.ok(finding, 'some finding in the example costs points of its own');
    const expected = scoreWithout(finding);
    dismissed.push(dismissalOf(finding, text, before.profile));
    const menu = page.locator('.action-widget').first();
    await openQuickFixes(page, finding.range.start, menu.locator('.monaco-list-row', { hasText: 'Not an issue' }));
    await menu.locator('.monaco-list-row', { hasText: 'Not an issue' }).click();
    await page.locator('.statusbar-item', { hasText: new RegExp(`Fulcrum ${expected}\\b`) }).first().waitFor({ timeout: 30_000 });
  });

  it('explains a finding on hover: why, the seed quote and an example', async () => {
    const finding = lint(readFileSync(join(server.workspace, REVIEW), 'utf8')).findings.find((f) => f.ruleId === 'feedback/vague-praise')!;
    await goTo(page, finding.range.start.line, finding.range.start.column + 1);
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press(`${isCtrl}+K`);
    await page.keyboard.press(`${isCtrl}+I`);
    const hover = page.locator('.monaco-hover', { hasText: 'Fulcrum · Praise with nothing specific in it' });
    await hover.first().waitFor({ timeout: 15_000 });
    const text = await hover.first().innerText();
    assert.ok(text.includes('contributions are recognized'), 'the seed quote');
    assert.ok(text.includes('✗') && text.includes('✓'), 'a before/after example');
    await shots.take(page, 'hover');
    await page.keyboard.press('Escape');
  });

  it('opens the score report with the score and the balance chart', async () => {
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Fulcrum: Score Document');
    const frame = await reportFrame(page);
    const expected = lint(readFileSync(join(server.workspace, REVIEW), 'utf8'), { dismissals: dismissed }).score.overall;
    assert.equal((await frame.locator('.overall .number').innerText()).trim(), String(expected));
    assert.equal(await frame.locator('svg.balance g.dimension').count(), 9);
    assert.ok((await frame.locator('ol.findings li.finding').count()) > 0);
    assert.equal((await frame.locator('table.breakdown tr.total td').last().innerText()).trim(), String(expected), 'how the score was made ends at the score');
    await page.waitForTimeout(500);
    await shots.take(page, 'score-report');
  });

  it('keeps hostile document text inert in the report', async () => {
    await openFile(page, HOSTILE);
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Fulcrum: Score Document');
    const frame = await reportFrame(page, HOSTILE);
    await frame.locator('ol.findings li').first().waitFor();
    assert.equal(await frame.evaluate(() => (window as unknown as { __fulcrumPwned?: number }).__fulcrumPwned), undefined);
    assert.equal(await frame.locator('#root img, #root script, #root textarea').count(), 0, 'document text must never become elements');
    const text = await frame.locator('#root').innerText();
    assert.ok(text.includes('hostile.md'));
    await shots.take(page, 'hostile-report');
  });

  after(() => {
    // Keep the best steps for the README.
    const keep = join(ROOT, 'media', 'screenshots');
    if (!process.env.FULCRUM_UPDATE_SCREENSHOTS) return;
    mkdirSync(keep, { recursive: true });
    for (const [from, to] of [['squiggles', 'vscode-squiggles'], ['quick-fix-menu', 'vscode-quick-fix'], ['score-report', 'vscode-report'], ['problems-panel', 'vscode-problems'], ['hover', 'vscode-hover']]) {
      const file = [...Array(20).keys()].map((i) => join(shots.dir, `${String(i + 1).padStart(2, '0')}-${from}.png`)).find(existsSync);
      if (file) copyFileSync(file, join(keep, `${to}.png`));
    }
  });
});

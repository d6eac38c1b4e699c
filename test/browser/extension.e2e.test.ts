/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { BrowserContext, Frame, Page, Request } from 'playwright-core';
import { builtinRules, Linter, type Finding, type TextFormat } from '../../src/core/index.js';
import { guessFormat } from '../../src/browser/ui/textChanges.js';
import { ROOT } from '../helpers.js';
import { Screenshots } from '../e2e/browser.js';
import { ensureChromium, launchWithExtension, readNetLog, type ExtensionBrowser } from './launch.js';
import { EDITABLE_TEXT, FRAME_TEXT, fixturePages, REACT_TEXT, TEXTAREA_TEXT } from './pages.js';
import { centre, domWordRects, drawnMarks, sameRects, textareaWordRects, waitForMarks, type DrawnMark, type Rect } from './probes.js';
import { FixtureServer, RecordingProxy } from './server.js';

/**
 * The browser extension in Debian's Chromium, headless, loaded unpacked from the build
 * (dist/browser/chrome), on pages served from 127.0.0.1: a plain text area, a rich-text
 * field, a React-controlled text area, a field in an iframe and a password form.
 */

const isCtrl = process.platform === 'darwin' ? 'Meta' : 'Control';

function inlineFindings(text: string, format: TextFormat, config = {}): Finding[] {
  return new Linter(builtinRules, config).lint(text, { format }).findings.filter((f) => f.scope === 'inline');
}

function scoreOf(text: string, format: TextFormat): number {
  return new Linter(builtinRules, {}).lint(text, { format }).score.overall;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** ~5 KB of review prose with the usual problems sprinkled in. */
function fiveKilobyteReview(): string {
  const paragraphs = [
    'Dana led the migration of the billing service this half. The cut-over went out on 12 March with no customer-facing downtime, and the runbook she wrote is now the team standard.',
    'You need to be more proactive going forward. We will utilize the new planning template ASAP, and the rollout needs to be done by someone on the platform side.',
    'In the incident review on 4 April, Dana walked the group through the timeline, named the missing alert and proposed the fix, which shipped the same week.',
    'Great job! Dana can be difficult in planning meetings, and she always pushes back on estimates. Let us circle back on the roadmap soon.',
    'Next quarter Dana will own the on-call handbook, with a first draft by 30 June reviewed by the two newest engineers on the team.',
  ];
  let text = '';
  for (let i = 0; text.length < 5120; i++) text += `${paragraphs[i % paragraphs.length]}\n\n`;
  return text.slice(0, 5120).replace(/\s+\S*$/, '.');
}

describe('Browser extension in a real browser (Chromium, unpacked)', function () {
  this.timeout(10 * 60_000);
  const shots = new Screenshots('browser');
  let server: FixtureServer;
  const proxy = new RecordingProxy();
  let browser: ExtensionBrowser;
  let context: BrowserContext;
  let extensionId: string;
  /** Every request the browser reported or Playwright intercepted, with where it came from. */
  const seen: Array<{ url: string; from: string }> = [];
  const figures: Record<string, unknown> = {};
  const netLogFile = join(shots.dir, 'netlog.json');

  /** A screenshot of a step, cropped to what matters when a clip is given. */
  async function snap(page: Page, label: string, clip?: Rect): Promise<void> {
    const file = join(shots.dir, `${label}.png`);
    await page.screenshot({ path: file, clip: clip && { x: Math.max(0, clip.left), y: Math.max(0, clip.top), width: clip.width, height: clip.height } });
  }

  async function open(path: string, host = '127.0.0.1'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(server.url(path, host));
    return page;
  }

  /** Runs a function in the extension's service worker. */
  function inServiceWorker<T, A extends string | number | null>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    return browser.serviceWorker.evaluate(fn as (arg: unknown) => T | Promise<T>, arg);
  }

  async function tabIdOf(page: Page): Promise<number> {
    return inServiceWorker(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1, page.url());
  }

  async function badgeOf(page: Page): Promise<string> {
    const tabId = await tabIdOf(page);
    return inServiceWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Every inline finding the engine gives for the text has an underline exactly over its words. */
  async function expectMarksOver(target: Page | Frame, text: string, format: TextFormat, wordRects: (f: Finding) => Promise<Rect[]>): Promise<DrawnMark[]> {
    const findings = inlineFindings(text, format);
    assert.ok(findings.length >= 2, 'the fixture should have findings');
    const marks = await waitForMarks(target, (m) => new Set(m.map((x) => x.finding)).size === findings.length);
    for (const finding of findings) {
      const expected = await wordRects(finding);
      const drawn = marks.filter((m) => m.rule === finding.ruleId).map((m) => m.rect);
      // Several findings of one rule: one of them must sit exactly on this one's words.
      const matches = [...new Set(marks.filter((m) => m.rule === finding.ruleId).map((m) => m.finding))].some((index) => sameRects(marks.filter((m) => m.finding === index).map((m) => m.rect), expected));
      assert.ok(matches, `${finding.ruleId} on "${text.slice(finding.range.start.offset, finding.range.end.offset)}": drawn ${JSON.stringify(drawn)}, word at ${JSON.stringify(expected)}`);
    }
    return marks;
  }

  function markFor(marks: DrawnMark[], ruleId: string): DrawnMark {
    const mark = marks.find((m) => m.rule === ruleId);
    assert.ok(mark, `an underline for ${ruleId}`);
    return mark;
  }

  async function openCardFor(page: Page, mark: DrawnMark, how: 'hover' | 'click'): Promise<void> {
    const { x, y } = centre(mark.rect);
    if (how === 'hover') await page.mouse.move(x, y, { steps: 3 });
    else await page.mouse.click(x, y);
    await page.locator('fulcrum-overlay .card:not([hidden])').waitFor({ timeout: 10_000 });
  }

  before(async function () {
    this.timeout(8 * 60_000);
    ensureChromium();
    const { buildBrowser } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-browser.mjs')).href)) as { buildBrowser: () => Promise<{ chromeDir: string }> };
    const { chromeDir } = await buildBrowser();
    // React from npm, bundled by the test, as a web app would ship it.
    const react = await esbuild.build({ entryPoints: [join(ROOT, 'test', 'browser', 'fixtures', 'reactApp.ts')], bundle: true, write: false, format: 'iife', minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
    server = new FixtureServer(fixturePages(react.outputFiles[0].text));
    await server.start();
    await proxy.start();
    browser = await launchWithExtension(chromeDir, proxy.port, ['http://127.0.0.1/*'], { netLogFile });
    context = browser.context;
    extensionId = browser.extensionId;
    await context.route('**/*', (route) => {
      const request = route.request();
      seen.push({ url: request.url(), from: describeOrigin(request) });
      // Only the fixture server (and the extension's own files) can load; anything else is refused here, and by the proxy behind it.
      const url = new URL(request.url());
      return url.protocol === 'chrome-extension:' || url.port === String(server.port) ? route.continue() : route.abort();
    });
    context.on('request', (request) => seen.push({ url: request.url(), from: describeOrigin(request) }));
    // The background registers the content script for the granted site at start-up.
    const deadline = Date.now() + 20_000;
    while (!(await inServiceWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length, null)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    console.log(`      screenshots: ${shots.dir}`);
  });

  function describeOrigin(request: Request): string {
    try {
      return request.frame().url();
    } catch {
      return request.serviceWorker()?.url() ?? 'unknown';
    }
  }

  after(async () => {
    await context?.close();
    await server?.stop();
    await proxy.stop();
    if (Object.keys(figures).length) writeFileSync(join(shots.dir, 'speed.json'), `${JSON.stringify(figures, null, 2)}\n`);
    // Keep the best steps for the README.
    if (!process.env.FULCRUM_UPDATE_SCREENSHOTS) return;
    const keep = join(ROOT, 'media', 'screenshots');
    mkdirSync(keep, { recursive: true });
    for (const name of ['underlines', 'card', 'editable', 'popup', 'options']) {
      const file = join(shots.dir, `browser-${name}.png`);
      if (existsSync(file)) copyFileSync(file, join(keep, `browser-${name}.png`));
    }
  });

  it('ships the least permissions: no host permission by default, sites granted one by one', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'browser', 'chrome', 'manifest.json'), 'utf8'));
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'offscreen', 'scripting', 'storage']);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.content_scripts, undefined, 'the content script is registered only for granted sites');
    assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
  });

  it('underlines the flagged words in a plain text area, over the right words', async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    const format = guessFormat(TEXTAREA_TEXT);
    await expectMarksOver(page, TEXTAREA_TEXT, format, (f) => textareaWordRects(page, '#feedback', f.range.start.offset, f.range.end.offset));
    assert.equal(await page.inputValue('#feedback'), TEXTAREA_TEXT, 'the page text is untouched');
    const box = (await page.locator('#feedback').boundingBox())!;
    await snap(page, 'browser-underlines', { left: 0, top: 0, width: 720, height: box.y + box.height + 40 });
    await page.close();
  });

  it('keeps the underlines on their words when the field scrolls and when it is resized', async () => {
    const page = await open('/textarea.html');
    const long = `${TEXTAREA_TEXT}\n\n${'A line of plain notes.\n'.repeat(30)}We will utilize the new template.`;
    await page.fill('#feedback', long);
    await page.click('#feedback');
    const format = guessFormat(long);
    const rects = (f: Finding) => textareaWordRects(page, '#feedback', f.range.start.offset, f.range.end.offset);
    await expectMarksOver(page, long, format, rects);
    await page.locator('#feedback').evaluate((area) => (area.scrollTop = 120));
    await page.waitForTimeout(200);
    await expectMarksOver(page, long, format, rects);
    await page.locator('#feedback').evaluate((area) => (area.style.width = '420px'));
    await page.waitForTimeout(300);
    await expectMarksOver(page, long, format, rects);
    await page.close();
  });

  it('shows a card on hover (message, why, fix); the fix edits the text as typing would and Ctrl+Z undoes it', async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    const marks = await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    const jargon = inlineFindings(TEXTAREA_TEXT, guessFormat(TEXTAREA_TEXT)).find((f) => f.ruleId === 'clarity/corporate-jargon')!;
    await openCardFor(page, markFor(marks, 'clarity/corporate-jargon'), 'hover');
    const card = page.locator('fulcrum-overlay .card');
    const text = await card.innerText();
    assert.ok(text.includes(jargon.message), 'the message');
    assert.ok(text.includes('Why:') && text.includes(jargon.sources[0].quote), 'the seed quote');
    const fix = card.locator('button.fix');
    assert.equal(await fix.first().innerText(), jargon.fixes[0].title);
    await snap(page, 'browser-card', { left: 0, top: 0, width: 720, height: 420 });
    await page.evaluate(() => {
      const events: string[] = [];
      (window as unknown as { seenEvents: string[] }).seenEvents = events;
      document.querySelector('#feedback')!.addEventListener('input', (e) => events.push((e as InputEvent).inputType));
    });
    await fix.first().click();
    const edit = jargon.fixes[0].edits[0];
    const fixed = TEXTAREA_TEXT.slice(0, edit.start) + edit.text + TEXTAREA_TEXT.slice(edit.end);
    assert.equal(await page.inputValue('#feedback'), fixed);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { seenEvents: string[] }).seenEvents), ['insertText'], 'the page saw one typed edit');
    await waitForMarks(page, (m) => m.length > 0 && !m.some((x) => x.rule === 'clarity/corporate-jargon'));
    await page.keyboard.press(`${isCtrl}+Z`);
    assert.equal(await page.inputValue('#feedback'), TEXTAREA_TEXT, 'undo restores the text');
    await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    await page.close();
  });

  it('underlines a rich-text (contenteditable) field over the right words, and its fix works with undo', async () => {
    const page = await open('/editable.html');
    await page.click('#notes p');
    const marks = await expectMarksOver(page, EDITABLE_TEXT, 'markdown', (f) => domWordRects(page, '#notes', EDITABLE_TEXT.slice(f.range.start.offset, f.range.end.offset)));
    await snap(page, 'browser-editable', { left: 0, top: 0, width: 720, height: 330 });
    const before = await page.locator('#notes').innerHTML();
    await openCardFor(page, markFor(marks, 'clarity/corporate-jargon'), 'click');
    await page.locator('fulcrum-overlay .card button.fix').first().click();
    await page.waitForFunction(() => document.querySelector('#notes')!.textContent!.includes('We will use the new board.'));
    assert.ok(!(await page.locator('#notes').innerText()).includes('utilize'));
    await page.keyboard.press(`${isCtrl}+Z`);
    await page.waitForFunction(() => document.querySelector('#notes')!.textContent!.includes('utilize'));
    assert.equal(await page.locator('#notes').innerHTML(), before, 'undo restores the field exactly');
    await page.close();
  });

  it('applies a fix in a React-controlled text area: the text and React state change, and undo reverts both', async () => {
    const page = await open('/react.html');
    await page.click('#review');
    const marks = await expectMarksOver(page, REACT_TEXT, guessFormat(REACT_TEXT), (f) => textareaWordRects(page, '#review', f.range.start.offset, f.range.end.offset));
    await openCardFor(page, markFor(marks, 'clarity/corporate-jargon'), 'click');
    await page.locator('fulcrum-overlay .card button.fix').first().click();
    const fixed = REACT_TEXT.replace('utilize', 'use');
    assert.equal(await page.inputValue('#review'), fixed);
    assert.equal(await page.locator('#state').innerText(), fixed, "React's state has the fix");
    await page.keyboard.press(`${isCtrl}+Z`);
    assert.equal(await page.inputValue('#review'), REACT_TEXT);
    assert.equal(await page.locator('#state').innerText(), REACT_TEXT, "React's state has the undo");
    // React re-renders the field; typing still works and Fulcrum keeps up.
    await page.keyboard.press(`${isCtrl}+End`);
    await page.keyboard.type(' Thanks!');
    assert.equal(await page.locator('#state').innerText(), `${REACT_TEXT} Thanks!`);
    await page.close();
  });

  it('checks a field inside an iframe, with the underlines in that frame', async () => {
    const page = await open('/iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'))!;
    await frame.waitForSelector('#inner');
    await frame.click('#inner');
    await expectMarksOver(frame, FRAME_TEXT, guessFormat(FRAME_TEXT), (f) => textareaWordRects(frame, '#inner', f.range.start.offset, f.range.end.offset));
    assert.equal(await page.locator('fulcrum-overlay').count(), 0, 'nothing drawn in the outer page');
    await page.close();
  });

  it("shows the focused field's score on the toolbar badge and in the popup", async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    await waitForMarks(page);
    const expected = scoreOf(TEXTAREA_TEXT, guessFormat(TEXTAREA_TEXT));
    const deadline = Date.now() + 10_000;
    while ((await badgeOf(page)) !== String(expected) && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(await badgeOf(page), String(expected));

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 340, height: 760 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(page)}`);
    await popup.locator('.overall .number').waitFor({ timeout: 10_000 });
    assert.equal((await popup.locator('.overall .number').innerText()).trim(), String(expected));
    assert.equal(await popup.locator('svg.balance g.dimension').count(), 9, 'the nine dimensions');
    assert.equal(await popup.locator('svg.categories g.row').count(), 10, 'a bar per category');
    assert.ok((await popup.locator('ul.gaps li code').count()) > 0, 'the document-level gaps');
    assert.ok((await popup.locator('table.breakdown tr.base').count()) === 1, 'how the score was made: the start');
    assert.equal((await popup.locator('table.breakdown tr.total td').last().innerText()).trim(), String(expected), 'the breakdown ends at the score');
    assert.ok((await popup.locator('.about .field').innerText()).includes('Feedback'));
    const height = await popup.evaluate(() => document.body.scrollHeight);
    await popup.setViewportSize({ width: 340, height });
    await snap(popup, 'browser-popup');

    // Typing updates the badge.
    await page.bringToFront();
    await page.click('#feedback');
    await page.keyboard.press(`${isCtrl}+End`);
    await page.keyboard.type('\n\nNext steps: Dana will pair with Lee on two reviews by Friday 14 March. We will check in at our 1:1 on 21 March.');
    const typed = await page.inputValue('#feedback');
    const after = scoreOf(typed, guessFormat(typed));
    const until = Date.now() + 10_000;
    while ((await badgeOf(page)) !== String(after) && Date.now() < until) await page.waitForTimeout(100);
    assert.equal(await badgeOf(page), String(after));
    await popup.close();
    await page.close();
  });

  it('"Not an issue" hides the finding, keeps it hidden after a reload, and the options page downloads and forgets it', async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    const marks = await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    await openCardFor(page, markFor(marks, 'clarity/corporate-jargon'), 'hover');
    await page.locator('fulcrum-overlay .card button.dismiss').click();
    await waitForMarks(page, (m) => m.length > 0 && !m.some((x) => x.rule === 'clarity/corporate-jargon'));
    await page.reload();
    await page.click('#feedback');
    await waitForMarks(page, (m) => m.length > 0 && !m.some((x) => x.rule === 'clarity/corporate-jargon'), 10_000);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('#dismissed-count', { hasText: '1 finding dismissed.' }).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#download-dismissed')]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { dismissals: Array<{ ruleId: string; sentence: string }> };
    assert.deepEqual(saved.dismissals.map((d) => d.ruleId), ['clarity/corporate-jargon']);
    assert.ok(TEXTAREA_TEXT.replace(/\s+/g, ' ').includes(saved.dismissals[0].sentence), 'the sentence it was in');
    await options.click('#forget-dismissed');
    await options.locator('#dismissed-count', { hasText: '0 findings dismissed.' }).waitFor();
    await options.close();
    await page.bringToFront();
    await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'), 10_000);
    await page.close();
  });

  it('options take effect at once: a rule switched off loses its underlines, a severity changes, no reload', async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const jargon = options.locator('tr[data-rule="clarity/corporate-jargon"] select');
    await jargon.selectOption('off');
    await options.locator('#status', { hasText: 'Saved' }).waitFor();
    await options.setViewportSize({ width: 900, height: 760 });
    await snap(options, 'browser-options');
    await page.bringToFront();
    await waitForMarks(page, (m) => m.length > 0 && !m.some((x) => x.rule === 'clarity/corporate-jargon'), 10_000);

    await options.bringToFront();
    await options.locator('tr[data-rule="expectations/vague-time"] select').selectOption('error');
    await page.bringToFront();
    await waitForMarks(page, (m) => m.some((x) => x.rule === 'expectations/vague-time' && x.severity === 'error'), 10_000);

    await options.bringToFront();
    await options.click('#reset');
    await page.bringToFront();
    await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon') && m.some((x) => x.rule === 'expectations/vague-time' && x.severity === 'warning'), 10_000);
    await options.close();
    await page.close();
  });

  it('leaves password, search and single-line fields alone', async () => {
    const loadsBefore = await inServiceWorker(() => (globalThis as unknown as { fulcrumDiagnostics: { uiLoads: unknown[] } }).fulcrumDiagnostics.uiLoads.length, null);
    const page = await open('/password.html');
    const words = 'You need to be more proactive ASAP. Dana is lazy.';
    for (const selector of ['#user', '#search', '#pw']) {
      await page.click(selector);
      await page.keyboard.type(words);
    }
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('fulcrum-overlay').count(), 0, 'nothing drawn');
    for (const selector of ['#user', '#search', '#pw']) assert.equal(await page.inputValue(selector), words);
    const loadsAfter = await inServiceWorker(() => (globalThis as unknown as { fulcrumDiagnostics: { uiLoads: unknown[] } }).fulcrumDiagnostics.uiLoads.length, null);
    assert.equal(loadsAfter, loadsBefore, 'the field UI was not even loaded');
    assert.equal(await badgeOf(page), '');
    await page.close();
  });

  it('leaves a text over the size cap unchecked with a plain note on the field, while a field in another tab still gets its findings', async () => {
    const big = await open('/long.html');
    // ~2.1 MB of prose with findings in it: over the default 2048 KB cap.
    const huge = 'We will utilize the new dashboard. Dana is lazy. '.repeat(45_000);
    await big.locator('#long').evaluate((area, text) => ((area as HTMLTextAreaElement).value = text), huge);
    await big.click('#long');
    const noticeOf = (page: Page) => page.evaluate(() => document.querySelector('fulcrum-overlay')?.shadowRoot?.querySelector('.notice')?.textContent ?? null);
    const deadline = Date.now() + 30_000;
    while (!(await noticeOf(big)) && Date.now() < deadline) await big.waitForTimeout(100);
    assert.match((await noticeOf(big)) ?? 'no notice', /^Fulcrum did not check this text: it is 2\.\d MB, over the 2048 KB limit set in Fulcrum's options\.$/);
    assert.equal((await drawnMarks(big)).length, 0, 'no underlines on an unchecked text');
    const box = (await big.locator('#long').boundingBox())!;
    await snap(big, 'browser-too-large', { left: 0, top: 0, width: 720, height: box.y + box.height + 20 });

    const other = await open('/textarea.html');
    await other.click('#feedback');
    await expectMarksOver(other, TEXTAREA_TEXT, guessFormat(TEXTAREA_TEXT), (f) => textareaWordRects(other, '#feedback', f.range.start.offset, f.range.end.offset));

    // Cut down to size, the big field is checked again and the note goes.
    await big.bringToFront();
    await big.locator('#long').evaluate((area, text) => {
      (area as HTMLTextAreaElement).value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, TEXTAREA_TEXT);
    await waitForMarks(big);
    assert.equal(await noticeOf(big), null);
    await Promise.all([big.close(), other.close()]);
  });

  interface LoadCost {
    script: number;
    task: number;
    domContentLoaded: number;
    load: number;
  }

  /** Main-thread script and task time (CDP) and the load event of one fresh load of /empty.html. */
  async function loadCost(host: string): Promise<LoadCost> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const script0 = await metric('ScriptDuration');
    const task0 = await metric('TaskDuration');
    await page.goto(server.url('/empty.html', host), { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const script = (await metric('ScriptDuration')) - script0;
    const task = (await metric('TaskDuration')) - task0;
    const [domContentLoaded, load] = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return [navigation.domContentLoadedEventEnd, navigation.loadEventEnd];
    });
    await page.close();
    return { script, task, domContentLoaded, load };
  }

  /** Loads of the granted site, each followed by one of the never-granted control (localhost). */
  async function loadPhase(label: 'with' | 'without') {
    const site: LoadCost[] = [];
    const control: LoadCost[] = [];
    for (let i = 0; i < 20; i++) {
      site.push(await loadCost('127.0.0.1'));
      control.push(await loadCost('localhost'));
    }
    return { [label]: summariseLoads(site), [`${label}Control`]: summariseLoads(control) };
  }

  function summariseLoads(runs: LoadCost[]) {
    return { scriptMs: round(median(runs.map((r) => r.script)), 2), mainThreadMs: round(median(runs.map((r) => r.task))), domContentLoadedMs: round(median(runs.map((r) => r.domContentLoaded))), loadEventMs: round(median(runs.map((r) => r.load))) };
  }

  it('measures the speed: page-load cost, first underlines in a 5 KB field, keystroke cost', async () => {
    // 1. Page-load cost on a page with no text field, where the content script runs; the
    //    same page without it is measured after the site is removed (last test but one).
    //    Each phase also loads the page from localhost (never granted) in between, so drift
    //    of the machine between the phases cancels out.
    const contentScriptBytes = readFileSync(join(ROOT, 'dist', 'browser', 'chrome', 'content.js')).length;
    figures.pageLoad = { contentScriptBytes, ...(await loadPhase('with')) };

    // 2. Time to first underlines in a 5 KB field: cold (engine not running: the offscreen
    //    document is closed first) and warm (engine running, new tab).
    const review = fiveKilobyteReview();
    const firstUnderlines = async () => {
      const page = await open('/long.html');
      await page.locator('#long').evaluate((area, text) => ((area as HTMLTextAreaElement).value = text), review);
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            (document.querySelector('#long') as HTMLTextAreaElement).focus();
            const check = () => (document.querySelector('fulcrum-overlay')?.shadowRoot?.querySelector('.mark') ? resolve(performance.now() - start) : requestAnimationFrame(check));
            check();
          }),
      );
      return { page, ms };
    };
    await inServiceWorker(async () => {
      if ((await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length) await chrome.offscreen.closeDocument();
    }, null);
    const cold = await firstUnderlines();
    await cold.page.close();
    const warm = await firstUnderlines();
    figures.firstUnderlines5KB = { textBytes: review.length, coldMs: round(cold.ms), warmMs: round(warm.ms) };

    // 3. Keystroke cost in that 5 KB field: the page's main-thread time per keystroke (CDP),
    //    against the same typing where Fulcrum does not run, and what the extension reports.
    const typing = 'We will check in at our 1:1 on Friday 14 March about the on-call handbook.';
    const typeAndMeasure = async (page: Page) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
      await page.click('#long');
      await page.keyboard.press(`${isCtrl}+End`);
      const before = await metric();
      await page.keyboard.type(typing, { delay: 40 });
      await page.waitForTimeout(1200);
      return ((await metric()) - before) / typing.length;
    };
    const analysesBefore = await inServiceWorker(() => (globalThis as unknown as { fulcrumDiagnostics: { analyses: unknown[] } }).fulcrumDiagnostics.analyses.length, null);
    const perKeyWith = await typeAndMeasure(warm.page);
    const analyses = (await inServiceWorker(() => (globalThis as unknown as { fulcrumDiagnostics: { analyses: Array<Record<string, unknown>> } }).fulcrumDiagnostics.analyses, null)).slice(analysesBefore) as Array<{ reason: string; engineMs: number; roundTripMs: number; renderMs: number; keystrokeMs: number[] }>;
    const plain = await context.newPage();
    await plain.goto(server.url('/long.html', 'localhost'));
    await plain.locator('#long').evaluate((area, text) => ((area as HTMLTextAreaElement).value = text), review);
    const perKeyWithout = await typeAndMeasure(plain);
    const keystrokes = analyses.flatMap((a) => a.keystrokeMs);
    figures.slowestKeystrokesMs = [...keystrokes].sort((a, b) => b - a).slice(0, 3).map((ms) => round(ms, 1));
    const reanalyses = analyses.filter((a) => a.reason === 'input');
    figures.keystroke5KB = {
      keystrokes: keystrokes.length,
      handlerMs: { median: round(median(keystrokes), 2), p95: round(percentile(keystrokes, 95), 2), max: round(Math.max(...keystrokes), 2) },
      mainThreadPerKeyMs: { with: round(perKeyWith, 2), without: round(perKeyWithout, 2) },
      reanalyses: reanalyses.length,
      engineMs: { median: round(median(reanalyses.map((a) => a.engineMs))), max: round(Math.max(...reanalyses.map((a) => a.engineMs))) },
      roundTripMs: { median: round(median(reanalyses.map((a) => a.roundTripMs))) },
      renderMs: { median: round(median(reanalyses.map((a) => a.renderMs)), 2) },
    };
    console.log(`      speed: ${JSON.stringify(figures)}`);
    await plain.close();
    await warm.page.close();

    assert.ok(contentScriptBytes < 3000, 'the content script stays tiny');
    assert.ok(cold.ms < 15_000 && warm.ms < 5_000, 'first underlines come in seconds');
    assert.ok(reanalyses.length >= 1 && reanalyses.length < typing.length / 3, 'analysis is debounced, not per keystroke');
    assert.ok(percentile(keystrokes, 95) < 16, 'a keystroke costs the page less than a frame');
  });

  it('stops on an open page at once when its site is removed in the options', async () => {
    const page = await open('/textarea.html');
    await page.click('#feedback');
    await waitForMarks(page);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('#sites li[data-pattern="http://127.0.0.1/*"] button').click();
    await options.locator('#sites li.none').waitFor();
    await page.bringToFront();
    await page.locator('fulcrum-overlay').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await inServiceWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length, null), 0);
    // A page opened now gets no content script at all.
    const fresh = await open('/textarea.html');
    await fresh.click('#feedback');
    await fresh.waitForTimeout(1500);
    assert.equal(await fresh.locator('fulcrum-overlay').count(), 0);
    await Promise.all([options.close(), page.close(), fresh.close()]);
    // The same page on the same site, now without the content script: the baseline for the page-load cost.
    if (figures.pageLoad) {
      const load = Object.assign(figures.pageLoad as Record<string, ReturnType<typeof summariseLoads>>, await loadPhase('without'));
      const added = (key: keyof ReturnType<typeof summariseLoads>) => round(load.with[key] - load.withControl[key] - (load.without[key] - load.withoutControl[key]), 2);
      Object.assign(load, { added: { scriptMs: added('scriptMs'), mainThreadMs: added('mainThreadMs'), domContentLoadedMs: added('domContentLoadedMs'), loadEventMs: added('loadEventMs') } });
      console.log(`      page load: ${JSON.stringify(figures.pageLoad)}`);
    }
  });

  it('made no network request: everything it did stayed in the browser', async () => {
    // The extension's pages and service worker cannot connect anywhere: their CSP says connect-src 'none'.
    const attempt = await inServiceWorker(() => fetch('http://127.0.0.1:9/').then(() => 'sent', () => 'blocked'), null);
    assert.equal(attempt, 'blocked');

    // Every request Playwright saw (pages, extension pages, service worker) was a test page's own.
    const fixturePaths = new Set(Object.keys(fixturePages('')).concat(['/favicon.ico']));
    for (const { url, from } of seen) {
      if (url.startsWith('chrome-extension:')) {
        assert.ok(url.startsWith(`chrome-extension://${extensionId}/`), url);
        continue;
      }
      assert.ok(!from.startsWith('chrome-extension://'), `the extension (${from}) requested ${url}`);
      assert.equal(new URL(url).port, String(server.port), `only the test pages were loaded: ${url}`);
    }
    for (const request of server.requests) {
      assert.ok(fixturePaths.has(new URL(request.url, 'http://x').pathname), `the page's own request: ${request.url}`);
      assert.ok(!request.origin?.startsWith('chrome-extension://'), `no request from the extension: ${request.url}`);
    }
    assert.ok(server.requests.length > 10, 'the test did load pages');

    // Chromium's network log covers what Playwright cannot see (the offscreen document, the
    // engine worker): no request anywhere was made by the extension or left the test pages.
    await context.close();
    const logged = readNetLog(netLogFile);
    const testOrigins = [server.url('', '127.0.0.1'), server.url('', 'localhost')];
    const byExtension = logged.filter((r) => r.initiator.startsWith('chrome-extension://'));
    assert.deepEqual(byExtension, [], 'requests made by the extension');
    const fromPages = logged.filter((r) => testOrigins.includes(r.initiator));
    assert.ok(fromPages.length > 0, 'the log saw the test pages load');
    for (const r of fromPages) assert.equal(new URL(r.url).port, String(server.port), `a test page (with the extension in it) requested ${r.url}`);
    const browserOwn = logged.filter((r) => r.initiator === 'not an origin' || r.initiator === 'null');
    console.log(`      network log: ${logged.length} requests, ${fromPages.length} by the test pages, 0 by the extension, ${browserOwn.length} by Chromium itself (${[...new Set(browserOwn.map((r) => new URL(r.url).host))].join(', ')}); the proxy refused ${proxy.requests.length}`);
  });
});

/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { builtinRules, Linter, type Finding } from '../../src/core/index.js';
import { ROOT } from '../helpers.js';
import { EDITORS, editorPages, REFUSING_EDITOR, type EditorSpec } from './editorPages.js';
import { ensureChromium, launchWithExtension, type ExtensionBrowser } from './launch.js';
import { centre, domWordRects, drawnMarks, sameRects, waitForMarks, type DrawnMark, type Rect } from './probes.js';
import { FixtureServer, RecordingProxy } from './server.js';

/**
 * The extension in the rich-text editors web HR tools are built on, each from its npm
 * package, driven with real keyboard and mouse input: the underlines sit on their words
 * after typing, bolding, a fix, undo, clearing and pasting; a fix reaches the editor's own
 * model, its [gap] is selected for typing, and one Ctrl+Z undoes exactly the fix.
 */

const REVIEW = 'You need to be more proactive going forward. We will utilize the new template ASAP. Let us circle back on the roadmap soon.';
const CTRL = process.platform === 'darwin' ? 'Meta' : 'Control';
const SCREENSHOTS = join(process.env.FULCRUM_SCREENSHOTS ?? '/tmp/fulcrum-screenshots', 'browser-rte2');

/** The card on show in the top document, where it is drawn for fields in frames too. */
const OPEN_CARD = 'fulcrum-overlay .card:not([hidden])';

/**
 * The open card lies wholly inside the top-level viewport and, when `word` (in top-viewport
 * coordinates) is given, leaves that word uncovered.
 */
async function expectCardClear(page: Page, word: Rect | null, what: string): Promise<void> {
  const { card, view } = await page.locator(OPEN_CARD).evaluate((element) => {
    const r = element.getBoundingClientRect();
    return { card: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, view: { width: window.innerWidth, height: window.innerHeight } };
  });
  assert.ok(card.left >= 0 && card.top >= 0 && card.right <= view.width && card.bottom <= view.height, `${what}: the card ${JSON.stringify(card)} is inside the ${view.width}×${view.height} viewport`);
  if (!word) return;
  const overlaps = card.left < word.left + word.width && word.left < card.right && card.top < word.top + word.height && word.top < card.bottom;
  assert.ok(!overlaps, `${what}: the card ${JSON.stringify(card)} leaves its word ${JSON.stringify(word)} uncovered`);
}

function inlineFindings(text: string): Finding[] {
  return new Linter(builtinRules, {}).lint(text, { format: 'markdown' }).findings.filter((f) => f.scope === 'inline');
}

/** A model's text as one line of words: editors differ in trailing newlines and non-breaking spaces. */
const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** The part of a drawn underline that can be seen: its box cut by its layer's clip-path. */
function visibleMarkRects(target: Page | Frame): Promise<Rect[]> {
  return target.evaluate(() => {
    const root = document.querySelector('fulcrum-overlay')?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('.layer')).flatMap((layer) => {
      const box = layer.getBoundingClientRect();
      const inset = /inset\(([^)]*)\)/.exec(getComputedStyle(layer).clipPath)?.[1].split(/\s+/).map(parseFloat) ?? [0, 0, 0, 0];
      const [top, right = top, bottom = top, left = right] = inset;
      const clip = { left: box.left + left, top: box.top + top, right: box.right - right, bottom: box.bottom - bottom };
      return Array.from(layer.querySelectorAll<HTMLElement>('.mark')).flatMap((mark) => {
        const r = mark.getBoundingClientRect();
        const l = Math.max(r.left, clip.left);
        const t = Math.max(r.top, clip.top);
        const w = Math.min(r.right, clip.right) - l;
        const h = Math.min(r.bottom, clip.bottom) - t;
        return w > 0 && h > 0 ? [{ left: l, top: t, width: w, height: h }] : [];
      });
    });
  });
}

/**
 * A page on a site the user never granted (the test loads it from localhost) that embeds
 * the plain editor from the granted one (127.0.0.1) in a short frame: the top frame has
 * no Fulcrum, so the frame draws its own card.
 */
const FOREIGN_HOST_PAGE = {
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Foreign host</title></head><body style="margin:24px">
<iframe id="granted" title="Review" style="width:720px;height:240px;border:1px solid #8c959f"></iframe>
<script>document.getElementById('granted').src = 'http://127.0.0.1:' + location.port + '/editors/plain.html';</script></body></html>`,
};

describe('Browser extension in rich-text editors (Chromium, unpacked)', function () {
  this.timeout(10 * 60_000);
  let server: FixtureServer;
  const proxy = new RecordingProxy();
  let browser: ExtensionBrowser;
  let context: BrowserContext;

  before(async function () {
    this.timeout(8 * 60_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureChromium();
    const { buildBrowser } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-browser.mjs')).href)) as { buildBrowser: (options?: { outDir?: string }) => Promise<{ chromeDir: string }> };
    const { chromeDir } = await buildBrowser({ outDir: join(ROOT, 'dist', 'browser-rte') });
    server = new FixtureServer({ ...(await editorPages()), '/editors/foreign-host.html': FOREIGN_HOST_PAGE });
    await server.start();
    await proxy.start();
    browser = await launchWithExtension(chromeDir, proxy.port, ['http://127.0.0.1/*']);
    context = browser.context;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('') });
    const deadline = Date.now() + 20_000;
    while (!(await browser.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    console.log(`      screenshots: ${SCREENSHOTS}`);
  });

  after(async () => {
    await context?.close();
    await server?.stop();
    await proxy.stop();
  });

  for (const editor of EDITORS) {
    it(`${editor.title}: underlines on their words after typing, bold, fix, undo, clear and paste; the fix and its gap reach the model`, async () => {
      await exercise(editor);
    });
  }

  it('leaves an editor that mangles the fix as it was, and offers a button to copy the suggestion', async () => {
    const page = await context.newPage();
    await page.goto(server.url(`/editors/${REFUSING_EDITOR.name}.html`));
    await page.evaluate(() => navigator.clipboard.writeText('what was on the clipboard'));
    await page.click(REFUSING_EDITOR.root);
    await page.keyboard.type(REVIEW);
    const marks = await waitForMarks(page, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    const word = marks.find((m) => m.rule === 'clarity/corporate-jargon')!.rect;
    await page.mouse.click(centre(word).x, centre(word).y);
    await page.locator(`${OPEN_CARD} button.fix`).first().click();
    const notice = page.locator('fulcrum-overlay .notice');
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), /did not take the fix.*“use”/s);
    assert.equal(normalise(await page.locator('#editor').innerText()), REVIEW, 'the mangled fix was taken back');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'what was on the clipboard', 'nothing is copied before the manager asks');
    // The card comes back with the suggestion and a button that copies it.
    const copy = page.locator(`${OPEN_CARD} button.copy`);
    await copy.waitFor({ timeout: 10_000 });
    assert.match(await page.locator(OPEN_CARD).innerText(), /did not take the fix.*“use”/s);
    await expectCardClear(page, word, 'the card offering to copy');
    await page.screenshot({ path: join(SCREENSHOTS, 'refusing-card-copy.png') });
    await copy.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'use', 'the card copied the suggestion');
    assert.equal(await copy.innerText(), 'Copied');
    // The note on the field has the same button (the card closed first: it lies over the note).
    await page.keyboard.press('Escape');
    await page.locator(OPEN_CARD).waitFor({ state: 'detached', timeout: 5_000 });
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await notice.locator('button').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'use', 'the note copied the suggestion');
    await page.screenshot({ path: join(SCREENSHOTS, 'refusing-note-copied.png'), clip: { x: 0, y: 0, width: 760, height: 480 } });
    // The manager's typing carries on where it was.
    await page.keyboard.press(`${CTRL}+End`);
    await page.keyboard.type(' Thanks.');
    assert.equal(normalise(await page.locator('#editor').innerText()), `${REVIEW} Thanks.`);
    await page.close();
  });

  it('keeps the card inside the window for a word at the right edge, clear of the word', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/editors/plain.html'));
    // The side panel against the window's right edge, as a review drawer sits.
    await page.addStyleTag({ content: '#panel { position: absolute; right: 0; top: 60px; width: 380px; }' });
    await page.click('#editor');
    await page.keyboard.type(REVIEW);
    const marks = await waitForMarks(page, (m) => new Set(m.map((x) => x.finding)).size === inlineFindings(REVIEW).length);
    const word = marks.reduce((a, b) => (b.rect.left + b.rect.width > a.rect.left + a.rect.width ? b : a)).rect;
    assert.ok(word.left + word.width > 1200 - 340, 'the word is nearer the right edge than a card is wide');
    await page.mouse.click(centre(word).x, centre(word).y);
    await page.locator(OPEN_CARD).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'right-edge-card.png') });
    await expectCardClear(page, word, 'a word at the right edge');
    await page.close();
  });

  it('draws the card inside a granted frame when the page around it is not granted, within the frame', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/editors/foreign-host.html', 'localhost'));
    const frame = (await (await page.waitForSelector('#granted')).contentFrame())!;
    await frame.waitForSelector('#editor[contenteditable]');
    await frame.click('#editor');
    await page.keyboard.type(REVIEW);
    const marks = await waitForMarks(frame, (m) => m.some((x) => x.rule === 'clarity/corporate-jargon'));
    const word = marks.find((m) => m.rule === 'clarity/corporate-jargon')!.rect;
    const box = (await page.locator('#granted').boundingBox())!;
    await page.mouse.click(centre(word).x + box.x + 1, centre(word).y + box.y + 1);
    const card = frame.locator(OPEN_CARD);
    await card.waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('fulcrum-overlay').count(), 0, 'nothing of Fulcrum in the page that was not granted');
    await page.screenshot({ path: join(SCREENSHOTS, 'foreign-host-card-in-frame.png'), clip: { x: 0, y: 0, width: 800, height: 320 } });
    const inFrame = await card.evaluate((element) => {
      const r = element.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    });
    assert.ok(inFrame, 'the card is inside the visible area of its frame');
    await card.locator('button.fix').first().click();
    const deadline = Date.now() + 10_000;
    while (normalise(await frame.locator('#editor').innerText()) !== REVIEW.replace('utilize', 'use') && Date.now() < deadline) await page.waitForTimeout(50);
    assert.equal(normalise(await frame.locator('#editor').innerText()), REVIEW.replace('utilize', 'use'), 'the fix from the in-frame card reached the editor');
    await page.close();
  });

  /** One editor through everything a manager does to a review. */
  async function exercise(editor: EditorSpec): Promise<void> {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url(`/editors/${editor.name}.html`));
    await page.waitForFunction(() => typeof (window as unknown as { editorModelText?: unknown }).editorModelText === 'function', null, { timeout: 30_000 });
    const target: Page | Frame = editor.frame ? (await (await page.waitForSelector(editor.frame)).contentFrame())! : page;
    await target.waitForSelector(editor.root);
    const model = async () => normalise(await page.evaluate(() => (window as unknown as { editorModelText: () => string }).editorModelText()));
    const waitForModel = async (expected: string, what: string) => {
      const deadline = Date.now() + 10_000;
      let text = await model();
      while (text !== expected && Date.now() < deadline) {
        await page.waitForTimeout(50);
        text = await model();
      }
      assert.equal(text, expected, `${editor.title}: the editor's model ${what}`);
    };
    /** Where the frame's viewport starts on the page: marks are measured in the frame, the mouse moves on the page. */
    const offset = async () => {
      if (!editor.frame) return { x: 0, y: 0 };
      const box = (await page.locator(editor.frame).boundingBox())!;
      return { x: box.x, y: box.y };
    };
    const snap = (step: string) => page.screenshot({ path: join(SCREENSHOTS, `${editor.name}-${step}.png`), clip: { x: 0, y: 0, width: 760, height: 480 } });

    /** Every inline finding of `text` has an underline exactly over its words. */
    const expectMarksOver = async (text: string, when: string): Promise<DrawnMark[]> => {
      const findings = inlineFindings(text);
      let marks: DrawnMark[] = [];
      const deadline = Date.now() + 15_000;
      for (;;) {
        marks = await drawnMarks(target);
        const misplaced: string[] = [];
        for (const finding of findings) {
          const phrase = text.slice(finding.range.start.offset, finding.range.end.offset);
          const expected = await domWordRects(target, editor.root, phrase);
          const ids = [...new Set(marks.filter((m) => m.rule === finding.ruleId).map((m) => m.finding))];
          if (!ids.some((id) => sameRects(marks.filter((m) => m.finding === id).map((m) => m.rect), expected))) misplaced.push(`${finding.ruleId} on "${phrase}"`);
        }
        const count = new Set(marks.map((m) => m.finding)).size;
        if (misplaced.length === 0 && count === findings.length) return marks;
        if (Date.now() > deadline) assert.fail(`${editor.title} ${when}: ${count} underlines for ${findings.length} findings; not on their words: ${misplaced.join(', ') || 'none'}`);
        await page.waitForTimeout(100);
      }
    };
    const applyFix = async (marks: DrawnMark[], ruleId: string) => {
      const mark = marks.find((m) => m.rule === ruleId);
      assert.ok(mark, `${editor.title}: an underline for ${ruleId}`);
      const { x, y } = centre(mark.rect);
      const shift = await offset();
      await page.mouse.click(x + shift.x, y + shift.y);
      // Drawn in the top document, fields in frames included: no frame edge cuts it.
      const card = page.locator(OPEN_CARD);
      await card.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SCREENSHOTS, `${editor.name}-card-${ruleId.replace(/\W/g, '-')}.png`) });
      await expectCardClear(page, { ...mark.rect, left: mark.rect.left + shift.x, top: mark.rect.top + shift.y }, `${editor.title}, ${ruleId}`);
      await card.locator('button.fix').first().click();
    };

    // 1. Typing.
    await target.click(editor.root);
    await page.keyboard.type(REVIEW);
    await waitForModel(REVIEW, 'has the typed review');
    const typedMarks = await expectMarksOver(REVIEW, 'after typing');
    assert.equal(new Set(typedMarks.map((m) => m.finding)).size, 5, 'five findings in the review');
    await snap('1-typed');

    // 2. Bolding a word moves the words after it: the underlines follow.
    const utilize = (await domWordRects(target, editor.root, 'utilize'))[0];
    const shift = await offset();
    await page.mouse.dblclick(centre(utilize).x + shift.x, centre(utilize).y + shift.y);
    await page.waitForTimeout(200); // as a person would; Slate reads the selection at most every 100 ms
    await page.keyboard.press(`${CTRL}+B`);
    const boldWords = (root: string) => Array.from(document.querySelector(root)!.querySelectorAll('*')).filter((e) => e.children.length === 0 && Number(getComputedStyle(e).fontWeight) >= 600).map((e) => e.textContent);
    assert.deepEqual(await target.evaluate(boldWords, editor.root), ['utilize'], `${editor.title}: the word is bold`);
    const boldMarks = await expectMarksOver(REVIEW, 'after bolding a word');
    await snap('2-bold');

    // 3. A fix over the bold word reaches the model; one Ctrl+Z takes exactly it back.
    const fixed = REVIEW.replace('utilize', 'use');
    await applyFix(boldMarks, 'clarity/corporate-jargon');
    await waitForModel(fixed, 'has the fix');
    await expectMarksOver(fixed, 'after the fix');
    await snap('3-fixed');
    await page.keyboard.press(`${CTRL}+Z`);
    await waitForModel(REVIEW, 'is back to the review after one Ctrl+Z');
    await expectMarksOver(REVIEW, 'after undoing the fix');

    // 3b. A fix right after typing: Ctrl+Z still takes back the fix alone, never the typing with it.
    await page.keyboard.press(`${CTRL}+End`);
    await page.waitForTimeout(200); // editors take the moved caret on the next selectionchange
    await page.keyboard.type(' Thanks.');
    const thanked = `${REVIEW} Thanks.`;
    await waitForModel(thanked, 'has the words typed at the end');
    await applyFix(await expectMarksOver(thanked, 'after typing at the end'), 'clarity/corporate-jargon');
    await waitForModel(thanked.replace('utilize', 'use'), 'has the fix applied right after typing');
    await page.keyboard.press(`${CTRL}+Z`);
    await waitForModel(thanked, 'keeps the typing after undoing the fix');
    const undoneMarks = await expectMarksOver(thanked, 'after undoing the fix');

    // 4. A fix with a [gap]: the gap is selected, typing fills it in, nothing else changes.
    await applyFix(undoneMarks, 'expectations/vague-time');
    await waitForModel(thanked.replace('ASAP', 'by [date]'), 'has the fix with its gap');
    await page.waitForTimeout(150);
    await page.keyboard.type('Friday 14 March');
    const filled = thanked.replace('ASAP', 'by Friday 14 March');
    await waitForModel(filled, 'has the gap typed over');
    await expectMarksOver(filled, 'after filling in the gap');
    await snap('4-gap');

    // 5. Scrolling the side panel: the underlines follow, and none shows outside the panel.
    const scrolledBy = await page.locator('#panel').evaluate((panel) => ((panel.scrollTop = 60), panel.scrollTop));
    assert.ok(scrolledBy > 0, `${editor.title}: the side panel scrolled`);
    await expectMarksOver(filled, 'after the panel scrolled');
    // In a frame the underlines live in the frame's own document, which the panel clips as a whole;
    // outside frames they are drawn over the page and must be clipped to the panel by Fulcrum itself.
    if (editor.frame) {
      await snap('5-scrolled');
      await page.locator('#panel').evaluate((panel) => (panel.scrollTop = 0));
      await expectMarksOver(filled, 'after the panel scrolled back');
    } else {
      const panel = await page.locator('#panel').evaluate((p) => {
        const r = p.getBoundingClientRect();
        return { left: r.left + p.clientLeft, top: r.top + p.clientTop, right: r.left + p.clientLeft + p.clientWidth, bottom: r.top + p.clientTop + p.clientHeight };
      });
      for (const r of await visibleMarkRects(page)) assert.ok(r.top >= panel.top - 1 && r.top + r.height <= panel.bottom + 1, `${editor.title}: an underline drawn outside the scrolled panel at ${JSON.stringify(r)}`);
      await snap('5-scrolled');
      await page.locator('#panel').evaluate((panel) => (panel.scrollTop = 0));
    }

    // 6. Clearing the field leaves no underline.
    await page.keyboard.press(`${CTRL}+A`);
    await page.keyboard.press('Delete');
    await waitForModel('', 'is empty after select-all and Delete');
    await waitForMarks(target, (m) => m.length === 0, 10_000);

    // 7. Pasting a review underlines it without another keystroke; undoing the paste clears them again.
    //    (A pause first, as a person's: Quill and Lexical merge edits within a second into one undo step.)
    await page.waitForTimeout(1200);
    await page.evaluate((text) => navigator.clipboard.writeText(text), REVIEW);
    await page.keyboard.press(`${CTRL}+V`);
    await waitForModel(REVIEW, 'has the pasted review');
    await expectMarksOver(REVIEW, 'after pasting');
    await snap('7-pasted');
    await page.keyboard.press(`${CTRL}+Z`);
    await waitForModel('', 'is empty after undoing the paste');
    await waitForMarks(target, (m) => m.length === 0, 10_000);
    assert.deepEqual(pageErrors, [], `${editor.title}: the editor threw no error`);
    await page.close();
  }
});

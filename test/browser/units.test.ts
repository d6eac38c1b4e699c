import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fix } from '../../src/core/types.js';
import { normaliseSettings, toEditorSettings } from '../../src/browser/settings.js';
import { describePattern, patternMatches, sitePattern, webPatterns } from '../../src/browser/sites.js';
import { applyEdit, diffTexts, firstPlaceholder, guessFormat, mergeFixEdits, shiftSpans, withInsertedText } from '../../src/browser/ui/textChanges.js';
import { placeCard } from '../../src/browser/ui/cardPlacement.js';
import { ROOT } from '../helpers.js';

interface Packaged {
  chromeDir: string;
  firefoxDir: string;
  chromeZip: string;
  firefoxZip: string;
  lint: { summary: { errors: number; warnings: number }; errors: Array<{ code: string; message: string }> };
}

describe('Browser extension: text bookkeeping, sites, settings, build and package', () => {
  describe('where the card goes', () => {
    const view = { width: 1200, height: 800 };
    const card = { width: 340, height: 200 };
    const inside = (p: { left: number; top: number }, size = card) => p.left >= 0 && p.top >= 0 && p.left + size.width <= view.width && p.top + size.height <= view.height;
    const covers = (p: { left: number; top: number }, word: { left: number; top: number; width: number; height: number }) =>
      p.left < word.left + word.width && word.left < p.left + card.width && p.top < word.top + word.height && word.top < p.top + card.height;

    it('below its word when there is room, shifted left at the right edge', () => {
      assert.deepEqual(placeCard({ left: 100, top: 100, width: 60, height: 20 }, card, view), { left: 100, top: 126 });
      const nearRight = placeCard({ left: 1150, top: 100, width: 40, height: 20 }, card, view);
      assert.ok(inside(nearRight) && nearRight.left === 1200 - 8 - 340);
    });

    it('above, then beside its word, never over it while there is room around it', () => {
      const low = { left: 100, top: 700, width: 60, height: 20 };
      assert.equal(placeCard(low, card, view).top, 700 - 6 - 200);
      const short = { width: 1200, height: 260 };
      const word = { left: 300, top: 120, width: 60, height: 20 };
      const beside = placeCard(word, card, short);
      assert.ok(!covers(beside, word) && beside.left === 366 && beside.top + card.height <= 260 - 8, JSON.stringify(beside));
    });

    it('scrolls in the roomier side when it fits nowhere whole', () => {
      const placement = placeCard({ left: 10, top: 40, width: 1180, height: 20 }, card, { width: 1200, height: 230 });
      assert.equal(placement.maxHeight, 230 - 8 - 66);
      assert.equal(placement.top, 66);
    });
  });

  describe('text changes between analyses', () => {
    it('finds the one changed span', () => {
      assert.equal(diffTexts('same', 'same'), null);
      assert.deepEqual(diffTexts('Dana is lazy.', 'Dana is very lazy.'), { start: 8, oldEnd: 8, newEnd: 13 });
      assert.deepEqual(diffTexts('abc', 'ac'), { start: 1, oldEnd: 2, newEnd: 1 });
      assert.deepEqual(diffTexts('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    });

    it('moves underlines after an edit, keeps those before, drops those it touched', () => {
      const spans = [
        { start: 0, end: 4, rule: 'a' },
        { start: 8, end: 12, rule: 'b' },
        { start: 20, end: 24, rule: 'c' },
      ];
      const change = { start: 9, oldEnd: 10, newEnd: 13 };
      assert.deepEqual(shiftSpans(spans, change), [
        { start: 0, end: 4, rule: 'a' },
        { start: 23, end: 27, rule: 'c' },
      ]);
      // An insertion right at an underline's end leaves it; right at its start moves it.
      assert.deepEqual(shiftSpans([{ start: 2, end: 5 }], { start: 5, oldEnd: 5, newEnd: 6 }), [{ start: 2, end: 5 }]);
      assert.deepEqual(shiftSpans([{ start: 2, end: 5 }], { start: 2, oldEnd: 2, newEnd: 3 }), [{ start: 3, end: 6 }]);
    });

    it("turns a fix's edits into one edit, so one Ctrl+Z undoes it", () => {
      const text = 'We will utilize it ASAP.';
      const fix: Fix = { title: 't', safe: false, edits: [{ start: 19, end: 23, text: 'by [date]' }, { start: 8, end: 15, text: 'use' }] };
      const edit = mergeFixEdits(text, fix)!;
      assert.deepEqual(edit, { start: 8, end: 23, text: 'use it by [date]' });
      assert.equal(text.slice(0, edit.start) + edit.text + text.slice(edit.end), 'We will use it by [date].');
      assert.equal(mergeFixEdits(text, { ...fix, edits: [] }), null);
      assert.equal(mergeFixEdits(text, { ...fix, edits: [{ start: 0, end: 5, text: 'x' }, { start: 3, end: 6, text: 'y' }] }), null, 'overlapping edits');
    });

    it('finds the first [gap] a fix left', () => {
      assert.deepEqual(firstPlaceholder('Ship it by [date] to [who].', 0, 27), { start: 11, end: 17 });
      assert.equal(firstPlaceholder('Ship it by Friday.', 0, 18), null);
      assert.equal(firstPlaceholder('[x] then y', 3, 10), null, 'only inside the inserted text');
    });

    it('gives a deletion a character to insert, so it can go in as a paste, with the same result', () => {
      const text = 'We will very much use it.\nNext';
      const deletion = { start: 8, end: 13, text: '' };
      assert.deepEqual(withInsertedText(text, deletion), { start: 7, end: 13, text: ' ' });
      assert.equal(applyEdit(text, withInsertedText(text, deletion)), applyEdit(text, deletion));
      assert.deepEqual(withInsertedText(text, { start: 26, end: 30, text: '' }), { start: 26, end: 30, text: '' }, 'a whole line: nothing on it to carry');
      assert.deepEqual(withInsertedText(text, { start: 26, end: 27, text: '' }), { start: 26, end: 28, text: 'e' }, 'at a line start, the character after');
      assert.deepEqual(withInsertedText(text, { start: 3, end: 7, text: 'shall' }), { start: 3, end: 7, text: 'shall' }, 'an edit with text is left alone');
    });

    it('reads text areas as Markdown only when they look like it', () => {
      assert.equal(guessFormat('Dana is lazy.\nNext steps: none.'), 'text');
      assert.equal(guessFormat('## Next steps\n- Sam will ship'), 'markdown');
      assert.equal(guessFormat('See [the doc](https://example.com/doc).'), 'markdown');
      assert.equal(guessFormat('```\ncode\n```'), 'markdown');
    });
  });

  describe('sites', () => {
    it('asks for one site at a time, any port, web pages only', () => {
      assert.equal(sitePattern('https://hr.example.com/reviews/42?x=1'), 'https://hr.example.com/*');
      assert.equal(sitePattern('http://127.0.0.1:8080/form'), 'http://127.0.0.1/*');
      assert.equal(sitePattern('chrome://extensions'), null);
      assert.equal(sitePattern('file:///tmp/a.html'), null);
      assert.equal(sitePattern('not a url'), null);
    });

    it('matches pages against the granted patterns', () => {
      assert.ok(patternMatches('http://127.0.0.1/*', 'http://127.0.0.1:4000/textarea.html'));
      assert.ok(!patternMatches('http://127.0.0.1/*', 'https://127.0.0.1/'));
      assert.ok(patternMatches('*://*.example.com/*', 'https://hr.example.com/'));
      assert.ok(patternMatches('*://*.example.com/*', 'http://example.com/'));
      assert.ok(!patternMatches('*://*.example.com/*', 'https://example.org/'));
      assert.ok(patternMatches('https://*/*', 'https://anything.test/'));
      assert.ok(patternMatches('<all_urls>', 'http://x.test/'));
    });

    it('lists and names sites for the options page', () => {
      assert.deepEqual(webPatterns(['http://127.0.0.1/*', 'https://*/*', 'storage']), ['http://127.0.0.1/*', 'https://*/*']);
      assert.equal(describePattern('https://hr.example.com/*'), 'hr.example.com');
      assert.equal(describePattern('https://*/*'), 'all sites (https)');
    });
  });

  it('reads stored settings defensively and hands the engine the editor shape', () => {
    const limits = { timeBudgetSeconds: 10, maxDocumentKilobytes: 2048 };
    assert.deepEqual(normaliseSettings(undefined), { profile: 'auto', rules: {}, ...limits });
    assert.deepEqual(normaliseSettings({ profile: 'review', rules: { 'a/b': 'off', 'c/d': 'loud', 'e/f': 3 } }), { profile: 'review', rules: { 'a/b': 'off' }, ...limits });
    assert.deepEqual(normaliseSettings({ profile: 'weekly' }), { profile: 'auto', rules: {}, ...limits });
    assert.deepEqual(normaliseSettings({ timeBudgetSeconds: 3, maxDocumentKilobytes: 64 }), { profile: 'auto', rules: {}, timeBudgetSeconds: 3, maxDocumentKilobytes: 64 });
    assert.deepEqual(normaliseSettings({ timeBudgetSeconds: 0, maxDocumentKilobytes: '64' }), { profile: 'auto', rules: {}, ...limits }, 'out of range or not a number: the default');
    assert.deepEqual(toEditorSettings({ profile: 'one-on-one', rules: { 'a/b': 'error' }, ...limits }), { enable: true, languages: [], profile: 'one-on-one', rules: { 'a/b': 'error' }, run: 'onType' });
  });

  describe('build and package (npm run package:browser)', function () {
    this.timeout(120_000);
    let packaged: Packaged;
    const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

    before(async () => {
      const { packageBrowser } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-browser.mjs')).href)) as { packageBrowser: () => Promise<Packaged> };
      packaged = await packageBrowser();
    });

    it('writes store-ready zips with the manifest at the top', () => {
      for (const zip of [packaged.chromeZip, packaged.firefoxZip]) {
        assert.ok(existsSync(zip), zip);
        const bytes = readFileSync(zip);
        assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a zip file');
        assert.ok(bytes.includes(Buffer.from('manifest.json')), 'with its manifest');
        assert.ok(bytes.length < 1_000_000, 'small enough for any store');
      }
    });

    it('passes web-ext lint for Firefox with no errors or warnings', () => {
      assert.deepEqual(packaged.lint.errors.map((e) => `${e.code}: ${e.message}`), []);
      assert.equal(packaged.lint.summary.warnings, 0);
    });

    it('asks for no site up front and forbids itself every connection', () => {
      for (const dir of [packaged.chromeDir, packaged.firefoxDir]) {
        const manifest = JSON.parse(read(dir, 'manifest.json'));
        assert.equal(manifest.host_permissions, undefined);
        assert.equal(manifest.content_scripts, undefined);
        assert.ok(!JSON.stringify(manifest).includes('<all_urls>'));
        assert.ok(!manifest.permissions.includes('tabs') && !manifest.permissions.includes('webRequest'));
        assert.match(manifest.content_security_policy.extension_pages, /connect-src 'none'/);
        assert.match(manifest.content_security_policy.extension_pages, /script-src 'self';/);
      }
      const firefox = JSON.parse(read(packaged.firefoxDir, 'manifest.json'));
      assert.deepEqual(firefox.background, { scripts: ['background.js'] });
      assert.ok(!firefox.permissions.includes('offscreen'));
      assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    });

    it('has no code that could reach the network, and no remote code', () => {
      const scripts = ['background.js', 'content.js', 'engine-worker.js', 'field-ui.js', 'offscreen.js', 'options.js', 'popup.js'];
      for (const file of scripts) {
        const code = read(packaged.chromeDir, file);
        for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'RTCPeerConnection', 'eval(', 'new Function']) {
          assert.ok(!code.includes(api), `${file} uses ${api}`);
        }
      }
      for (const page of ['popup.html', 'options.html', 'engine.html']) {
        for (const [, src] of read(packaged.chromeDir, page).matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(!/^[a-z]+:/i.test(src) && !src.startsWith('//'), `${page} loads ${src}`);
      }
    });

    it('keeps the page-side scripts small: the engine is only in the worker', () => {
      const size = (file: string) => readFileSync(join(packaged.chromeDir, file)).length;
      assert.ok(size('content.js') < 3_000, `content.js is ${size('content.js')} bytes`);
      assert.ok(size('field-ui.js') < 60_000, `field-ui.js is ${size('field-ui.js')} bytes`);
      assert.ok(size('background.js') < 10_000, `background.js is ${size('background.js')} bytes`);
      assert.ok(size('engine-worker.js') > 300_000, 'the engine and the NLP library');
    });
  });
});

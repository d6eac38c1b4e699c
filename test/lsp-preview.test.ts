import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/core/index.js';
import { PREVIEW_CHARS, PREVIEW_MIN_CHARS, previewCut, previewFindings } from '../src/lsp/preview.js';
import { ROOT } from './helpers.js';

const REVIEW = readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8');

describe('Language server preview: the top of a long document first', () => {
  it('lints a short document whole', () => {
    assert.equal(previewCut(REVIEW), null);
    assert.equal(previewCut('x'.repeat(PREVIEW_MIN_CHARS - 1)), null);
  });

  it('ends the top after the first line break of the first paragraph break past PREVIEW_CHARS', () => {
    const paragraph = `${'word '.repeat(199)}word.`;
    const text = Array.from({ length: 40 }, () => paragraph).join('\n\n');
    const cut = previewCut(text)!;
    assert.ok(cut > PREVIEW_CHARS && cut - PREVIEW_CHARS <= paragraph.length + 2, `cut at ${cut}`);
    assert.equal(text.slice(cut - 1, cut + 1), '\n\n', 'between the two line breaks');
    assert.equal(previewCut(text.replace(/\n\n/g, '\r\n\r\n'))! > PREVIEW_CHARS, true, 'CRLF line breaks too');
  });

  it('has no top when no paragraph break comes soon enough after PREVIEW_CHARS', () => {
    assert.equal(previewCut('word '.repeat(PREVIEW_MIN_CHARS)), null);
  });

  it('shows only inline findings that end before the cut', () => {
    const findings = lint(REVIEW).findings;
    const cut = Math.floor(REVIEW.length / 2);
    const shown = previewFindings(findings, cut);
    assert.ok(shown.length > 0 && shown.length < findings.length);
    assert.ok(shown.every((f) => f.scope === 'inline' && f.range.end.offset < cut));
    assert.ok(findings.some((f) => f.scope === 'document'), 'the review has document checks to leave out');
  });
});

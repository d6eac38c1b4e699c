import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, applyFixes, builtinRules, lint, Linter, ParseCache, parseDocument, type Finding, type LintResult, type Position, type ProfileSetting, type TextEdit, type TextFormat } from '../src/core/index.js';

/*
 * Random documents, from plain unicode noise to mixes of the Markdown that trips line
 * scanners up: whatever the text, linting must not throw and every offset it reports must
 * point inside the text. Runs are kept small so the suite takes seconds on two cores.
 */

const RUNS = 200;

/** Pieces of Markdown, prose and awkward characters that random mixes are made of. */
const FRAGMENTS = [
  '# ', '## Next steps\n', '### Action items\n', 'Next steps:\n', 'Title\n=====\n', '---\n', '***\n',
  '- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '> ', '>> ', '    ', '\t', ' ', '\u00a0', '  \n',
  '```\n', '```js\n', '~~~\n', '````\n', '`', '``', '`code`',
  '<!--', '-->', '<!-- note -->', '<!-- fulcrum-disable -->', '<!-- fulcrum-enable -->',
  '<!-- fulcrum-disable-next-line -->', '<!-- fulcrum-disable expectations/vague-time -->',
  '<b>', '</b>', '<br/>', '<div class="x">', '<', '>', '&amp;',
  '[', ']', '(', ')', '![', '[link](https://x.org/a)', '[ref]: https://x.org\n', '[text][ref]',
  'https://example.com/(a)', 'www.example.org', 'bob@example.com', '<bob@example.com>',
  '| a | b |\n', '|---|:-:|\n', '|', '**', '__', '_', '~~', '\\', '\\*',
  '"', '“', '”', "'", '‘', '’', '«', '»', '…', '.', '!', '?', ':', ';', ',', '—', '-',
  '\n', '\r\n', '\r', '\n\n', '\r\n\r\n',
  '😀', '👩‍👩‍👧', '🇫🇷', '👍🏽', '✔️', '\u200d', '\ufe0f', '\uFEFF', '\u0000', '\uD800', '\uDC00', 'é', 'e\u0301',
  '日本語の文です。', 'チームは来週始めます！', 'مرحبا بكم؟', 'Привет, команда.',
  'soon', 'ASAP', 'eventually', 'when you get a chance', 'at some point',
  'Marco will share the plan soon.', 'Please send me the budget ASAP.', "She's always late.", 'We’ll see.',
  '“Don’t wait,” she said.', 'You are a natural leader.', 'Great job!', 'We are moving to a new process.',
  'Ana will review it by Friday 14 March.', 'Why: so support can plan.', 'Questions? Ask in #eng.',
  'fulcrum:\n  profile: announcement\n', 'fulcrum: { profile: one-on-one }\n',
];

const fragmentMix = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { maxLength: 40 }).map((parts) => parts.join(''));

/** Every kind of random text: grapheme strings, any code points (lone surrogates too), and Markdown mixes. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\r', '\n', 'a', ' ', '<!--', '`'), maxLength: 60 }),
  fragmentMix,
  fragmentMix.map((body) => `---\n${body}\n---\n${body}`),
);

const format = fc.constantFrom<TextFormat>('markdown', 'text');
const profile = fc.constantFrom<ProfileSetting>('auto', 'review', 'one-on-one', 'announcement');

/** Position of an offset counted by hand: CRLF, LF and a lone CR each end a line. */
function expectedPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function assertFindingInside(text: string, f: Finding): void {
  const { start, end } = f.range;
  assert.ok(Number.isInteger(start.offset) && Number.isInteger(end.offset), `${f.ruleId}: offsets must be integers`);
  assert.ok(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length, `${f.ruleId}: range ${start.offset}-${end.offset} outside 0-${text.length}`);
  assert.deepEqual(start, expectedPosition(text, start.offset), `${f.ruleId}: start line/column`);
  assert.deepEqual(end, expectedPosition(text, end.offset), `${f.ruleId}: end line/column`);
  for (const fix of f.fixes) {
    assert.equal(typeof fix.title, 'string');
    assert.equal(typeof fix.safe, 'boolean');
    for (const e of fix.edits) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.ruleId}: fix edit ${e.start}-${e.end} outside 0-${text.length}`);
      assert.equal(typeof e.text, 'string');
    }
  }
}

function assertResultSound(text: string, result: LintResult): void {
  for (const f of result.findings) assertFindingInside(text, f);
  assert.ok(Number.isFinite(result.score.overall) && result.score.overall >= 0 && result.score.overall <= 100, `score ${result.score.overall}`);
}

describe('property: lint on random text', () => {
  // One linter for the properties that run many documents: compiling the rules is the slow part.
  const linter = new Linter(builtinRules);

  it('lint() never throws and every finding and fix edit lies inside the text, with consistent line/column', () => {
    fc.assert(
      fc.property(anyText, format, profile, (text, fmt, prof) => {
        assertResultSound(text, lint(text, { format: fmt, profile: prof }));
      }),
      { numRuns: RUNS },
    );
  });

  it('the same holds for Markdown mixes with every built-in rule on, in every profile', () => {
    fc.assert(
      fc.property(fragmentMix, profile, (text, prof) => {
        assertResultSound(text, linter.lint(text, { profile: prof }));
      }),
      { numRuns: RUNS },
    );
  });

  it('applying all fixes never throws and yields a string that lints soundly again', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentMix, anyText), format, (text, fmt) => {
        const fixes = linter.lint(text, { format: fmt }).findings.flatMap((f) => f.fixes);
        const fixed = applyFixes(text, fixes);
        assert.equal(typeof fixed.text, 'string');
        assert.equal(fixed.applied + fixed.skipped, fixes.flatMap((f) => f.edits).length);
        assertResultSound(fixed.text, linter.lint(fixed.text, { format: fmt }));
      }),
      { numRuns: RUNS },
    );
  });

  it('an id-less disable comment on the first line silences every finding', () => {
    fc.assert(
      fc.property(fragmentMix, (body) => {
        fc.pre(!body.includes('fulcrum-enable'));
        const text = `<!-- fulcrum-disable -->\n${body}`;
        assert.deepEqual(linter.lint(text).findings.map((f) => f.ruleId), []);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('property: linting as an editor does, one edit at a time', () => {
  const linter = new Linter(builtinRules);
  /** An edit: at a share of the text's length, delete some characters and insert a fragment. */
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', ...FRAGMENTS) });

  it('gives after every edit exactly what a fresh lint of the same text gives (the parse cache never goes stale)', () => {
    fc.assert(
      fc.property(fragmentMix, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const cache = new ParseCache();
        let text = start;
        linter.lint(text, { cache });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          assert.deepEqual(linter.lint(text, { cache }), linter.lint(text), JSON.stringify(text));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('property: cached results at paragraph edges', () => {
  const linter = new Linter(builtinRules);
  /** Sentences whose findings turn on the words just before them, or on who they are about. */
  const PARAGRAPHS = [
    'He is not a team player.', 'Do not', 'She is lazy.', 'You were late twice.', 'He always owns his mistakes.',
    'Marco will share the plan soon.', 'We will circle back.', 'Great job!', '"He is lazy," she said.', 'Never',
    '- Update the runbook by Friday.', '## Next steps', 'It was a deep dive.', 'low-hanging fruit', 'just a little bit late.',
  ];
  const paragraphs = fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 2, maxLength: 6 });
  /**
   * Edits where a paragraph-local cache can go wrong: at a paragraph's end or start, a paragraph
   * copied or moved, and a profile switched (rules that did not run before meet cached parses).
   */
  const targeted = fc.record({ paragraph: fc.nat(), kind: fc.constantFrom('append', 'prepend', 'duplicate', 'move-up', 'insert-above', 'join', 'profile'), words: fc.constantFrom('not', 'never', 'He is', ' ', '', 'Thanks.') });
  const PROFILE_LINE = '---\nfulcrum:\n  profile: announcement\n---';

  it('a lint with the cache equals a fresh lint after edits at paragraph edges, copies and moves', () => {
    fc.assert(
      fc.property(paragraphs, fc.array(targeted, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const cache = new ParseCache();
        let parts = [PROFILE_LINE, ...start];
        linter.lint(parts.join('\n\n'), { cache });
        for (const e of edits) {
          const i = e.paragraph % parts.length;
          if (e.kind === 'append') parts[i] = `${parts[i]} ${e.words}`;
          else if (e.kind === 'prepend') parts[i] = `${e.words} ${parts[i]}`;
          else if (e.kind === 'duplicate') parts.splice(i, 0, parts[i]);
          else if (e.kind === 'move-up' && i > 0) [parts[i - 1], parts[i]] = [parts[i], parts[i - 1]];
          else if (e.kind === 'insert-above') parts.splice(i, 0, e.words || 'Hi.');
          else if (e.kind === 'join' && i + 1 < parts.length) parts = [...parts.slice(0, i), `${parts[i]} ${parts[i + 1]}`, ...parts.slice(i + 2)];
          else if (e.kind === 'profile') parts = parts[0] === PROFILE_LINE ? parts.slice(1) : [PROFILE_LINE, ...parts];
          const text = parts.join('\n\n');
          assert.deepEqual(linter.lint(text, { cache }), linter.lint(text), JSON.stringify(text));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: parseDocument on random text', () => {
  it('keeps the masked text the same length with line breaks in place, and sentences and tokens inside their blocks', () => {
    fc.assert(
      fc.property(anyText, format, (text, fmt) => {
        const doc = parseDocument(text, fmt);
        assert.equal(doc.prose.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\n' || text[i] === '\r') assert.equal(doc.prose[i], text[i], `line break at ${i}`);
          else if (doc.prose[i] !== text[i]) assert.equal(doc.prose[i], ' ', `masked character at ${i} must be a space`);
        }
        for (const s of doc.sentences) {
          assert.ok(s.block.start <= s.start && s.start <= s.wordsEnd && s.wordsEnd <= s.end && s.end <= s.block.end, `sentence ${s.start}-${s.end} outside block ${s.block.start}-${s.block.end}`);
          for (const t of s.tokens) assert.ok(s.start <= t.start && t.start < t.end && t.end <= s.wordsEnd, `token ${t.start}-${t.end}`);
        }
        for (const c of doc.comments) assert.ok(text.slice(c.start, c.end).startsWith('<!--') && text.slice(c.start, c.end).endsWith('-->'));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('property: line index', () => {
  it('maps every offset to the line and column counted by hand (CRLF, LF and lone CR)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { lines } = parseDocument(text);
        let line = 1;
        let lineStart = 0;
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(lines.position(offset), { offset, line, column: offset - lineStart + 1 });
          const ch = text[offset];
          if (ch === '\n' || (ch === '\r' && text[offset + 1] !== '\n')) {
            line++;
            lineStart = offset + 1;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('property: applyEdits', () => {
  /** Random edits on a random text, some of them out of range or overlapping. */
  const textAndEdits = fc.string({ unit: 'grapheme', maxLength: 40 }).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.record({ start: fc.integer({ min: -2, max: text.length + 2 }), end: fc.integer({ min: -2, max: text.length + 2 }), text: fc.string({ maxLength: 5 }) }),
        { maxLength: 8 },
      ),
    ),
  );

  it('never throws, accounts for every edit, and matches applying the kept edits one by one from the end', () => {
    fc.assert(
      fc.property(textAndEdits, ([text, edits]) => {
        const result = applyEdits(text, edits);
        assert.equal(result.applied + result.skipped, edits.length);
        // Rebuild the result from the edits that can be taken: valid, sorted, no overlap.
        const valid = edits.filter((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end).sort((a, b) => a.start - b.start || a.end - b.end);
        const kept: TextEdit[] = [];
        for (const e of valid) {
          const last = kept.at(-1);
          if (last && (e.start < last.end || (e.start === last.start && e.end === last.end))) continue;
          kept.push(e);
        }
        assert.equal(result.applied, kept.length);
        let expected = text;
        for (const e of [...kept].reverse()) expected = expected.slice(0, e.start) + e.text + expected.slice(e.end);
        assert.equal(result.text, expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves the text outside non-overlapping edits untouched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 2, maxLength: 40 }), fc.string({ maxLength: 4 }), (text, insert) => {
        const middle = Math.floor(text.length / 2);
        const { text: result } = applyEdits(text, [{ start: middle, end: text.length, text: insert }, { start: 0, end: 0, text: insert }]);
        assert.equal(result, insert + text.slice(0, middle) + insert);
      }),
      { numRuns: RUNS },
    );
  });
});

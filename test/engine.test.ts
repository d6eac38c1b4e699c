import assert from 'node:assert/strict';
import {
  applyEdits,
  applyFixes,
  dismissalOf,
  parseDismissals,
  builtinRuleIds,
  CATEGORIES,
  lint,
  parseConfigText,
  parseDocument,
  validateConfig,
  type Finding,
  type FulcrumConfig,
  type LintOptions,
  type TextEdit,
} from '../src/core/index.js';
import { MAX_BLOCK_CHARS } from '../src/core/document/blocks.js';
import { MAX_SENTENCE_WORDS } from '../src/core/document/parse.js';
import { customRuleFixture } from './helpers.js';

const VAGUE_TIME = 'expectations/vague-time';

/* ---------- helpers ---------- */

/** Only vague-time's findings: other rules are being written alongside these tests. */
function vagueTime(text: string, options: LintOptions & { config?: FulcrumConfig } = {}): Finding[] {
  return lint(text, options).findings.filter((f) => f.ruleId === VAGUE_TIME);
}

/** What each vague-time finding covers in the source, e.g. ["soon@2"] (text@line). */
function flagged(text: string, options: LintOptions & { config?: FulcrumConfig } = {}): string[] {
  return vagueTime(text, options).map((f) => `${text.slice(f.range.start.offset, f.range.end.offset)}@${f.range.start.line}`);
}

function sentences(source: string, format: 'markdown' | 'text' = 'markdown'): string[] {
  return parseDocument(source, format).sentences.map((s) => source.slice(s.start, s.end));
}

/** The masked text must keep the source's length and every line break in place. */
function assertSameShape(source: string, prose: string): void {
  assert.equal(prose.length, source.length, 'masked text changed length');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n' || ch === '\r') assert.equal(prose[i], ch, `line break at ${i} moved`);
  }
}

/** Asserts that every occurrence of `part` in the source is masked to spaces. */
function assertMasked(source: string, part: string, format: 'markdown' | 'text' = 'markdown'): void {
  const { prose } = parseDocument(source, format);
  assertSameShape(source, prose);
  let at = source.indexOf(part);
  assert.ok(at >= 0, `test bug: "${part}" is not in the source`);
  for (; at >= 0; at = source.indexOf(part, at + 1)) {
    const slice = prose.slice(at, at + part.length);
    assert.match(slice, /^[ \r\n]*$/, `"${part}" was not masked: ${JSON.stringify(slice)}`);
  }
}

/** Asserts that `part` reaches the rules unchanged. */
function assertKept(source: string, part: string, format: 'markdown' | 'text' = 'markdown'): void {
  const { prose } = parseDocument(source, format);
  assertSameShape(source, prose);
  const at = source.indexOf(part);
  assert.ok(at >= 0, `test bug: "${part}" is not in the source`);
  assert.equal(prose.slice(at, at + part.length), part);
}

/** 1-based line and column of an offset, counted by hand (CRLF, LF and lone CR end a line). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('engine', () => {
  /* ---------- what counts as prose ---------- */

  describe('prose masking', () => {
    it('masks ``` and ~~~ fenced code, info strings and all, and only closes a fence with its own kind', () => {
      const source = [
        'Before the code.',
        '```ts',
        'const soon = "ASAP";',
        '~~~',
        'still code',
        '```',
        '',
        '~~~~',
        'tilde code',
        '```',
        'more tilde code',
        '~~~~',
        'After the code.',
      ].join('\n');
      for (const part of ['```ts', 'const soon = "ASAP";', 'still code', '~~~~', 'tilde code', 'more tilde code']) assertMasked(source, part);
      assertKept(source, 'Before the code.');
      assertKept(source, 'After the code.');
      assert.deepEqual(sentences(source), ['Before the code.', 'After the code.']);
    });

    it('masks indented code after a blank line, but not a paragraph continuation or a list item continuation', () => {
      const source = 'Intro.\n\n    Marco will share the plan soon.\n\nA paragraph\n    continued here soon.\n\n- item one\n\n    more of item one.\n';
      assertMasked(source, 'Marco will share the plan soon.');
      assertKept(source, 'continued here soon.');
      assertKept(source, 'more of item one.');
      const tabbed = 'Intro.\n\n\tcode behind a tab\n';
      assertMasked(tabbed, 'code behind a tab');
    });

    it('masks inline code as CommonMark reads it: a run closes only on a run of its own length, an unclosed run is text', () => {
      const source = 'Run `npm test soon` and ``a ` b`` before Friday.';
      assertMasked(source, '`npm test soon`');
      assertMasked(source, '``a ` b``');
      assertKept(source, 'before Friday.');
      assert.deepEqual(flagged('Marco will run `deploy --soon` by hand.'), []);
      const unclosed = 'Use ``a`b`` and `x`, but ``` opens nothing here.';
      assertMasked(unclosed, '``a`b``');
      assertMasked(unclosed, '`x`');
      assertKept(unclosed, '``` opens nothing here.');
      // A line of backticks and words stays prose where no run is closed by one of its own length.
      const growing = '` a `` b ``` c ```` d';
      assertKept(growing, ' a ');
      assertKept(growing, ' d');
    });

    it('masks a table delimiter row, padded or aligned, and nothing that only looks like one', () => {
      const table = '| Who | When |\n|:----- |  ---: |\n| Ana | Friday |';
      assertMasked(table, '|:----- |  ---: |');
      assertKept(table, 'Ana');
      assertKept(`${' '.repeat(5000)}|\nAna will ship it.`, 'Ana will ship it.');
      assertKept('| - | not a delimiter |\nAna ships.', 'Ana ships.');
    });

    it('masks YAML front matter and hands its text to profile detection', () => {
      const source = '---\ntitle: Plans soon\ntags: [a, b]\n---\nMarco will share the plan soon.\n';
      assertMasked(source, 'title: Plans soon');
      assertMasked(source, 'tags: [a, b]');
      assertMasked(source, '---');
      const doc = parseDocument(source);
      assert.equal(doc.frontMatter, 'title: Plans soon\ntags: [a, b]');
      assert.deepEqual(flagged(source), ['soon@5']);
    });

    it('keeps a thematic break or an unclosed --- from eating the document', () => {
      assert.deepEqual(flagged('---\nMarco will share the plan soon.\n'), ['soon@2']);
      assert.equal(parseDocument('Para.\n\n---\n\nMore.').frontMatter, null);
    });

    it('masks HTML tags but keeps the text between them', () => {
      const source = '<div class="note">\nMarco will <b>share</b> the plan<br/> soon.\n</div>';
      for (const tag of ['<div class="note">', '<b>', '</b>', '<br/>', '</div>']) assertMasked(source, tag);
      assertKept(source, 'share');
      assert.deepEqual(flagged(source), ['soon@2']);
    });

    it('masks HTML comments, on one line or across lines', () => {
      const source = 'Marco will <!-- not soon --> share it.\n<!--\nAna will do it soon.\n-->\nDone.';
      assertMasked(source, '<!-- not soon -->');
      assertMasked(source, 'Ana will do it soon.');
      assertKept(source, 'Done.');
      assert.deepEqual(flagged(source), []);
    });

    it('does not let "<!--" in code hide the rest of the document', () => {
      assert.deepEqual(flagged('```html\n<!-- an unclosed comment in code\n```\n\nMarco will share the plan soon.'), ['soon@5']);
      assert.deepEqual(flagged('Type `<!--` to start a comment.\n\nMarco will share the plan soon.'), ['soon@3']);
      assert.deepEqual(flagged('    <!-- indented code\n\nMarco will share the plan soon.'), ['soon@3']);
      assert.deepEqual(flagged('---\ntitle: "<!--"\n---\nMarco will share the plan soon.'), ['soon@4']);
    });

    it('treats "<!--" that never closes in running text as text, but hides the rest after a line that opens one', () => {
      assert.deepEqual(flagged('Write <!-- to open a comment.\n\nMarco will share the plan soon.'), ['soon@3']);
      assert.deepEqual(flagged('Marco will share the plan soon.\n\n<!-- draft, never closed\n\nAna will send it soon.'), ['soon@1']);
    });

    it('does not mistake text after a comment for indented code', () => {
      assert.deepEqual(flagged('Intro.\n\n<!-- a note --> Marco will share the plan soon.'), ['soon@3']);
    });

    it('masks bare URLs (balanced parentheses included), autolinks and e-mail addresses, keeping the punctuation after them', () => {
      const source = 'See https://example.com/plan?x=1&y=2, www.example.org/a and https://en.wikipedia.org/wiki/Foo_(bar). (Or https://x.org/a) Mail <bob@example.com>, ana.lopez+team@example.co.uk or josé@correo.es.';
      for (const part of [
        'https://example.com/plan?x=1&y=2',
        'www.example.org/a',
        'https://en.wikipedia.org/wiki/Foo_(bar)',
        'https://x.org/a',
        '<bob@example.com>',
        'ana.lopez+team@example.co.uk',
        'josé@correo.es',
      ]) {
        assertMasked(source, part);
      }
      const { prose } = parseDocument(source);
      const afterWiki = source.indexOf('Foo_(bar)') + 'Foo_(bar)'.length;
      assert.equal(prose[afterWiki], '.', 'the full stop after a URL is prose');
      assert.equal(prose[source.indexOf('x.org/a)') + 'x.org/a'.length], ')', 'a closing parenthesis outside the URL is prose');
      assert.equal(prose[source.indexOf('y=2,') + 3], ',');
    });

    it('masks long lines in linear time: a pasted base64 image, runs of brackets and comment openers', function () {
      // Four parses of about 300 KB each: each must stay under its own 5 s bound, whatever else the machine runs.
      this.timeout(30_000);
      const lines = [
        `![screenshot](data:image/png;base64,${'iVBORw0KGgo'.repeat(20000)})`,
        '[a '.repeat(60000),
        'note <!-- '.repeat(40000),
        `label\n${'next:\n'.repeat(60000)}`,
      ];
      for (const line of lines) {
        const source = `${line}\n\nMarco will share the plan soon.\n`;
        const started = performance.now();
        const doc = parseDocument(source);
        const elapsed = performance.now() - started;
        assert.equal(source.slice(doc.sentences.at(-1)!.start, doc.sentences.at(-1)!.end), 'Marco will share the plan soon.');
        assert.ok(elapsed < 5000, `${line.slice(0, 20)}… took ${Math.round(elapsed)} ms`);
      }
    });

    it('keeps link text and masks link targets, reference labels and definitions, and images', () => {
      const source = 'Read [the hiring plan](https://example.com/plan "Plan") and [the rota][rota] soon. ![diagram soon](img/a.png)\n\n[rota]: https://example.com/rota\n';
      assertKept(source, 'the hiring plan');
      assertKept(source, 'the rota');
      for (const part of ['(https://example.com/plan "Plan")', '[rota]', '![diagram soon](img/a.png)', '[rota]: https://example.com/rota']) assertMasked(source, part);
      const { prose } = parseDocument(source);
      assert.equal(prose[source.indexOf('[the hiring')], ' ', 'the opening bracket is masked');
    });

    it('masks emphasis markers but not the words', () => {
      const source = 'Marco **will** share the _plan_ ~~draft~~ soon.';
      const { prose } = parseDocument(source);
      assert.equal(prose.replace(/ +/g, ' '), 'Marco will share the plan draft soon.');
      assert.deepEqual(flagged(source), ['soon@1']);
    });

    it('leaves Markdown syntax alone in plain text, but still masks URLs and e-mail addresses', () => {
      const source = '# Not a heading with `code` and [a link](x)\nMail bob@example.com or https://example.com now.';
      assertKept(source, '# Not a heading with `code` and [a link](x)', 'text');
      assertMasked(source, 'bob@example.com', 'text');
      assertMasked(source, 'https://example.com', 'text');
      assert.deepEqual(
        parseDocument(source, 'text').blocks.map((b) => b.kind),
        ['paragraph'],
      );
    });
  });

  /* ---------- offsets ---------- */

  describe('offsets', () => {
    it('keeps offsets, lines and columns right with CRLF line breaks', () => {
      const source = 'First line.\r\n\r\nMarco will share the plan soon.\r\nAna will do it eventually.\r\n';
      assert.deepEqual(sentences(source), ['First line.', 'Marco will share the plan soon.', 'Ana will do it eventually.']);
      const findings = vagueTime(source);
      assert.deepEqual(
        findings.map((f) => [source.slice(f.range.start.offset, f.range.end.offset), f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column]),
        [
          ['soon', 3, 27, 3, 31],
          ['eventually', 4, 16, 4, 26],
        ],
      );
    });

    it('counts a lone CR as a line break', () => {
      const source = 'Intro.\rMarco will share the plan soon.';
      const [finding] = vagueTime(source);
      assert.deepEqual([finding.range.start.line, finding.range.start.column], [2, 27]);
    });

    it('counts a tab as one column', () => {
      const source = 'Notes:\n\tMarco will share the plan soon.';
      const [finding] = vagueTime(source);
      assert.deepEqual([finding.range.start.line, finding.range.start.column], [2, 28]);
      assert.equal(source.slice(finding.range.start.offset, finding.range.end.offset), 'soon');
    });

    it('counts columns in UTF-16 code units through emoji, and never starts a sentence inside one', () => {
      const source = '🎉 Great quarter! 👩‍👩‍👧🇫🇷 Marco will share the plan soon. 😀\nAna 👍🏽 will send it soon.';
      assert.deepEqual(sentences(source), ['Great quarter!', 'Marco will share the plan soon.', 'Ana 👍🏽 will send it soon.']);
      const findings = vagueTime(source);
      assert.deepEqual(
        findings.map((f) => source.slice(f.range.start.offset, f.range.end.offset)),
        ['soon', 'soon'],
      );
      const second = findings[1];
      assert.equal(second.range.start.line, 2);
      assert.equal(second.range.start.column, 'Ana 👍🏽 will send it '.length + 1);
    });

    it('handles non-breaking spaces, accents and smart quotes', () => {
      const source = 'Zoë will share the café\u00a0plan soon. She said “we’ll finish soon” and left.';
      assert.deepEqual(sentences(source), ['Zoë will share the café\u00a0plan soon.', 'She said “we’ll finish soon” and left.']);
      const findings = vagueTime(source);
      assert.equal(findings.length, 1, 'the quoted "soon" is someone else\'s words');
      assert.equal(findings[0].range.start.offset, source.indexOf('soon'));
    });

    it('keeps offsets right in Japanese and Arabic text, full-width and Arabic stops included', () => {
      const source = '日本語の文です。チームは来週始めます。\n\nمرحبا بكم؟ Marco will share the plan soon！';
      assert.deepEqual(sentences(source), ['日本語の文です。', 'チームは来週始めます。', 'مرحبا بكم؟', 'Marco will share the plan soon！']);
      const [finding] = vagueTime(source);
      assert.equal(source.slice(finding.range.start.offset, finding.range.end.offset), 'soon');
      assert.deepEqual([finding.range.start.line, finding.range.start.column], [3, 'مرحبا بكم؟ Marco will share the plan '.length + 1]);
    });

    it('keeps contractions whole, both apostrophe styles', () => {
      const source = "She's going to ship it. We’ll see, and they'll check.";
      const doc = parseDocument(source);
      assert.deepEqual(sentences(source), ["She's going to ship it.", 'We’ll see, and they\'ll check.']);
      const tokens = doc.sentences.flatMap((s) => s.tokens.map((t) => source.slice(t.start, t.end)));
      assert.ok(tokens.includes("She's"), `tokens: ${tokens.join('|')}`);
      assert.ok(tokens.includes('We’ll'), `tokens: ${tokens.join('|')}`);
      assert.ok(tokens.includes("they'll"), `tokens: ${tokens.join('|')}`);
    });

    it('starts a sentence at its opening quote, straight or curly', () => {
      const source = '“Don’t wait,” she said. "Don\'t stop," he said. (Then we left.)';
      assert.deepEqual(sentences(source), ['“Don’t wait,” she said.', '"Don\'t stop," he said.', '(Then we left.)']);
    });

    it('gives every token and sentence offsets that slice the source to their own text', () => {
      const source = '# Review: Ana\r\n\r\nAna’s work on the **billing** rewrite was great 🎉. She\'ll lead Q3.\r\n\r\n- Ship [the docs](https://x.org) by Friday\r\n';
      const doc = parseDocument(source);
      assert.ok(doc.sentences.length >= 3);
      for (const s of doc.sentences) {
        assert.ok(s.start <= s.wordsEnd && s.wordsEnd <= s.end && s.end <= source.length);
        assert.equal(s.text, doc.prose.slice(s.start, s.end));
        for (const t of s.tokens) {
          assert.ok(t.start >= s.start && t.end <= s.wordsEnd, `token ${t.text} outside its sentence`);
          assert.equal(source.slice(t.start, t.end), t.text);
        }
      }
    });

    it('puts wordsEnd before the closing punctuation, where an insertion at the end of a sentence goes', () => {
      const source = 'Marco will share it soon?!';
      const [s] = parseDocument(source).sentences;
      assert.equal(source.slice(s.start, s.wordsEnd), 'Marco will share it soon');
      assert.equal(source.slice(s.wordsEnd, s.end), '?!');
    });
  });

  /* ---------- blocks and sections ---------- */

  describe('blocks and sections', () => {
    const kinds = (source: string) => parseDocument(source).blocks.map((b) => `${b.kind}:${source.slice(b.start, b.end)}`);

    it('splits headings (ATX and setext) into sections named after them', () => {
      const source = '# Review ##\n\nIntro text.\n\nGoals\n-----\n\nShip it.\n\n### Next steps\nMore.';
      const doc = parseDocument(source);
      assert.deepEqual(
        doc.blocks.filter((b) => b.kind === 'heading').map((b) => source.slice(b.start, b.end)),
        ['Review', 'Goals', 'Next steps'],
      );
      assert.deepEqual(
        doc.sections.map((s) => s.title),
        [null, 'Review', 'Goals', 'Next steps'],
      );
      const levels = parseDocument(source).sentences.filter((s) => s.block.kind === 'heading').map((s) => s.text.trim());
      assert.deepEqual(levels, ['Review', 'Goals', 'Next steps']);
      assert.deepEqual(
        doc.sections.map((s) => s.blocks.map((i) => doc.blocks[i].kind)),
        [[], ['heading', 'paragraph'], ['heading', 'paragraph'], ['heading', 'paragraph']],
      );
    });

    it('cuts a paragraph longer than MAX_BLOCK_CHARS at a sentence stop, so no block grows without bound', () => {
      const sentence = 'Ana shipped the billing migration on 3 May and wrote the runbook. ';
      const source = sentence.repeat(Math.ceil((MAX_BLOCK_CHARS * 2.5) / sentence.length));
      const doc = parseDocument(source);
      assert.ok(doc.blocks.length >= 3, `${doc.blocks.length} blocks`);
      for (const block of doc.blocks) {
        assert.ok(block.end - block.start <= MAX_BLOCK_CHARS);
        assert.match(source.slice(block.start, block.end), /^Ana shipped[\s\S]*runbook\.$/, 'every piece starts and ends on a sentence boundary');
      }
      assert.equal(doc.sentences.length, Math.ceil((MAX_BLOCK_CHARS * 2.5) / sentence.length), 'no sentence is lost or split');
      // With no stops and no spaces, the cut still comes, never inside a surrogate pair.
      const emoji = parseDocument('🎉'.repeat(MAX_BLOCK_CHARS));
      for (const block of emoji.blocks) assert.equal(emoji.source.slice(block.start, block.end).length % 2, 0);
    });

    it(`cuts a run-on of more than ${MAX_SENTENCE_WORDS} words into sentences of at most that many`, () => {
      const doc = parseDocument('and the team '.repeat(MAX_SENTENCE_WORDS));
      assert.ok(doc.sentences.length >= 3);
      for (const sentence of doc.sentences) assert.ok(sentence.tokens.length <= MAX_SENTENCE_WORDS);
    });

    it('treats a short line ending in a colon as a label that opens a section, even without a blank line after it', () => {
      const source = 'Thanks all.\nNext steps:\n- Marco will send the deck.\n- Ana will book the room.\n';
      assert.deepEqual(kinds(source), ['paragraph:Thanks all.', 'label:Next steps:', 'list-item:Marco will send the deck.', 'list-item:Ana will book the room.']);
      const doc = parseDocument(source);
      const section = doc.sections.find((s) => s.title === 'Next steps');
      assert.ok(section, `sections: ${JSON.stringify(doc.sections)}`);
      assert.deepEqual(
        section.blocks.map((i) => doc.blocks[i].kind),
        ['label', 'list-item', 'list-item'],
      );
      assert.deepEqual(kinds('This sentence is long and ends with a colon but it is prose: yes.'), ['paragraph:This sentence is long and ends with a colon but it is prose: yes.']);
    });

    it('starts a label section right after a list, but not in the middle of a sentence', () => {
      const afterList = 'Agenda:\n- hiring\n- the rota\nNext steps:\n- Ana will book the room.';
      assert.deepEqual(kinds(afterList), ['label:Agenda:', 'list-item:hiring', 'list-item:the rota', 'label:Next steps:', 'list-item:Ana will book the room.']);
      assert.deepEqual(
        parseDocument(afterList).sections.map((s) => s.title),
        [null, 'Agenda', 'Next steps'],
      );
      const midSentence = 'We agreed on three things\nfor the quarter:\n- hiring';
      assert.deepEqual(kinds(midSentence), ['paragraph:We agreed on three things\nfor the quarter:', 'list-item:hiring']);
    });

    it('treats a short title line right above a list as a label, colon or not', () => {
      assert.deepEqual(kinds('Actions\n- Fix the flaky tests by Fri 12th'), ['label:Actions', 'list-item:Fix the flaky tests by Fri 12th']);
      assert.deepEqual(parseDocument('Todo\n- refresh the pricing page').sections.map((s) => s.title), [null, 'Todo']);
      // A sentence above a list stays a paragraph.
      assert.deepEqual(kinds('We agreed three things.\n- hiring'), ['paragraph:We agreed three things.', 'list-item:hiring']);
    });

    it('ends a sentence at a full stop typed without its space, but not inside an abbreviation or a file name', () => {
      assert.deepEqual(sentences('Shows up on time.Thats about it.'), ['Shows up on time.', 'Thats about it.']);
      assert.deepEqual(sentences('See e.g. the README.md file.'), ['See e.g. the README.md file.']);
      // The next sentence may start in lower case when its first word opens clauses ("his", "the").
      assert.deepEqual(sentences('we got it finished.his work was mostly fine.'), ['we got it finished.', 'his work was mostly fine.']);
      assert.deepEqual(sentences('Use Node.js for it, see example.com.'), ['Use Node.js for it, see example.com.']);
    });

    it('makes each list item a block, with its continuation lines', () => {
      const source = '- first item\n  continues here\n* second\n1. third\n2) fourth\n- [ ] a task\n- [x] done task\n';
      assert.deepEqual(kinds(source), [
        'list-item:first item\n  continues here',
        'list-item:second',
        'list-item:third',
        'list-item:fourth',
        'list-item:a task',
        'list-item:done task',
      ]);
    });

    it('makes each table row a block and masks pipes and the delimiter row', () => {
      const source = '| Owner | Task |\n|:------|-----:|\n| Marco | share the plan soon |\n';
      assert.deepEqual(kinds(source), ['table-row:Owner | Task', 'table-row:Marco | share the plan soon']);
      assertMasked(source, '|:------|-----:|');
      const { prose } = parseDocument(source);
      assert.ok(!prose.includes('|'));
    });

    it('drops block quote markers and keeps the quoted prose', () => {
      const source = '> Marco will share the plan soon.\n> Ana agreed.';
      assert.deepEqual(sentences(source), ['Marco will share the plan soon.', 'Ana agreed.']);
      assert.deepEqual(flagged(source), ['soon@1']);
    });

    it('separates paragraphs at blank lines, horizontal rules and code', () => {
      const source = 'One.\n\nTwo.\n***\nThree.\n```\ncode\n```\nFour.';
      assert.deepEqual(kinds(source), ['paragraph:One.', 'paragraph:Two.', 'paragraph:Three.', 'paragraph:Four.']);
    });
  });

  /* ---------- suppression comments ---------- */

  describe('suppression comments', () => {
    const two = (directive: string, between = '\n') => `${directive}${between}Marco will share the plan soon.\nAna will send the budget soon.\n`;

    it('flags "soon" without any directive', () => {
      assert.deepEqual(flagged(two('')), ['soon@2', 'soon@3']);
    });

    it('disable … enable with a rule id silences that rule in between', () => {
      const source = `<!-- fulcrum-disable ${VAGUE_TIME} -->\nMarco will share the plan soon.\n<!-- fulcrum-enable ${VAGUE_TIME} -->\nAna will send the budget soon.\n`;
      assert.deepEqual(flagged(source), ['soon@4']);
    });

    it('disable without enable lasts to the end of the document', () => {
      assert.deepEqual(flagged(two(`Intro.\n<!-- fulcrum-disable ${VAGUE_TIME} -->`)), []);
    });

    it('disable-next-line silences the next line only', () => {
      assert.deepEqual(flagged(two(`<!-- fulcrum-disable-next-line ${VAGUE_TIME} -->`)), ['soon@3']);
      assert.deepEqual(flagged(`Marco will share the plan soon. <!-- fulcrum-disable-next-line ${VAGUE_TIME} -->\nAna will send the budget soon.\nBo will do it soon.`), [
        'soon@1',
        'soon@3',
      ]);
    });

    it('disable-next-line works with CRLF and lone CR line breaks', () => {
      assert.deepEqual(flagged(two('<!-- fulcrum-disable-next-line -->', '\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r')), ['soon@3']);
      assert.deepEqual(flagged('<!-- fulcrum-disable-next-line -->\rMarco will share the plan soon.\rAna will send the budget soon.'), ['soon@3']);
    });

    it('disable-next-line before a blank line silences nothing', () => {
      assert.deepEqual(flagged(two('<!-- fulcrum-disable-next-line -->\n')), ['soon@3', 'soon@4']);
    });

    it('a directive without rule ids covers every rule', () => {
      assert.deepEqual(flagged(two('<!-- fulcrum-disable-next-line -->')), ['soon@3']);
      const source = '<!-- fulcrum-disable -->\nMarco will share the plan soon.\n<!-- fulcrum-enable -->\nAna will send the budget soon.\n';
      assert.deepEqual(flagged(source), ['soon@4']);
      assert.deepEqual(lint('<!-- fulcrum-disable -->\nMarco will share the plan soon.').findings.filter((f) => f.scope === 'inline'), []);
    });

    it('a directive naming another rule leaves vague-time alone', () => {
      assert.deepEqual(flagged(two('<!-- fulcrum-disable follow-up/vague-follow-up -->')), ['soon@2', 'soon@3']);
      assert.deepEqual(flagged(two('<!-- fulcrum-disable-next-line follow-up/vague-follow-up -->')), ['soon@2', 'soon@3']);
    });

    it('accepts several ids, separated by spaces or commas, and a reason after " -- "', () => {
      assert.deepEqual(flagged(two(`<!-- fulcrum-disable-next-line follow-up/vague-follow-up, ${VAGUE_TIME} -->`)), ['soon@3']);
      assert.deepEqual(flagged(two(`<!-- fulcrum-disable-next-line ${VAGUE_TIME} -- dates are set in the plan -->`)), ['soon@3']);
    });

    it('an enable without ids ends a disable that named a rule', () => {
      const source = `<!-- fulcrum-disable ${VAGUE_TIME} -->\nMarco will share the plan soon.\n<!-- fulcrum-enable -->\nAna will send the budget soon.\n`;
      assert.deepEqual(flagged(source), ['soon@4']);
    });

    it('an enable naming a rule inside an id-less disable turns that rule back on', () => {
      const source = `<!-- fulcrum-disable -->\nMarco will share the plan soon.\n<!-- fulcrum-enable ${VAGUE_TIME} -->\nAna will send the budget soon.\n`;
      assert.deepEqual(flagged(source), ['soon@4']);
    });

    it('ignores directives shown in code blocks and code spans', () => {
      assert.deepEqual(flagged('```md\n<!-- fulcrum-disable -->\n```\n\nMarco will share the plan soon.'), ['soon@5']);
      assert.deepEqual(flagged('Write `<!-- fulcrum-disable -->` to silence Fulcrum.\n\nMarco will share the plan soon.'), ['soon@3']);
      assert.deepEqual(flagged('    <!-- fulcrum-disable -->\n\nMarco will share the plan soon.'), ['soon@3']);
    });

    it('works in plain-text documents too, where a comment line separates paragraphs as in Markdown', () => {
      assert.deepEqual(flagged(two('<!-- fulcrum-disable-next-line -->'), { format: 'text' }), ['soon@3']);
      const source = 'Para one.\n<!-- note -->\nPara two.';
      for (const format of ['markdown', 'text'] as const) {
        assert.deepEqual(
          parseDocument(source, format).blocks.map((b) => source.slice(b.start, b.end)),
          ['Para one.', 'Para two.'],
          format,
        );
      }
    });
  });

  /* ---------- configuration ---------- */

  describe('config validation', () => {
    it('accepts a valid configuration as it is, with no problems', () => {
      const raw = {
        $schema: './node_modules/fulcrum/config.schema.json',
        profile: 'one-on-one',
        rules: { [VAGUE_TIME]: 'error' },
        phrases: { [VAGUE_TIME]: ['by and by', { text: 'one of these days', replacement: 'by [date]' }] },
      };
      const { config, problems } = validateConfig(raw, builtinRuleIds);
      assert.deepEqual(problems, []);
      assert.deepEqual(config, { profile: 'one-on-one', rules: { [VAGUE_TIME]: 'error' }, phrases: raw.phrases });
    });

    it('reports unknown keys, bad severities, unknown rule ids and a bad profile with paths, and keeps the valid parts', () => {
      const { config, problems } = validateConfig(
        { profile: 'memo', colour: 'red', rules: { [VAGUE_TIME]: 'loud', 'nope/missing': 'off' }, phrases: { [VAGUE_TIME]: ['by and by'], 'nope/other': ['x'] } },
        builtinRuleIds,
      );
      const paths = problems.map((p) => p.path).sort();
      assert.deepEqual(paths, ['colour', 'phrases.nope/other', 'profile', `rules.${VAGUE_TIME}`, 'rules.nope/missing'].sort());
      assert.match(problems.find((p) => p.path === `rules.${VAGUE_TIME}`)!.message, /"loud"/);
      assert.match(problems.find((p) => p.path === 'rules.nope/missing')!.message, /unknown rule "nope\/missing"/);
      assert.match(problems.find((p) => p.path === 'colour')!.message, /unknown setting "colour"/);
      assert.deepEqual(config.phrases, { [VAGUE_TIME]: ['by and by'] });
      assert.deepEqual(config.rules, {});
      assert.equal(config.profile, undefined);
    });

    it('reports rules, phrases and customRules of the wrong type', () => {
      const { problems } = validateConfig({ rules: ['x'], phrases: 'soon', customRules: {} }, builtinRuleIds);
      assert.deepEqual(problems.map((p) => p.path).sort(), ['customRules', 'phrases', 'rules']);
      const { problems: listProblems } = validateConfig({ phrases: { [VAGUE_TIME]: [1, 2] } }, builtinRuleIds);
      assert.deepEqual(listProblems.map((p) => p.path), [`phrases.${VAGUE_TIME}`]);
    });

    it('rejects a configuration that is not an object', () => {
      for (const raw of [null, [], 'rules', 3]) {
        const { config, problems } = validateConfig(raw, builtinRuleIds);
        assert.deepEqual(config, {});
        assert.deepEqual(problems.map((p) => p.path), ['$']);
      }
    });

    it('turns broken JSON into one problem at "$" and the defaults', () => {
      const { config, problems } = parseConfigText('{ "rules": { ', builtinRuleIds);
      assert.deepEqual(config, {});
      assert.equal(problems.length, 1);
      assert.equal(problems[0].path, '$');
      assert.match(problems[0].message, /not valid JSON/);
    });

    it('reads JSON that starts with a byte order mark', () => {
      const { config, problems } = parseConfigText(`\uFEFF{ "rules": { "${VAGUE_TIME}": "off" } }`, builtinRuleIds);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.rules, { [VAGUE_TIME]: 'off' });
    });

    it('validates custom rules, refuses taken ids, and lets rules and phrases refer to custom ids', () => {
      const custom = customRule('clarity/engine-test-utilize');
      const { config, problems } = validateConfig(
        {
          customRules: [custom, { ...custom, id: VAGUE_TIME, category: 'expectations' }, { id: 'bad' }, custom],
          rules: { 'clarity/engine-test-utilize': 'error' },
          phrases: { 'clarity/engine-test-utilize': ['leverage'] },
        },
        builtinRuleIds,
      );
      assert.deepEqual(config.customRules?.map((r) => r.id), ['clarity/engine-test-utilize']);
      assert.deepEqual(config.rules, { 'clarity/engine-test-utilize': 'error' });
      assert.deepEqual(config.phrases, { 'clarity/engine-test-utilize': ['leverage'] });
      assert.ok(problems.some((p) => p.path === 'customRules[1]' && /already taken/.test(p.message)));
      assert.ok(problems.some((p) => p.path === 'customRules[2]'));
      assert.ok(problems.some((p) => p.path === 'customRules[3]' && /already taken/.test(p.message)));
      assert.ok(problems.every((p) => /^customRules\[[123]\]$/.test(p.path)), JSON.stringify(problems));
    });

    it('rejects phrase replacements and custom-rule fixes that are not text, which would crash linting later', () => {
      const { config, problems } = validateConfig(
        {
          phrases: { [VAGUE_TIME]: [{ text: 'by and by', replacement: 5 }] },
          customRules: [
            { ...customRule('clarity/engine-test-a'), detector: { kind: 'phrase', phrases: [{ text: 'utilize', replacement: ['use'] }] } },
            { ...customRule('clarity/engine-test-b'), fix: { kind: 'replace' } },
            { ...customRule('clarity/engine-test-c'), fix: { kind: 'insert-sentence-end', title: 'Add a date' } },
            { ...customRule('clarity/engine-test-d'), fix: { kind: 'rewrite', title: 'x' } },
            { ...customRule('clarity/engine-test-e'), fix: { kind: 'delete', title: 'Delete', safe: 'yes' } },
            customRule('clarity/engine-test-ok'),
          ],
        },
        builtinRuleIds,
      );
      assert.deepEqual(
        problems.map((p) => `${p.path}: ${p.message}`),
        [
          'customRules[0]: "detector.phrases" replacements must be strings',
          'customRules[1]: "fix.title" must be a string',
          'customRules[2]: "fix.text" must be a string',
          'customRules[3]: "fix.kind" must be one of replace, delete, replace-sentence, insert-sentence-end, insert-after-match, insert-before-unit, append-document, insert-after-first-block',
          'customRules[4]: "fix.safe" must be true or false',
          `phrases.${VAGUE_TIME}: must be a list of phrases (strings or { text, replacement } with string values)`,
        ],
      );
      assert.deepEqual(config.customRules?.map((r) => r.id), ['clarity/engine-test-ok']);
      assert.doesNotThrow(() => lint('We utilize it. Marco will share the plan by and by.', { config }));
    });

    it('rejects custom detectors with fields of the wrong type, which would throw while linting', () => {
      const detectors: Array<[object, string]> = [
        [{ kind: 'phrase', phrases: ['utilize'], notBefore: 'the' }, '"detector.notBefore" must be a list of strings'],
        [{ kind: 'phrase', phrases: ['utilize'], notAfter: [5] }, '"detector.notAfter" must be a list of strings'],
        [{ kind: 'pattern', patterns: ['{tools} will'] }, '"detector.patterns" refers to unknown list {tools}'],
        [{ kind: 'pattern', patterns: ['will'], lists: 5 }, '"detector.lists" must map names to lists of strings'],
        [{ kind: 'pattern', patterns: ['will'], trigger: 'will' }, '"detector.trigger" must be a list of strings'],
        [{ kind: 'presence', anyOf: [{ heading: 'next steps' }] }, '"detector.anyOf" entries must be { heading?: [phrases], sentence?: [known features], unless?: [known features] }'],
        [{ kind: 'presence', anyOf: [{ sentence: ['no-such-feature'] }] }, '"detector.anyOf" entries must be { heading?: [phrases], sentence?: [known features], unless?: [known features] }'],
        [{ kind: 'presence', anyOf: [{ sentence: ['request'], unless: ['no-such-feature'] }] }, '"detector.anyOf" entries must be { heading?: [phrases], sentence?: [known features], unless?: [known features] }'],
        [{ kind: 'presence', anyOf: [{ heading: ['next steps'] }], minSentences: 'two' }, '"detector.minSentences" must be a number'],
      ];
      const text = '# Review\n\nMarco will share the plan soon. We utilize the tool.\n';
      for (const [detector, message] of detectors) {
        const rule = { ...customRule('clarity/engine-test-detector'), scope: 'kind' in detector && detector.kind === 'presence' ? 'document' : 'inline', detector };
        const { config, problems } = validateConfig({ customRules: [rule] }, builtinRuleIds);
        assert.deepEqual(problems.map((p) => p.message), [message], JSON.stringify(detector));
        assert.deepEqual(config.customRules, []);
        assert.doesNotThrow(() => lint(text, { config }));
      }
      const fine = { ...customRule('clarity/engine-test-detector'), scope: 'document', fix: undefined, detector: { kind: 'presence', anyOf: [{ heading: ['next steps'], sentence: ['owner'] }], minSentences: 1 } };
      assert.deepEqual(validateConfig({ customRules: [fine] }, builtinRuleIds).problems, []);
    });

    it('applies rule settings and extra phrases when linting', () => {
      const text = 'Marco will share the plan soon. Ana will send it by and by.';
      assert.deepEqual(flagged(text, { config: { rules: { [VAGUE_TIME]: 'off' } } }), []);
      assert.deepEqual(vagueTime(text, { config: { rules: { [VAGUE_TIME]: 'error' } } }).map((f) => f.severity), ['error']);
      assert.deepEqual(flagged(text, { config: { phrases: { [VAGUE_TIME]: ['by and by'] } } }), ['soon@1', 'by and by@1']);
    });

    it('runs custom rules', () => {
      const config = validateConfig({ customRules: [customRule('clarity/engine-test-utilize')] }, builtinRuleIds).config;
      const findings = lint('We utilize the new tool every day.', { config }).findings.filter((f) => f.ruleId === 'clarity/engine-test-utilize');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].message, 'Say "use", not "utilize".');
      assert.deepEqual(findings[0].fixes[0].edits, [{ start: 3, end: 10, text: 'use' }]);
      assert.equal(findings[0].fixes[0].safe, false, 'a config\'s rewrite is offered, never applied on its own');
    });
  });

  /* ---------- profiles ---------- */

  describe('profile detection', () => {
    const plain = 'Marco will share the plan by Friday.';

    it('reads the flow form from front matter', () => {
      assert.equal(lint(`---\nfulcrum: { profile: announcement }\n---\n${plain}`).profile, 'announcement');
      assert.equal(lint(`---\ntitle: x\nfulcrum: {profile: "one-on-one", other: 1}\n---\n${plain}`).profile, 'one-on-one');
    });

    it('reads the block form from front matter, with CRLF and comments', () => {
      assert.equal(lint(`---\nfulcrum:\n  profile: announcement\n---\n${plain}`).profile, 'announcement');
      assert.equal(lint(`---\r\nfulcrum: # settings\r\n  other: 1\r\n  profile: 'one-on-one' # why\r\n---\r\n${plain}`).profile, 'one-on-one');
    });

    it('ignores a profile key nested deeper under fulcrum:', () => {
      assert.equal(lint(`---\nfulcrum:\n  rules:\n    profile: announcement\n  other: 1\n---\n${plain}`).profile, 'review');
      assert.equal(lint(`---\nfulcrum:\n  rules:\n    x: 1\n  profile: announcement\n---\n${plain}`).profile, 'announcement');
    });

    it('reads a fulcrum: block without a profile quickly (no regex backtracking blow-up)', () => {
      const settings = '      setting: value\n'.repeat(10);
      const started = performance.now();
      assert.equal(lint(`---\nfulcrum:\n${settings}---\n${plain}`).profile, 'review');
      assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
    });

    it('ignores a top-level profile key and an unknown profile value', () => {
      const oneOnOne = '# 1:1 with Sam\n\n## Action items\n\n- Sam will send the notes by Friday.';
      assert.equal(lint(`---\nfulcrum:\n  other: 1\nprofile: announcement\n---\n${oneOnOne}`).profile, 'one-on-one');
      assert.equal(lint(`---\nfulcrum: { profile: memo }\n---\n${oneOnOne}`).profile, 'one-on-one');
    });

    it('detects a performance review', () => {
      const review = '# Mid-year review: Priya\n\n## Strengths\n\nPriya led the billing migration.\n\n## Areas for growth\n\nDelegating earlier. Overall rating: exceeds expectations.';
      assert.equal(lint(review).profile, 'review');
      assert.equal(lint(review.replace('# Mid-year review: Priya', '# Priya')).profile, 'review');
    });

    it('detects 1:1 notes', () => {
      assert.equal(lint('# 1:1 with Sam — 3 March\n\n## Agenda\n\n- Hiring\n\n## Action items\n\n- Sam will send the notes by Friday.').profile, 'one-on-one');
      assert.equal(lint('Weekly sync with Dana\n\nTalking points:\n- the on-call rota').profile, 'one-on-one');
    });

    it('detects an announcement', () => {
      const announcement =
        "Hi team,\n\nWe're excited to share that starting next Monday we are moving to a new on-call rota.\n\n## What this means for you\n\nQuestions? Ask in #eng.";
      assert.equal(lint(announcement).profile, 'announcement');
    });

    it('falls back to review, and lets an explicit profile (option or config) win over front matter and wording', () => {
      assert.equal(lint('Just some text.').profile, 'review');
      const doc = `---\nfulcrum: { profile: announcement }\n---\n# 1:1 with Sam\n\n## Action items\n`;
      assert.equal(lint(doc, { profile: 'review' }).profile, 'review');
      assert.equal(lint('# 1:1 with Sam\n\n## Action items\n', { config: { profile: 'announcement' } }).profile, 'announcement');
      assert.equal(lint(doc, { profile: 'auto' }).profile, 'announcement');
    });
  });

  /* ---------- edits and fixes ---------- */

  describe('applyEdits and applyFixes', () => {
    it('applies edits in any order as if from the end backwards', () => {
      const text = 'one two three';
      const edits: TextEdit[] = [
        { start: 8, end: 13, text: '3' },
        { start: 0, end: 3, text: '1' },
        { start: 4, end: 7, text: 'TWO' },
      ];
      assert.deepEqual(applyEdits(text, edits), { text: '1 TWO 3', applied: 3, skipped: 0 });
    });

    it('skips an edit that overlaps one already taken, keeping the text around both intact', () => {
      const text = 'Please send it soon, thanks.';
      const result = applyEdits(text, [
        { start: 15, end: 19, text: 'by Friday' },
        { start: 12, end: 19, text: 'it by Monday' },
        { start: 17, end: 25, text: 'XX' },
      ]);
      assert.equal(result.applied, 1);
      assert.equal(result.skipped, 2);
      assert.equal(result.text, 'Please send it by Monday, thanks.');
    });

    it('skips a second insertion at the same point, but keeps an insertion next to a replacement', () => {
      assert.deepEqual(applyEdits('ab', [
        { start: 1, end: 1, text: 'X' },
        { start: 1, end: 1, text: 'Y' },
      ]), { text: 'aXb', applied: 1, skipped: 1 });
      assert.deepEqual(applyEdits('abc', [
        { start: 1, end: 2, text: 'B' },
        { start: 1, end: 1, text: '[' },
        { start: 2, end: 2, text: ']' },
      ]).text, 'a[B]c');
    });

    it('skips edits outside the text or with start after end', () => {
      const result = applyEdits('abc', [
        { start: -1, end: 1, text: 'x' },
        { start: 2, end: 9, text: 'x' },
        { start: 2, end: 1, text: 'x' },
        { start: 3, end: 3, text: '!' },
      ]);
      assert.deepEqual(result, { text: 'abc!', applied: 1, skipped: 3 });
    });

    it('keeps CRLF line breaks and non-ASCII text around a fix', () => {
      const text = 'Zoë 🎉:\r\nMarco will share the plan soon.\r\nDone — merci.\r\n';
      const fixes = vagueTime(text).flatMap((f) => f.fixes);
      assert.equal(fixes.length, 1);
      const fixed = applyFixes(text, fixes);
      assert.equal(fixed.text, 'Zoë 🎉:\r\nMarco will share the plan by [date].\r\nDone — merci.\r\n');
      assert.equal(fixed.applied, 1);
    });

    it('capitalises a replacement that starts a sentence', () => {
      const text = 'Eventually, Marco will share the plan.';
      const fixes = vagueTime(text).flatMap((f) => f.fixes);
      assert.equal(applyFixes(text, fixes).text, 'By [date], Marco will share the plan.');
    });

    it('applies a custom rule\'s fixes throughout a document, as a person accepting each would (none is safe)', () => {
      const config = validateConfig({ customRules: [customRule('clarity/engine-test-utilize')] }, builtinRuleIds).config;
      const text = 'We utilize X.\r\n\r\n- They utilize Y, and utilize Z.\r\n';
      const fixes = lint(text, { config }).findings.filter((f) => f.ruleId === 'clarity/engine-test-utilize').flatMap((f) => f.fixes);
      assert.ok(fixes.length === 3 && fixes.every((f) => !f.safe));
      assert.equal(applyFixes(text, fixes).text, 'We use X.\r\n\r\n- They use Y, and use Z.\r\n');
    });
  });

  /* ---------- the Finding shape ---------- */

  describe('"Not an issue" dismissals', () => {
    const text = 'Marco will share the plan soon. Ana will send the budget soon.';

    it('hides the dismissed finding, and only that one, and it costs no points', () => {
      const before = lint(text);
      const first = before.findings.find((f) => f.ruleId === 'expectations/vague-time')!;
      const dismissal = dismissalOf(first, text, before.profile, new Date('2026-12-01T00:00:00Z'));
      assert.deepEqual({ text: dismissal.text, sentence: dismissal.sentence }, { text: 'soon', sentence: 'Marco will share the plan soon.' });
      const after = lint(text, { dismissals: [dismissal] });
      const vague = after.findings.filter((f) => f.ruleId === 'expectations/vague-time');
      assert.deepEqual(vague.map((f) => f.range.start.offset), [text.lastIndexOf('soon')], 'the same words in another sentence are still flagged');
      assert.ok(after.score.overall >= before.score.overall);
    });

    it('keeps a dismissal across edits elsewhere in the document', () => {
      const first = lint(text).findings.find((f) => f.ruleId === 'expectations/vague-time')!;
      const dismissal = dismissalOf(first, text, 'review');
      const edited = `# Notes\n\nWe met on Monday.\n\n${text}`;
      assert.equal(lint(edited, { dismissals: [dismissal] }).findings.filter((f) => f.ruleId === 'expectations/vague-time').length, 1);
    });

    it('reads dismissal files and reports entries that are not dismissals', () => {
      const good = { ruleId: 'a/b', text: 'x', sentence: 'x y.', profile: 'review', at: '2026-12-01' };
      assert.deepEqual(parseDismissals([good, { ruleId: 'a/b' }, null]), { dismissals: [good], problems: ['[1]: missing text, sentence, profile, at', '[2]: missing ruleId, text, sentence, profile, at'] });
      assert.deepEqual(parseDismissals('nope').problems, ['expected a list of dismissals (or { "dismissals": [...] })']);
    });
  });

  describe('one finding per problem', () => {
    it('a document check yields to a document finding it defers to, wherever each is anchored', () => {
      // A vision with no path announces nothing concrete yet: asking when it takes effect says the same thing again.
      const vision = 'Dear all,\n\nBy 2030 we will be the most trusted lender in the region. We will be bolder, faster and more customer-obsessed than ever. Our vision is to be the first choice for every family.\n\nThank you for all you do.';
      const ids = lint(vision, { profile: 'announcement' }).findings.map((f) => f.ruleId);
      assert.ok(ids.includes('vision/vision-without-path'));
      assert.ok(!ids.includes('change/no-effective-date'));
      // A concrete change with no date still gets its own finding.
      const change = 'Hi all,\n\nThe web and mobile squads are merging. Ana will lead the merged team.';
      assert.ok(lint(change, { profile: 'announcement' }).findings.some((f) => f.ruleId === 'change/no-effective-date'));
    });
  });

  describe('Finding shape', () => {
    it('has every documented field, with 1-based lines and columns that match the offsets', () => {
      const text = '# Plan\n\nThanks all.\nMarco will share the plan soon.\n';
      const [finding] = vagueTime(text);
      assert.ok(finding);
      assert.deepEqual(Object.keys(finding).sort(), ['category', 'docsUrl', 'fixes', 'message', 'range', 'ruleId', 'scope', 'severity', 'sources']);
      assert.equal(finding.ruleId, VAGUE_TIME);
      assert.equal(finding.category, 'expectations');
      assert.ok((CATEGORIES as readonly string[]).includes(finding.category));
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.scope, 'inline');
      assert.equal(finding.message, '"soon" gives no date. Say when: a day, a date or a sprint.');
      const start = text.indexOf('soon');
      assert.deepEqual(finding.range, {
        start: { offset: start, line: 4, column: 27 },
        end: { offset: start + 4, line: 4, column: 31 },
      });
      assert.deepEqual(finding.fixes, [{ title: 'Replace "soon" with a date', edits: [{ start, end: start + 4, text: 'by [date]' }], safe: false }]);
      assert.ok(finding.sources.length > 0);
      for (const source of finding.sources) {
        assert.deepEqual(Object.keys(source).sort(), ['quote', 'seed']);
        assert.ok(source.seed.length > 0 && source.quote.length > 0);
      }
      assert.match(finding.docsUrl, /^https:\/\/\S+\/expectations\/vague-time\.md$/);
    });

    it('gives positions consistent with the offsets for every finding of every rule', () => {
      const text = '# 1:1 with Sam\r\n\r\nMarco will share the plan soon 🎉.\r\nWe should do better.\r\n\r\n## Next steps\r\n- Ana will send it ASAP\r\n';
      const { findings } = lint(text);
      assert.ok(findings.length > 0);
      for (const f of findings) {
        for (const p of [f.range.start, f.range.end]) {
          assert.deepEqual({ line: p.line, column: p.column }, lineColumn(text, p.offset), `${f.ruleId} at ${p.offset}`);
        }
        assert.ok(f.range.start.offset <= f.range.end.offset && f.range.end.offset <= text.length);
      }
    });

    it('sorts findings by offset', () => {
      const { findings } = lint('Ana will do it eventually.\n\nMarco will share the plan soon.\n\nBo will send it ASAP.');
      const offsets = findings.map((f) => f.range.start.offset);
      assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
    });
  });
});

/** The shared custom-rule fixture under another id (its category is the id's first part). */
function customRule(id: string) {
  return customRuleFixture({ id, category: id.split('/')[0] });
}

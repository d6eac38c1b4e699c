import assert from 'node:assert/strict';
import { applyFixes, builtinRules, lint, type Profile } from '../src/core/index.js';

/*
 * Fixes touch only prose, whether `--fix` and fix-on-save apply them (the safe ones) or a person
 * picks one from the editor's menu. Rules read the text with markup masked out, so a flagged
 * phrase can run across a code span, a comment, emphasis, a link or a tag; the fix must then keep
 * that markup byte for byte (a change of case) or not be offered (anything else). Every rule's
 * fix is tried on its examples with each piece of markup put between the words the finding
 * covers, in every gap, and around them.
 */

/** Markup that must survive a fix exactly; capitals inside, so a case change would show. */
const MARKUP = [
  '`--VERBOSE`',
  '``NOW `x` NOW``',
  '<!-- NOTE: keep -->',
  '<!-- fulcrum-disable-next-line -->',
  '<span class="URGENT NOW">',
  '<br/>',
  'https://EXAMPLE.COM/MUST/NOW',
  '[see notes](https://x.org/MUST)',
  '<https://x.org/ASAP>',
  'ops@EXAMPLE.COM',
];

/** Applies every fix (safe ones only, as `fulcrum --fix` does), pass after pass, until nothing changes. */
function fixAll(text: string, profile: Profile | undefined, onlySafe = false): string {
  let current = text;
  for (let pass = 0; pass < 6; pass++) {
    const fixes = lint(current, profile ? { profile } : {}).findings.flatMap((f) => f.fixes.filter((fix) => fix.safe || !onlySafe));
    const next = applyFixes(current, fixes).text;
    if (next === current) break;
    current = next;
  }
  return current;
}

/** A link with some text in it (a placeholder such as "[who]" is fine: balanced brackets are allowed in link text). */
const WHOLE_LINK = /\[(?:[^[\]]|\[[^[\]]*\])+\]\(https:\/\/x\.org\/MUST\)/g;

function occurrences(text: string, piece: string | RegExp): number {
  return typeof piece === 'string' ? text.split(piece).length - 1 : (text.match(piece) ?? []).length;
}

/** The example with `markup` put into the gap after the `gap`-th space of its flagged span. */
function withMarkupInSpan(text: string, span: string, gap: number, markup: string): string | null {
  const at = text.indexOf(span);
  let space = -1;
  for (let i = 0; i <= gap; i++) {
    space = span.indexOf(' ', space + 1);
    if (space < 0) return null;
  }
  const cut = at + space + 1;
  return `${text.slice(0, cut)}${markup} ${text.slice(cut)}`;
}

const fixed = builtinRules.flatMap((rule) => (rule.fix ? rule.examples.invalid.filter((e) => e.span && e.output && e.text.includes(e.span)).map((example) => ({ rule, example })) : []));

describe('fixes keep markup byte for byte', () => {
  it('many examples have fixes whose spans have gaps to fill', () => {
    assert.ok(fixed.filter(({ example }) => example.span!.includes(' ')).length >= 40, 'too few fixes to try');
  });

  for (const { rule, example } of fixed) {
    it(`${rule.id}: "${example.span}"`, () => {
      const span = example.span!;
      const gaps = span.split(' ').length - 1;
      const texts: Array<{ text: string; kept: Array<string | RegExp> }> = [];
      for (const markup of MARKUP) {
        // In the first and the last gap between the span's words, and on both sides of it.
        for (const gap of new Set([0, gaps - 1])) {
          const text = withMarkupInSpan(example.text, span, gap, markup);
          if (text !== null) texts.push({ text, kept: [markup] });
        }
        texts.push({ text: example.text.replace(span, `${markup} ${span} ${markup}`), kept: [markup] });
      }
      // Emphasis and a link wrapped tightly round the span.
      for (const wrapper of ['**', '_', '~~']) texts.push({ text: example.text.replace(span, `${wrapper}${span}${wrapper}`), kept: [wrapper] });
      texts.push({ text: example.text.replace(span, `[${span}](https://x.org/MUST)`), kept: [WHOLE_LINK] });
      for (const { text, kept } of texts) {
        const after = fixAll(text, example.profile);
        // None lost or altered; a document check's template may bring markup of its own ("**Why we're doing this:**").
        for (const piece of kept) assert.ok(occurrences(after, piece) >= occurrences(text, piece), `"${piece}" was changed in ${JSON.stringify(text)} → ${JSON.stringify(after)}`);
      }
    });
  }

  it('a change of case across markup still happens in the prose around it', () => {
    const text = 'YOU MUST `RUN THE TESTS` NOW, PLEASE <span class="URGENT NOW">READ THIS NOW</span> TODAY.';
    assert.equal(fixAll(text, 'announcement', true), 'You must `RUN THE TESTS` now, please <span class="URGENT NOW">read this now</span> today.');
  });

  it('a phrase across a code span or a comment keeps its finding but offers no fix', () => {
    for (const text of ['Priya did a deep `--verbose` dive into the logs.', 'That was low-hanging <!-- note --> fruit for the team.']) {
      const finding = lint(text, { profile: 'review' }).findings.find((f) => f.ruleId === 'clarity/corporate-jargon');
      assert.ok(finding, `the jargon is still found in ${text}`);
      assert.deepEqual(finding.fixes, [], 'no fix is offered across markup');
    }
  });

  it('case changes keep letters whose lower case is longer ("İSTANBUL" stays as written)', () => {
    assert.equal(fixAll('YOU MUST VISIT THE İSTANBUL OFFICE NOW.', 'announcement', true), 'You must visit the İSTANBUL office now.');
  });
});

import assert from 'node:assert/strict';
import { CATEGORIES } from '../src/core/index.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLIND_DIR, DEV_DIR, evaluate, evaluateRealTextGaps, formatEvaluation, formatGapTally, GAP_RULES, precision, recall, REALTEXT_DIR } from './corpus/evaluate.js';
import { measureRules } from './corpus/measure.js';
import { ROOT } from './helpers.js';

/** The accuracy bar from the rule-catalogue issue, measured on test/corpus/ (npm run eval prints it). */
const MIN_PRECISION = 0.9;
const MIN_CATEGORY_PRECISION = 0.8;
const MIN_RECALL = 0.8;
const MIN_PAIR_ORDERING = 0.95;

describe('accuracy on the labelled corpus', () => {
  const result = evaluate();

  before(() => console.log(formatEvaluation(result).replace(/^/gm, '      ')));

  it('the corpus is big enough and mostly clean sentences', () => {
    assert.ok(result.sentences >= 200, `${result.sentences} sentences`);
    assert.ok(result.clean / result.sentences >= 0.4, `${result.clean} clean`);
    assert.ok(result.documents.count >= 20, `${result.documents.count} documents`);
    assert.ok(result.pairs.count >= 20, `${result.pairs.count} pairs`);
  });

  it(`inline precision is at least ${MIN_PRECISION} overall and ${MIN_CATEGORY_PRECISION} in every category`, () => {
    assert.ok(precision(result.inlineTotal) >= MIN_PRECISION, `overall precision ${precision(result.inlineTotal).toFixed(3)}`);
    for (const c of CATEGORIES) assert.ok(precision(result.inline[c]) >= MIN_CATEGORY_PRECISION, `${c} precision ${precision(result.inline[c]).toFixed(3)}`);
  });

  it(`inline recall is at least ${MIN_RECALL} overall`, () => {
    assert.ok(recall(result.inlineTotal) >= MIN_RECALL, `overall recall ${recall(result.inlineTotal).toFixed(3)}`);
  });

  it(`the strong version of a pair scores higher at least ${MIN_PAIR_ORDERING * 100}% of the time`, () => {
    assert.ok(result.pairs.strongHigher / result.pairs.count >= MIN_PAIR_ORDERING, result.pairs.misordered.join('; '));
  });
});

interface Floors {
  precision: number;
  categoryPrecision: number;
  recall: number;
  /** Spearman's rank correlation of the score with a coach's 1–5 grades. */
  spearman: number;
  /** Share of weak/strong pairs where the strong text scores higher (0 when the set has no pairs). */
  pairOrdering: number;
}

/** A labelled set gated in npm test: big enough, mostly clean, and above its floors. */
function gate(name: string, dir: string, floors: Floors): void {
  describe(`accuracy on the ${name} set`, () => {
    const result = evaluate(dir);

    before(() => console.log(formatEvaluation(result).replace(/^/gm, '      ')));

    it(`the ${name} set has at least 400 sentences and 30 documents, about half of them clean`, () => {
      assert.ok(result.sentences >= 400, `${result.sentences} sentences`);
      assert.ok(result.documents.count >= 30, `${result.documents.count} documents`);
      assert.ok(result.clean / result.sentences >= 0.4, `${result.clean} clean`);
    });

    it(`inline precision is at least ${floors.precision} overall and ${floors.categoryPrecision} in every category`, () => {
      assert.ok(precision(result.inlineTotal) >= floors.precision, `overall precision ${precision(result.inlineTotal).toFixed(3)}`);
      for (const c of CATEGORIES) assert.ok(precision(result.inline[c]) >= floors.categoryPrecision, `${c} precision ${precision(result.inline[c]).toFixed(3)}`);
    });

    it(`inline recall is at least ${floors.recall} overall`, () => {
      assert.ok(recall(result.inlineTotal) >= floors.recall, `overall recall ${recall(result.inlineTotal).toFixed(3)}`);
    });

    it(`the score ranks the graded documents like the coach (Spearman at least ${floors.spearman})`, () => {
      assert.ok(result.graded.count >= 40, `${result.graded.count} graded documents`);
      assert.ok(result.graded.spearman >= floors.spearman, `Spearman ${result.graded.spearman.toFixed(3)}`);
    });

    if (floors.pairOrdering > 0) {
      it(`the strong text of a pair scores higher at least ${floors.pairOrdering * 100}% of the time, shorter strong texts included`, () => {
        assert.ok(result.pairs.count >= 40 && result.pairs.shorterStrong >= result.pairs.count / 4, `${result.pairs.count} pairs, ${result.pairs.shorterStrong} with the strong text shorter`);
        assert.ok(result.pairs.strongHigher / result.pairs.count >= floors.pairOrdering, result.pairs.misordered.length ? `${result.pairs.misordered.length} misordered` : '');
      });
    }
  });
}

/**
 * The dev set (test/corpus/dev) was written blind in six rounds, each measured once before it was
 * read (round 3: precision 0.921, recall 0.433; round 4: 0.958, 0.743; round 5: 0.957, 0.735;
 * round 6: 0.915, 0.687), then read to find classes. Its floors sit just under the figures measured
 * on all 3,515 sentences on 1 December 2026 (precision 0.974, recall 0.875, every category at 0.92
 * or above).
 */
gate('dev', DEV_DIR, { precision: 0.96, categoryPrecision: 0.9, recall: 0.86, spearman: 0.7, pairOrdering: 0 });

/**
 * The blind test set (test/corpus/blind) was written by a session that never read rules/ or src/,
 * and nobody working on the rules reads its cases: `npm run eval -- --blind` prints totals only.
 * The floors are the targets, met on 1 December 2026 (precision 0.946, recall 0.767, every category
 * at 0.90 or above; the score's Spearman 0.81 with a coach's grades on 74 documents, 44 of 44 pairs
 * ordered right). A change that loses judgement on text nobody tuned for fails here.
 */
gate('blind test', BLIND_DIR, { precision: 0.92, categoryPrecision: 0.85, recall: 0.75, spearman: 0.6, pairOrdering: 0.95 });

/**
 * The real texts' document checks, against the gaps a coach gave each text without seeing a finding
 * (test/realtext/gaps.json). Its floor is the issue's target, 90%, met on 3 December 2026 (90.4%;
 * 73.7% when the labels came in). npm run eval -- --realtext prints it per check.
 */
const MIN_REALTEXT_GAP_DECISIONS = 0.9;

describe('document checks on real text by others', () => {
  const tally = evaluateRealTextGaps();
  before(() => console.log(formatGapTally(tally).join('\n').replace(/^/gm, '      ')));

  it('every real text has a coach\'s gaps, named as the corpus names them', () => {
    const { labels } = JSON.parse(readFileSync(join(REALTEXT_DIR, 'gaps.json'), 'utf8')) as { labels: Array<{ file: string; gaps: string[] }> };
    const texts = readdirSync(join(REALTEXT_DIR, 'texts')).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(labels.map((l) => l.file).sort(), texts);
    for (const { file, gaps } of labels) for (const gap of gaps) assert.ok(gap in GAP_RULES, `${file}: ${gap}`);
  });

  it(`at least ${MIN_REALTEXT_GAP_DECISIONS * 100}% of the document-gap decisions are right`, () => {
    assert.ok(tally.correct / tally.decisions >= MIN_REALTEXT_GAP_DECISIONS, `${tally.correct} of ${tally.decisions}`);
  });
});

describe('measured precision shown to users', () => {
  it('rules/measured.json matches what the blind and real-text sets measure today (else: npm run eval -- --write)', () => {
    const recorded = JSON.parse(readFileSync(join(ROOT, 'rules', 'measured.json'), 'utf8'));
    assert.deepEqual(recorded, measureRules(evaluate(BLIND_DIR)));
  });
});

describe('labels the evaluation reads', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fulcrum-labels-'));
    mkdirSync(join(dir, 'graded'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const document = (frontMatter: string) => writeFileSync(join(dir, 'graded', 'doc.md'), `---\nfulcrum:\n  profile: review\n${frontMatter}\n---\nAna shipped the new rota in March.\n`);

  it('stops at a grade put inside the gaps (a labelling slip), naming the file', () => {
    document('gaps: [5]\ngrade: ');
    assert.throws(() => evaluate(dir), /graded\/doc\.md: unknown gap "5"/);
  });

  it('stops at a grade that is not 1 to 5', () => {
    document('gaps: []\ngrade: excellent');
    assert.throws(() => evaluate(dir), /graded\/doc\.md: "grade:" must be a grade from 1 to 5/);
  });

  it('reads well-formed labels', () => {
    document('gaps: [no-check-in]\ngrade: 4');
    assert.equal(evaluate(dir).graded.count, 1);
  });
});

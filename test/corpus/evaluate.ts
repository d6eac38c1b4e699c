import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, CATEGORIES, Linter, type Category, type Finding, type Profile } from '../../src/core/index.js';
import { ROOT } from '../helpers.js';

/**
 * Measures Fulcrum against the hand-labelled corpus in test/corpus/ (written from a
 * reviewer's judgement, not from the rules): precision and recall per category for inline
 * findings, accuracy of document-level gaps, and how often the strong version of a
 * document outscores the weak one.
 */

export const CORPUS_DIR = join(ROOT, 'test', 'corpus');
/**
 * Written blind by sessions that never read rules/ or src/, then used while the linguistic layer
 * was built (its failures were read to find classes of error): a development set now.
 */
export const DEV_DIR = join(CORPUS_DIR, 'dev');
/** Written blind, and never read by anyone working on the rules: measured on, never tuned on. */
export const BLIND_DIR = join(CORPUS_DIR, 'blind');

/** The corpus's document-level gap names, and the rule that reports each. */
export const GAP_RULES: Record<string, { rule: string; profiles: Profile[] }> = {
  'no-next-steps': { rule: 'follow-up/no-next-steps', profiles: ['review', 'one-on-one', 'announcement'] },
  'no-check-in': { rule: 'follow-up/no-check-in', profiles: ['review', 'one-on-one'] },
  'no-growth': { rule: 'development/no-growth', profiles: ['review'] },
  'no-strengths': { rule: 'feedback/no-strengths', profiles: ['review'] },
  'no-forward-suggestion': { rule: 'feedback/no-forward-suggestion', profiles: ['review'] },
  'no-support': { rule: 'development/criticism-without-support', profiles: ['review'] },
  'no-why': { rule: 'vision/announcement-no-purpose', profiles: ['announcement'] },
  'no-effective-date': { rule: 'change/no-effective-date', profiles: ['announcement'] },
  'no-people-impact': { rule: 'change/no-people-impact', profiles: ['announcement'] },
  'no-question-channel': { rule: 'follow-up/no-question-channel', profiles: ['announcement'] },
  'vision-without-path': { rule: 'vision/vision-without-path', profiles: ['announcement'] },
  'directive-heavy': { rule: 'empowerment/directive-heavy', profiles: ['announcement'] },
};

interface LabelledSentence {
  text: string;
  profile: Profile;
  labels: Category[];
  note?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Mistake {
  text: string;
  expected: string[];
  got: string[];
  rules: string[];
}

export interface Evaluation {
  sentences: number;
  clean: number;
  inline: Record<Category, Counts>;
  inlineTotal: Counts;
  inlineMistakes: Mistake[];
  /** Per rule: findings on labelled sentences whose category the label has (right) or not (wrong). */
  perRule: Record<string, { right: number; wrong: number }>;
  documents: { count: number; decisions: number; correct: number; perGap: Record<string, GapCounts>; mistakes: string[] };
  pairs: { count: number; strongHigher: number; shorterStrong: number; shorterStrongHigher: number; misordered: string[] };
  /** Documents graded 1–5 by a coach who never saw a score: how the score ranks them. */
  graded: { count: number; spearman: number; meanScoreByGrade: Record<number, number> };
  /** Short documents that each test one gap (`focused/<gap>/*.md`): right decisions per gap. */
  focused: { perGap: Record<string, { right: number; wrong: number }>; mistakes: string[] };
}

/** Counts for one document gap; `tn` lets us say how often a check fires where no expert would. */
export interface GapCounts extends Counts {
  tn: number;
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/**
 * A labelled document's front matter. A label that is not a gap, or a `grade:` line without a
 * grade from 1 to 5, is a labelling slip (a coach once put the grade inside `gaps: [5]`): it stops
 * the evaluation rather than being read as "no gaps" and "ungraded".
 */
function frontMatter(text: string, file: string): { profile: Profile; gaps: string[]; grade?: number } {
  const fm = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '';
  const profile = (fm.match(/profile:\s*([\w-]+)/)?.[1] ?? 'review') as Profile;
  const gaps = (fm.match(/^gaps:\s*\[([^\]]*)\]/m)?.[1] ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  const unknown = gaps.filter((g) => !(g in GAP_RULES));
  if (unknown.length) throw new Error(`${file}: unknown gap ${unknown.map((g) => `"${g}"`).join(', ')} in its front matter`);
  const gradeLine = fm.match(/^grade:(.*)$/m)?.[1];
  if (gradeLine !== undefined && !/^\s*[1-5]\s*$/.test(gradeLine)) throw new Error(`${file}: "grade:" must be a grade from 1 to 5`);
  return { profile, gaps, grade: gradeLine === undefined ? undefined : Number(gradeLine) };
}

/** Ranks with ties sharing their average rank. */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation: Pearson's r on the ranks. */
export function spearman(x: number[], y: number[]): number {
  if (x.length < 2) return 0;
  const [rx, ry] = [ranks(x), ranks(y)];
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const [mx, my] = [mean(rx), mean(ry)];
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  return dx === 0 || dy === 0 ? 0 : num / Math.sqrt(dx * dy);
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export type GapTally = Evaluation['documents'];
const emptyTally = (): GapTally => ({ count: 0, decisions: 0, correct: 0, perGap: Object.fromEntries(Object.keys(GAP_RULES).map((g) => [g, { ...empty(), tn: 0 }])) as Record<string, GapCounts>, mistakes: [] });

/** Counts one labelled document's gap decisions: each gap its profile can have, reported or not. */
function tallyGaps(tally: GapTally, name: string, findings: readonly Finding[], profile: Profile, gaps: readonly string[]): void {
  const found = new Set(findings.filter((f) => f.scope === 'document').map((f) => f.ruleId));
  tally.count++;
  for (const [gap, { rule, profiles }] of Object.entries(GAP_RULES)) {
    if (!profiles.includes(profile)) continue;
    const expected = gaps.includes(gap);
    const got = found.has(rule);
    tally.decisions++;
    if (expected === got) tally.correct++;
    else tally.mistakes.push(`${name}: ${gap} ${expected ? 'missed' : 'reported wrongly'}`);
    const counts = tally.perGap[gap];
    if (expected && got) counts.tp++;
    else if (got) counts.fp++;
    else if (expected) counts.fn++;
    else counts.tn++;
  }
}

/** Public texts by others (test/realtext/texts), with the gaps a coach gave each in test/realtext/gaps.json. */
export const REALTEXT_DIR = join(ROOT, 'test', 'realtext');

interface RealTextLabel {
  file: string;
  profile: Profile;
  gaps: string[];
}

/** Document-gap decisions on the real texts, each linted as the profile its coach gave it. */
export function evaluateRealTextGaps(dir = REALTEXT_DIR): GapTally {
  const linter = new Linter(builtinRules);
  const tally = emptyTally();
  const { labels } = JSON.parse(readFileSync(join(dir, 'gaps.json'), 'utf8')) as { labels: RealTextLabel[] };
  for (const { file, profile, gaps } of labels) {
    const unknown = gaps.filter((g) => !(g in GAP_RULES));
    if (unknown.length) throw new Error(`gaps.json: ${file}: unknown gap ${unknown.map((g) => `"${g}"`).join(', ')}`);
    const text = readFileSync(join(dir, 'texts', file), 'utf8');
    tallyGaps(tally, file, linter.lint(text, { profile }).findings, profile, gaps);
  }
  return tally;
}

/** The document-gap lines of a report: decisions right, then each gap's precision, recall and false-alarm rate. */
export function formatGapTally(tally: GapTally): string[] {
  return [
    `Document-level gaps on ${tally.count} documents: ${tally.correct}/${tally.decisions} decisions right (${pct(tally.correct / Math.max(1, tally.decisions))}).`,
    ...Object.entries(tally.perGap)
      .filter(([, k]) => k.tp + k.fp + k.fn > 0)
      .map(([gap, k]) => `  ${gap.padEnd(22)} precision ${pct(precision(k))}, recall ${pct(recall(k))}, fires on ${pct(k.fp / Math.max(1, k.fp + k.tn))} of documents without it (tp ${k.tp}, fp ${k.fp}, fn ${k.fn}, tn ${k.tn})`),
  ];
}

export function evaluate(dir = CORPUS_DIR): Evaluation {
  const linter = new Linter(builtinRules);
  const sentences = readdirSync(dir)
    .filter((f) => /^sentences.*\.json$/.test(f))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sentences: LabelledSentence[] }).sentences);
  const perRule: Record<string, { right: number; wrong: number }> = {};

  const inline = Object.fromEntries(CATEGORIES.map((c) => [c, empty()])) as Record<Category, Counts>;
  const inlineMistakes: Mistake[] = [];
  for (const sentence of sentences) {
    const findings = linter.lint(sentence.text, { profile: sentence.profile }).findings.filter((f) => f.scope === 'inline');
    const got = new Set(findings.map((f) => f.category));
    const expected = new Set(sentence.labels);
    for (const rule of new Set(findings.map((f) => f.ruleId))) {
      const counts = (perRule[rule] ??= { right: 0, wrong: 0 });
      if (expected.has(findings.find((f) => f.ruleId === rule)!.category)) counts.right++;
      else counts.wrong++;
    }
    for (const c of CATEGORIES) {
      if (got.has(c) && expected.has(c)) inline[c].tp++;
      else if (got.has(c)) inline[c].fp++;
      else if (expected.has(c)) inline[c].fn++;
    }
    if ([...got].sort().join() !== [...expected].sort().join()) {
      inlineMistakes.push({ text: sentence.text, expected: [...expected], got: [...got], rules: findings.map((f) => f.ruleId) });
    }
  }
  const inlineTotal = CATEGORIES.reduce((sum, c) => ({ tp: sum.tp + inline[c].tp, fp: sum.fp + inline[c].fp, fn: sum.fn + inline[c].fn }), empty());

  const documents = emptyTally();
  const scored: Array<{ score: number; grade: number }> = [];
  // documents/ carry their gaps; graded/ carry gaps and a coach's 1–5 grade as well.
  for (const sub of ['documents', 'graded']) {
    const docDir = join(dir, sub);
    for (const file of existsSync(docDir) ? readdirSync(docDir).filter((f) => f.endsWith('.md')).sort() : []) {
      const text = readFileSync(join(docDir, file), 'utf8');
      const { profile, gaps, grade } = frontMatter(text, `${sub}/${file}`);
      const result = linter.lint(text, { profile });
      if (grade !== undefined) scored.push({ score: result.score.overall, grade });
      tallyGaps(documents, `${sub}/${file}`, result.findings, profile, gaps);
    }
  }
  const meanScoreByGrade: Record<number, number> = {};
  for (const grade of [1, 2, 3, 4, 5]) {
    const scores = scored.filter((d) => d.grade === grade).map((d) => d.score);
    if (scores.length) meanScoreByGrade[grade] = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
  }
  const graded = { count: scored.length, spearman: spearman(scored.map((d) => d.score), scored.map((d) => d.grade)), meanScoreByGrade };

  const focused = evaluateFocused(join(dir, 'focused'), linter);

  const pairs = { count: 0, strongHigher: 0, shorterStrong: 0, shorterStrongHigher: 0, misordered: [] as string[] };
  const pairDir = join(dir, 'pairs');
  for (const weakFile of existsSync(pairDir) ? readdirSync(pairDir).filter((f) => f.endsWith('-weak.md')).sort() : []) {
    const strongFile = weakFile.replace(/-weak\.md$/, '-strong.md');
    if (!existsSync(join(pairDir, strongFile))) continue;
    const [weakText, strongText] = [readFileSync(join(pairDir, weakFile), 'utf8'), readFileSync(join(pairDir, strongFile), 'utf8')];
    const weak = linter.lint(weakText).score.overall;
    const strong = linter.lint(strongText).score.overall;
    const shorter = wordCount(strongText) < wordCount(weakText);
    pairs.count++;
    if (shorter) pairs.shorterStrong++;
    if (strong > weak) {
      pairs.strongHigher++;
      if (shorter) pairs.shorterStrongHigher++;
    } else pairs.misordered.push(`${weakFile.replace(/-weak\.md$/, '')}: weak ${weak}, strong ${strong}${shorter ? ' (strong is shorter)' : ''}`);
  }

  return { sentences: sentences.length, clean: sentences.filter((s) => s.labels.length === 0).length, inline, inlineTotal, inlineMistakes, perRule, documents, pairs, graded, focused };
}

/**
 * Focused documents: each tests one gap only (front matter `gap:` and `has_gap:`), so only that
 * gap's check is judged on it. Written to cover the many ways one part (a check-in, a reason, an
 * offer of help) is put, and the near-misses that only look like it.
 */
function evaluateFocused(root: string, linter: Linter): Evaluation['focused'] {
  const focused: Evaluation['focused'] = { perGap: {}, mistakes: [] };
  for (const gap of existsSync(root) ? readdirSync(root).sort() : []) {
    const rule = GAP_RULES[gap]?.rule;
    if (!rule) throw new Error(`focused/${gap}: not a document gap`);
    for (const file of readdirSync(join(root, gap)).filter((f) => f.endsWith('.md')).sort()) {
      const text = readFileSync(join(root, gap, file), 'utf8');
      const { profile } = frontMatter(text, `focused/${gap}/${file}`);
      const expected = /^has_gap:\s*true\s*$/m.test(text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '');
      const got = linter.lint(text, { profile }).findings.some((f) => f.ruleId === rule);
      const counts = (focused.perGap[gap] ??= { right: 0, wrong: 0 });
      if (expected === got) counts.right++;
      else {
        counts.wrong++;
        focused.mistakes.push(`focused/${gap}/${file}: ${expected ? 'missed' : 'reported wrongly'}`);
      }
    }
  }
  return focused;
}

const wordCount = (text: string) => text.replace(/^---[\s\S]*?\n---/, '').split(/\s+/).filter(Boolean).length;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEvaluation(e: Evaluation, verbose = false): string {
  const lines = [
    `Inline findings on ${e.sentences} labelled sentences (${e.clean} clean, ${pct(e.clean / e.sentences)}):`,
    '',
    '  category        precision  recall   tp   fp   fn',
    ...CATEGORIES.map((c) => {
      const k = e.inline[c];
      return `  ${c.padEnd(14)}  ${pct(precision(k)).padStart(9)}  ${pct(recall(k)).padStart(6)}  ${String(k.tp).padStart(3)}  ${String(k.fp).padStart(3)}  ${String(k.fn).padStart(3)}`;
    }),
    `  ${'overall'.padEnd(14)}  ${pct(precision(e.inlineTotal)).padStart(9)}  ${pct(recall(e.inlineTotal)).padStart(6)}  ${String(e.inlineTotal.tp).padStart(3)}  ${String(e.inlineTotal.fp).padStart(3)}  ${String(e.inlineTotal.fn).padStart(3)}`,
    '',
    'Inline precision per rule (findings on labelled sentences whose category the label has):',
    ...Object.entries(e.perRule)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, k]) => `  ${rule.padEnd(40)} ${pct(k.right / Math.max(1, k.right + k.wrong)).padStart(6)}  (${k.right} right, ${k.wrong} wrong)`),
    '',
    ...formatGapTally(e.documents),
    '',
    `Weak/strong pairs: the strong version scores higher in ${e.pairs.strongHigher} of ${e.pairs.count} (${pct(e.pairs.strongHigher / Math.max(1, e.pairs.count))}); where the strong one is shorter, ${e.pairs.shorterStrongHigher} of ${e.pairs.shorterStrong}.`,
  ];
  const focusedGaps = Object.entries(e.focused.perGap);
  if (focusedGaps.length) {
    const right = focusedGaps.reduce((n, [, k]) => n + k.right, 0);
    const all = focusedGaps.reduce((n, [, k]) => n + k.right + k.wrong, 0);
    lines.push('', `Focused documents (one gap each): ${right}/${all} right (${pct(right / all)}).`, ...focusedGaps.map(([gap, k]) => `  ${gap.padEnd(22)} ${k.right}/${k.right + k.wrong}`));
  }
  if (e.graded.count) {
    const means = Object.entries(e.graded.meanScoreByGrade).map(([g, m]) => `${g}: ${m}`).join(', ');
    lines.push('', `Score against a coach's 1–5 grades on ${e.graded.count} documents: Spearman ${e.graded.spearman.toFixed(2)} (mean score by grade: ${means}).`);
  }
  if (verbose) {
    lines.push('', 'Inline disagreements:', ...e.inlineMistakes.map((m) => `  expected [${m.expected.join(', ')}] got [${m.got.join(', ')}] ${m.rules.join(', ')}\n    ${m.text.replace(/\n/g, ' ⏎ ')}`));
    lines.push('', 'Document disagreements:', ...e.documents.mistakes.map((m) => `  ${m}`), ...e.focused.mistakes.map((m) => `  ${m}`), '', 'Misordered pairs:', ...e.pairs.misordered.map((m) => `  ${m}`));
  }
  return lines.join('\n');
}

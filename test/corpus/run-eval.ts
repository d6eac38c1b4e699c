/**
 * `npm run eval`: prints the evaluation of every labelled set. `--train`, `--dev`, `--blind` or
 * `--realtext` picks one; `--verbose` lists every disagreement, except on the blind and real-text
 * sets, whose cases are never read while working on rules (only their totals are). `--write` records each rule's measured precision in
 * rules/measured.json, which users see in `fulcrum rules` and the rule pages.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLIND_DIR, CORPUS_DIR, DEV_DIR, evaluate, evaluateRealTextGaps, formatEvaluation, formatGapTally, REALTEXT_DIR } from './evaluate.js';
import { measureRules } from './measure.js';
import { ROOT } from '../helpers.js';

const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => ['--train', '--dev', '--blind', '--realtext'].includes(a))?.slice(2);
const sets: Array<{ name: string; title: string; dir: string }> = [
  { name: 'train', title: 'TRAIN: test/corpus (the rules were tuned on it)', dir: CORPUS_DIR },
  { name: 'dev', title: 'DEV: test/corpus/dev (written blind, then used to find classes of error)', dir: DEV_DIR },
  { name: 'blind', title: 'BLIND TEST: test/corpus/blind (written blind, measured only)', dir: BLIND_DIR },
];
for (const set of sets) {
  if ((only && only !== set.name) || !existsSync(set.dir)) continue;
  console.log(`\n=== ${set.title} ===\n`);
  console.log(formatEvaluation(evaluate(set.dir), verbose && set.name !== 'blind'));
}

// Public texts by others: their gaps were given by a coach who saw no finding. (Their inline
// findings are judged one by one in test/realtext/verdicts.json.)
if ((!only || only === 'realtext') && existsSync(join(REALTEXT_DIR, 'gaps.json'))) {
  console.log('\n=== REAL TEXT: test/realtext (public texts by others, gaps given by a coach, measured only) ===\n');
  console.log(formatGapTally(evaluateRealTextGaps()).join('\n'));
}

if (process.argv.includes('--write')) {
  writeFileSync(join(ROOT, 'rules', 'measured.json'), `${JSON.stringify(measureRules(), null, 2)}\n`);
  console.log('\nWrote rules/measured.json.');
}

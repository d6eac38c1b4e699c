/**
 * `npm run eval`: prints the evaluation of every labelled set. `--train`, `--dev` or `--blind` picks
 * one; `--verbose` lists every disagreement, except on the blind set, whose cases are never read
 * while working on rules (only its totals are). `--write` records each rule's measured precision in
 * rules/measured.json, which users see in `fulcrum rules` and the rule pages.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLIND_DIR, CORPUS_DIR, DEV_DIR, evaluate, formatEvaluation } from './evaluate.js';
import { measureRules } from './measure.js';
import { ROOT } from '../helpers.js';

const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => ['--train', '--dev', '--blind'].includes(a))?.slice(2);
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

if (process.argv.includes('--write')) {
  writeFileSync(join(ROOT, 'rules', 'measured.json'), `${JSON.stringify(measureRules(), null, 2)}\n`);
  console.log('\nWrote rules/measured.json.');
}

/** `npm run eval`: prints the evaluation of every labelled set; `--verbose` lists every disagreement. */
import { BLIND_DIR, CORPUS_DIR, evaluate, formatEvaluation } from './evaluate.js';

const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a === '--train' || a === '--blind');
const sets: Array<[string, string]> = [
  ['TRAIN: test/corpus (the rules were tuned on it)', CORPUS_DIR],
  ['BLIND TEST: test/corpus/blind (written blind, measured only)', BLIND_DIR],
];
for (const [title, dir] of sets) {
  if (only === '--train' && dir !== CORPUS_DIR) continue;
  if (only === '--blind' && dir !== BLIND_DIR) continue;
  console.log(`\n=== ${title} ===\n`);
  console.log(formatEvaluation(evaluate(dir), verbose));
}

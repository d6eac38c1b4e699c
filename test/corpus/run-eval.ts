/** `npm run eval`: prints the corpus evaluation; `--verbose` lists every disagreement. */
import { evaluate, formatEvaluation } from './evaluate.js';

console.log(formatEvaluation(evaluate(), process.argv.includes('--verbose')));

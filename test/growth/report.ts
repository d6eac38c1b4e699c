/**
 * `npm run growth`: every input class of the battery at 100 KB and 200 KB, with how the time grew
 * and how 200 KB compares with 200 KB of ordinary prose (the reliability budget is 3×).
 */
import { INPUT_CLASSES, ordinaryProse } from './battery.js';
import { LARGE, lintCpuMs, overBudget, PROSE_BUDGET, SMALL, superLinear } from './timing.js';

lintCpuMs(ordinaryProse(SMALL)); // warm the JIT before anything is timed
const prose = lintCpuMs(ordinaryProse(LARGE), 2);
console.log(`ordinary prose, 200 KB: ${prose.toFixed(0)} ms CPU\n`);
console.log(`${'class'.padEnd(40)}${'100 KB'.padStart(9)}${'200 KB'.padStart(9)}  growth  × prose`);
let overCount = 0;
let grewFaster = 0;
for (const inputClass of INPUT_CLASSES) {
  const small = lintCpuMs(inputClass.make(SMALL), 2);
  const large = lintCpuMs(inputClass.make(LARGE), 2);
  const ofProse = large / prose;
  const faster = superLinear(small, large);
  if (faster) grewFaster++;
  if (overBudget(large, prose)) overCount++;
  const flag = (faster ? ' super-linear' : '') + (overBudget(large, prose) ? ' over budget' : '');
  console.log(`${inputClass.name.padEnd(40)}${small.toFixed(0).padStart(9)}${large.toFixed(0).padStart(9)}${(large / Math.max(small, 1)).toFixed(2).padStart(8)}${ofProse.toFixed(2).padStart(9)}${flag}`);
}
console.log(`\n${INPUT_CLASSES.length} classes: ${grewFaster} grew faster than linearly, ${overCount} took over ${PROSE_BUDGET}× ordinary prose at 200 KB`);

/**
 * `npm run growth`: every input class of the battery at 100 KB and 200 KB, with how the time grew
 * and how 200 KB compares with 200 KB of ordinary prose (the reliability budget is 3×).
 */
import { builtinRules, Linter } from '../../src/core/index.js';
import { INPUT_CLASSES, ORDINARY_PROSE, fill } from './battery.js';

const linter = new Linter(builtinRules);

function bestCpuMs(text: string, runs = 2): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    linter.lint(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

bestCpuMs(fill(ORDINARY_PROSE, 100_000), 1);
const prose = bestCpuMs(fill(ORDINARY_PROSE, 200_000));
console.log(`ordinary prose, 200 KB: ${prose.toFixed(0)} ms CPU\n`);
console.log(`${'class'.padEnd(40)}${'100 KB'.padStart(9)}${'200 KB'.padStart(9)}  growth  × prose`);
let overBudget = 0;
let superLinear = 0;
for (const inputClass of INPUT_CLASSES) {
  const small = bestCpuMs(inputClass.make(100_000));
  const large = bestCpuMs(inputClass.make(200_000));
  const growth = large / Math.max(small, 1);
  const ofProse = large / prose;
  if (large > 40 && growth > 3) superLinear++;
  if (ofProse > 3) overBudget++;
  const flag = (large > 40 && growth > 3 ? ' super-linear' : '') + (ofProse > 3 ? ' over budget' : '');
  console.log(`${inputClass.name.padEnd(40)}${small.toFixed(0).padStart(9)}${large.toFixed(0).padStart(9)}${growth.toFixed(2).padStart(8)}${ofProse.toFixed(2).padStart(9)}${flag}`);
}
console.log(`\n${INPUT_CLASSES.length} classes: ${superLinear} grew faster than linearly, ${overBudget} took over 3× ordinary prose at 200 KB`);

/**
 * Times every class of the battery at SMALL and LARGE and prints the times as JSON. The growth
 * test runs this in a child process of its own: in the test runner's process the heap left by the
 * other suites makes every garbage collection slower, and the larger documents, which collect
 * more, pay for it — a growth the engine does not have.
 */
import { INPUT_CLASSES, ordinaryProse } from './battery.js';
import { LARGE, lintCpuMs, overBudget, SMALL, superLinear } from './timing.js';

export interface ClassTiming {
  name: string;
  length: number;
  smallMs: number;
  largeMs: number;
  /** Ordinary prose of the large size, timed in the same process: what the budget is relative to. */
  proseMs: number;
}

lintCpuMs(ordinaryProse(SMALL)); // warm the JIT before anything is timed
const proseMs = lintCpuMs(ordinaryProse(LARGE), 3);
const timings: ClassTiming[] = INPUT_CLASSES.map((inputClass) => {
  const small = inputClass.make(SMALL);
  const large = inputClass.make(LARGE);
  let [smallMs, largeMs] = [lintCpuMs(small), lintCpuMs(large)];
  // A miss is measured three times more and judged on the best times: one slow run proves nothing.
  if (superLinear(smallMs, largeMs) || overBudget(largeMs, proseMs)) [smallMs, largeMs] = [lintCpuMs(small, 3), lintCpuMs(large, 3)];
  return { name: inputClass.name, length: large.length, smallMs, largeMs, proseMs };
});
process.stdout.write(JSON.stringify(timings));

import assert from 'node:assert/strict';
import { builtinRules, Linter } from '../src/core/index.js';
import { INPUT_CLASSES, ORDINARY_PROSE, fill } from './growth/battery.js';

/**
 * Linear time on every input class: doubling a document's size may at most triple the CPU time.
 * Times are CPU time in this process; a class that misses is measured twice more and judged on
 * its best times, so a garbage collection or a busy machine does not fail the suite.
 * (`npm run growth` prints the same battery against ordinary prose.)
 */
const SMALL = 100_000;
const LARGE = 200_000;
/** Below this, a time is mostly timer and scheduling noise: ratios of such times mean nothing. */
const NOISE_MS = 40;

const linter = new Linter(builtinRules);

export function superLinear(smallMs: number, largeMs: number): boolean {
  return largeMs > NOISE_MS && largeMs > 3 * Math.max(smallMs, NOISE_MS / 3);
}

function cpuMs(text: string): number {
  const before = process.cpuUsage();
  linter.lint(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function best(text: string, runs: number): number {
  return Math.min(...Array.from({ length: runs }, () => cpuMs(text)));
}

describe('growth: linear time on every input class', function () {
  this.timeout(120_000);
  before(() => {
    best(fill(ORDINARY_PROSE, SMALL), 1); // warm the JIT before anything is timed
  });

  for (const inputClass of INPUT_CLASSES) {
    it(`${inputClass.name}`, () => {
      const small = inputClass.make(SMALL);
      const large = inputClass.make(LARGE);
      assert.equal(large.length, LARGE, 'the class makes documents of the size asked for');
      let [smallMs, largeMs] = [cpuMs(small), cpuMs(large)];
      if (superLinear(smallMs, largeMs)) [smallMs, largeMs] = [best(small, 2), best(large, 2)];
      assert.ok(!superLinear(smallMs, largeMs), `doubling the size took ${(largeMs / smallMs).toFixed(1)}× the time (${smallMs.toFixed(0)} → ${largeMs.toFixed(0)} ms)`);
    });
  }
});

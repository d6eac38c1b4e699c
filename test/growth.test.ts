import assert from 'node:assert/strict';
import { INPUT_CLASSES, ORDINARY_PROSE, fill } from './growth/battery.js';
import { LARGE, lintCpuMs, SMALL, superLinear } from './growth/timing.js';

/**
 * Linear time on every input class: doubling a document's size may at most triple the CPU time.
 * A class that misses is measured twice more and judged on its best times, so a garbage
 * collection or a busy machine does not fail the suite. (`npm run growth` prints the same
 * battery against ordinary prose.)
 */
describe('growth: linear time on every input class', function () {
  this.timeout(120_000);
  before(() => {
    lintCpuMs(fill(ORDINARY_PROSE, SMALL)); // warm the JIT before anything is timed
  });

  for (const inputClass of INPUT_CLASSES) {
    it(`${inputClass.name}`, () => {
      const small = inputClass.make(SMALL);
      const large = inputClass.make(LARGE);
      assert.equal(large.length, LARGE, 'the class makes documents of the size asked for');
      let [smallMs, largeMs] = [lintCpuMs(small), lintCpuMs(large)];
      if (superLinear(smallMs, largeMs)) [smallMs, largeMs] = [lintCpuMs(small, 2), lintCpuMs(large, 2)];
      assert.ok(!superLinear(smallMs, largeMs), `doubling the size took ${(largeMs / smallMs).toFixed(1)}× the time (${smallMs.toFixed(0)} → ${largeMs.toFixed(0)} ms)`);
    });
  }
});

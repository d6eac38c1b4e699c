import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { INPUT_CLASSES } from './growth/battery.js';
import type { ClassTiming } from './growth/measure.js';
import { LARGE, overBudget, PROSE_BUDGET, superLinear } from './growth/timing.js';
import { ROOT } from './helpers.js';

/**
 * Linear time on every input class: doubling a document's size may at most triple the CPU time,
 * and 200 KB of any class may take at most three times as long as 200 KB of ordinary prose.
 * The battery is timed in a process of its own (see measure.ts); `npm run growth` prints the same
 * battery against ordinary prose.
 */
describe('growth: linear time on every input class', function () {
  this.timeout(600_000);
  const timings = new Map<string, ClassTiming>();

  before(() => {
    const run = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'out', 'test', 'growth', 'measure.js')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 590_000 });
    assert.equal(run.status, 0, `the timing process failed: ${run.stderr || run.error}`);
    for (const timing of JSON.parse(run.stdout) as ClassTiming[]) timings.set(timing.name, timing);
  });

  for (const inputClass of INPUT_CLASSES) {
    it(`${inputClass.name}`, () => {
      const timing = timings.get(inputClass.name);
      assert.ok(timing, 'the class was timed');
      assert.equal(timing.length, LARGE, 'the class makes documents of the size asked for');
      const { smallMs, largeMs } = timing;
      assert.ok(!superLinear(smallMs, largeMs), `doubling the size took ${(largeMs / smallMs).toFixed(1)}× the time (${smallMs.toFixed(0)} → ${largeMs.toFixed(0)} ms)`);
      const { proseMs } = timing;
      assert.ok(!overBudget(largeMs, proseMs), `200 KB took ${(largeMs / proseMs).toFixed(1)}× as long as 200 KB of ordinary prose (${largeMs.toFixed(0)} against ${proseMs.toFixed(0)} ms; the budget is ${PROSE_BUDGET}×)`);
    });
  }
});

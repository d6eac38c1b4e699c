import assert from 'node:assert/strict';
import { LintScheduler } from '../src/lsp/scheduler.js';
import type { SchedulerClock } from '../src/lsp/scheduler.js';
import { ManualClock } from './fakeWorker.js';

/** The engine tests' hand-run clock, as the scheduler sees it (the time now as a method). */
function schedulerClockOf(clock: ManualClock): SchedulerClock {
  return { setTimeout: (callback, ms) => clock.setTimeout(callback, ms), clearTimeout: (handle) => clock.clearTimeout(handle), now: () => clock.now };
}

/** A lint the test finishes by hand, recording which document each run was for. */
function controlledLint() {
  const runs: Array<{ uri: string; finish: () => void }> = [];
  const lint = (uri: string) => new Promise<void>((resolve) => runs.push({ uri, finish: resolve }));
  return { runs, lint };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LintScheduler', () => {
  it('lints a change after a pause at once, and a burst of changes once it pauses', async () => {
    const clock = new ManualClock();
    const { runs, lint } = controlledLint();
    const scheduler = new LintScheduler(lint, 15, schedulerClockOf(clock));
    scheduler.schedule('a');
    assert.equal(runs.length, 1, 'a keystroke after a pause is linted without waiting');
    runs[0].finish();
    await settle();
    clock.advance(5);
    for (let i = 0; i < 4; i++) {
      scheduler.schedule('a');
      clock.advance(10);
    }
    assert.equal(runs.length, 1, 'no lint while the burst goes on (each change within 15 ms of the last)');
    clock.advance(4);
    assert.equal(runs.length, 1);
    clock.advance(1);
    assert.deepEqual(runs.map((r) => r.uri), ['a', 'a'], 'one lint, 15 ms after the last change');
  });

  it('never runs two lints of one document at once; changes during a lint make one more lint after it', async () => {
    const clock = new ManualClock();
    const { runs, lint } = controlledLint();
    const scheduler = new LintScheduler(lint, 15, schedulerClockOf(clock));
    scheduler.now('a');
    for (let i = 0; i < 3; i++) {
      scheduler.schedule('a');
      clock.advance(20);
    }
    assert.equal(runs.length, 1, 'the first lint is still running');
    runs[0].finish();
    await settle();
    assert.equal(runs.length, 2, 'one more lint, for the newest text');
    runs[1].finish();
    await settle();
    assert.equal(runs.length, 2, 'and nothing after it');
  });

  it('documents do not wait for each other, and a closed document starts nothing more', async () => {
    const clock = new ManualClock();
    const { runs, lint } = controlledLint();
    const scheduler = new LintScheduler(lint, 15, schedulerClockOf(clock));
    scheduler.now('a');
    scheduler.now('b');
    assert.deepEqual(runs.map((r) => r.uri), ['a', 'b']);
    scheduler.schedule('a');
    clock.advance(15);
    scheduler.cancel('a');
    runs[0].finish();
    await settle();
    scheduler.schedule('b');
    scheduler.cancel('b');
    clock.advance(100);
    assert.deepEqual(runs.map((r) => r.uri), ['a', 'b'], 'the pending lint of a closed document is dropped');
  });

  it('a lint that fails does not stop the next one', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const scheduler = new LintScheduler(async () => {
      calls++;
      throw new Error('engine gone');
    }, 15, schedulerClockOf(clock));
    scheduler.now('a');
    await settle();
    scheduler.now('a');
    await settle();
    assert.equal(calls, 2);
  });

  it('says whether a lint is on its way: running, or waiting for a burst to pause', async () => {
    const clock = new ManualClock();
    const { runs, lint } = controlledLint();
    const scheduler = new LintScheduler(lint, 15, schedulerClockOf(clock));
    assert.equal(scheduler.isPending('a'), false, 'nothing asked yet');
    scheduler.schedule('a');
    assert.equal(scheduler.isPending('a'), true, 'running');
    runs[0].finish();
    await settle();
    assert.equal(scheduler.isPending('a'), false, 'done');
    clock.advance(20);
    scheduler.schedule('a');
    runs[1].finish();
    await settle();
    scheduler.schedule('a');
    assert.equal(runs.length, 2, 'within the burst: waiting');
    assert.equal(scheduler.isPending('a'), true, 'a timer is set');
    clock.advance(15);
    runs[2].finish();
    await settle();
    assert.equal(scheduler.isPending('a'), false);
    scheduler.cancel('a');
    assert.equal(scheduler.isPending('a'), false);
  });
});

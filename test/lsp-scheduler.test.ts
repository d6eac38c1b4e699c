import assert from 'node:assert/strict';
import { LintScheduler } from '../src/lsp/scheduler.js';
import type { SchedulerClock } from '../src/lsp/scheduler.js';

/** A clock the test moves by hand. */
class ManualClock implements SchedulerClock {
  private time = 0;
  now(): number {
    return this.time;
  }
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.time += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) continue;
      this.timers.delete(id);
      timer.callback();
    }
  }
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
    const scheduler = new LintScheduler(lint, 15, clock);
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
    const scheduler = new LintScheduler(lint, 15, clock);
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
    const scheduler = new LintScheduler(lint, 15, clock);
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
    }, 15, clock);
    scheduler.now('a');
    await settle();
    scheduler.now('a');
    await settle();
    assert.equal(calls, 2);
  });
});

import assert from 'node:assert/strict';
import { EngineHost, IDLE_MS } from '../../src/browser/background/engineHost.js';
import { FairQueue } from '../../src/browser/background/fairQueue.js';
import type { EngineLintRequest, EngineLintResponse } from '../../src/browser/protocol.js';
import { DEFAULT_BROWSER_SETTINGS, type BrowserSettings } from '../../src/browser/settings.js';
import { unpackReply, type PackedReply } from '../../src/host/wire.js';
import { FakeWorkers, flush, ManualClock } from '../fakeWorker.js';

const unpacked = (reply: PackedReply | undefined) => (reply === undefined ? undefined : unpackReply(reply));

type Response = Omit<EngineLintResponse, 'id'>;

describe('Browser engine host: fair turns, budgets, idle stop', () => {
  describe('the fair queue', () => {
    const job = (portId: number, fieldKey: string, text = '') => ({ portId, fieldKey, text });

    it('takes turns between ports, so a page with many fields cannot starve another tab', () => {
      const queue = new FairQueue<ReturnType<typeof job>>();
      for (let i = 1; i <= 4; i++) queue.add(job(1, `1/f${i}`));
      queue.add(job(2, '2/f1'));
      queue.add(job(3, '3/f1'));
      const order: string[] = [];
      for (let next = queue.next(); next; next = queue.next()) order.push(next.fieldKey);
      assert.deepEqual(order, ['1/f1', '2/f1', '3/f1', '1/f2', '1/f3', '1/f4']);
      assert.equal(queue.size, 0);
    });

    it('keeps one text per field: a newer one replaces the waiting one and keeps its place', () => {
      const queue = new FairQueue<ReturnType<typeof job>>();
      const old = job(1, '1/a', 'old');
      queue.add(old);
      queue.add(job(1, '1/b'));
      assert.equal(queue.add(job(1, '1/a', 'new')), old);
      assert.equal(queue.size, 2);
      assert.equal(queue.next()?.text, 'new');
    });

    it('a port that keeps sending waits for every other port after each turn, newcomers included', () => {
      const queue = new FairQueue<ReturnType<typeof job>>();
      queue.add(job(1, '1/a'));
      queue.add(job(2, '2/a'));
      assert.equal(queue.next()?.portId, 1);
      queue.add(job(1, '1/a')); // typing on
      queue.add(job(3, '3/a')); // a tab that was never served
      assert.equal(queue.next()?.portId, 2);
      assert.equal(queue.next()?.portId, 3, 'before port 1, served a moment ago');
      assert.equal(queue.next()?.portId, 1);
      assert.equal(queue.next(), undefined);
    });

    it('drops a port’s waiting texts when its tab goes', () => {
      const queue = new FairQueue<ReturnType<typeof job>>();
      queue.add(job(1, '1/a'));
      queue.add(job(1, '1/b'));
      queue.add(job(2, '2/a'));
      assert.deepEqual(queue.dropPort(1).map((j) => j.fieldKey), ['1/a', '1/b']);
      assert.equal(queue.next()?.fieldKey, '2/a');
      assert.equal(queue.next(), undefined);
    });
  });

  describe('the host', () => {
    let clock: ManualClock;
    let workers: FakeWorkers;
    let host: EngineHost;
    let nextId: number;

    beforeEach(() => {
      clock = new ManualClock();
      workers = new FakeWorkers();
      host = new EngineHost(workers.start, clock, () => clock.now);
      nextId = 1;
    });

    /** Submits a text and collects what the field is told. */
    function submit(portId: number, key: string, text: string, settings: Partial<BrowserSettings> = {}): Response[] {
      const responses: Response[] = [];
      const request: EngineLintRequest = { id: nextId++, key, text, format: 'text', settings: { ...DEFAULT_BROWSER_SETTINGS, ...settings }, dismissals: [] };
      host.submit(portId, request, (response) => responses.push(response));
      return responses;
    }

    it('answers a text from the engine, with findings', async () => {
      const answers = submit(1, 'field-1', 'We will utilize the new dashboard.');
      workers.current.answerAll();
      await flush();
      assert.equal(answers.length, 1);
      assert.ok(unpacked(answers[0].reply)?.result.findings.some((f) => f.ruleId === 'clarity/corporate-jargon'));
    });

    it('stops a text over its time budget: a plain message, a terminated worker, a fresh worker for the next text', async () => {
      const slow = submit(1, 'field-1', 'A text the engine never finishes.', { timeBudgetSeconds: 3 });
      const other = submit(2, 'field-1', 'We will utilize it.', { timeBudgetSeconds: 3 });
      clock.advance(2999);
      await flush();
      assert.equal(slow.length, 0);
      clock.advance(1);
      await flush();
      assert.equal(slow.length, 1);
      assert.equal(slow[0].limit, 'time');
      assert.match(slow[0].error!, /^Fulcrum stopped checking this text: it took longer than 3 s/);
      assert.ok(workers.started[0].terminated);
      assert.equal(workers.started.length, 2, 'the next text went to a fresh worker');
      workers.current.answerAll();
      await flush();
      assert.ok(other[0].reply, 'and was checked');
    });

    it('refuses a text over the size cap without sending it to the engine', async () => {
      const big = submit(1, 'field-1', 'x'.repeat(2 * 1024 + 1), { maxDocumentKilobytes: 2 });
      await flush();
      assert.deepEqual(big, [{ limit: 'size', error: "Fulcrum did not check this text: it is 3 KB, over the 2 KB limit set in Fulcrum's options." }]);
      assert.equal(workers.started.length, 0, 'no worker was even started');
      const small = submit(1, 'field-1', 'Fine.', { maxDocumentKilobytes: 2 });
      workers.current.answerAll();
      await flush();
      assert.ok(small[0].reply);
    });

    it('never arms the idle timer while a text runs or waits; stops the worker once idle', async () => {
      const long = submit(1, 'field-1', 'Slow text.', { timeBudgetSeconds: 600 });
      submit(2, 'field-1', 'Waiting text.');
      assert.equal(host.idleTimerArmed, false);
      assert.equal(clock.pending, 1, 'only the running text’s deadline');
      clock.advance(IDLE_MS - 1000); // nearly the idle time (and the longest budget), a job still in the worker
      await flush();
      assert.equal(workers.started[0].terminated, false, 'the running text was not stopped for idleness');
      workers.current.answerAll();
      await flush();
      assert.ok(long[0].reply);
      assert.equal(host.idleTimerArmed, false, 'another text waited: not idle yet');
      workers.current.answerAll();
      await flush();
      assert.equal(host.idleTimerArmed, true, 'nothing runs, nothing waits');
      clock.advance(IDLE_MS);
      assert.ok(workers.current.terminated, 'the idle worker stopped');
      assert.equal(host.idleTimerArmed, false);
      submit(1, 'field-1', 'Back again.');
      assert.equal(workers.started.length, 2, 'a new text starts a new worker');
    });

    it('takes turns between tabs: one page’s many fields wait behind another tab’s text', async () => {
      const order: string[] = [];
      const track = (portId: number, key: string) => {
        const responses = submit(portId, key, `Text of ${portId}/${key}.`);
        return () => responses.length && order.push(`${portId}/${key}`);
      };
      const checks = [track(1, 'a'), track(1, 'b'), track(1, 'c'), track(1, 'd'), track(2, 'a')];
      for (let i = 0; i < 5; i++) {
        workers.current.answerAll();
        await flush();
        for (const check of checks.splice(0)) if (!check()) checks.push(check);
      }
      assert.deepEqual(order, ['1/a', '2/a', '1/b', '1/c', '1/d']);
    });

    it('answers a replaced text "superseded" and runs only the newest', async () => {
      submit(1, 'busy', 'Running.');
      const first = submit(1, 'field-1', 'First draft.');
      const second = submit(1, 'field-1', 'Second draft, utilize.');
      assert.deepEqual(first, [{ superseded: true }]);
      workers.current.answerAll();
      await flush();
      workers.current.answerAll();
      await flush();
      assert.ok(unpacked(second[0].reply)?.result.findings.some((f) => f.ruleId === 'clarity/corporate-jargon'));
    });

    it('drops a closed tab’s waiting texts and forgets its fields’ caches', async () => {
      submit(1, 'a', 'Running.');
      const waiting = submit(1, 'b', 'Waiting.');
      host.disconnect(1, ['a', 'b']);
      assert.deepEqual(workers.current.received.map((m) => (m.kind === 'forget' ? `forget ${m.key}` : 'lint')), ['lint', 'forget 1/a', 'forget 1/b']);
      workers.current.answerAll();
      await flush();
      assert.deepEqual(waiting, [], 'never run');
      assert.equal(host.idleTimerArmed, true);
    });
  });
});

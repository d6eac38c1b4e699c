import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../src/editor/convert.js';
import { limitKindOf, limitMessage, UncheckedDocuments } from '../src/host/uncheckedDocuments.js';
import { DEFAULT_BUDGETS, OverTimeBudget, readBudgets, sizeRefusal, TextTooLarge, utf8Length } from '../src/host/budgets.js';
import { WorkerEngine } from '../src/host/client.js';
import { LruMap } from '../src/host/lru.js';
import { startWorkerThread } from '../src/host/threadPort.js';
import { CACHE_LIMITS, createEngineService, type LintRequest } from '../src/host/service.js';
import { unpackReply } from '../src/host/wire.js';
import { FakeWorkers, flush, ManualClock } from './fakeWorker.js';
import { ROOT } from './helpers.js';

const JARGON_TEXT = 'We will utilize the new dashboard.';

function lintRequest(text: string, key?: string): LintRequest {
  return { key, text, format: 'text', configText: null, settings: DEFAULT_SETTINGS, trusted: true };
}

/** How a promise ended, without waiting: 'pending' until it settles. */
function track<T>(promise: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: Error } {
  const outcome: { state: 'pending' | 'resolved' | 'rejected'; value?: T; error?: Error } = { state: 'pending' };
  promise.then(
    (value) => Object.assign(outcome, { state: 'resolved', value }),
    (error: Error) => Object.assign(outcome, { state: 'rejected', error }),
  );
  return outcome;
}

/** A WorkerEngine on fake workers and a clock the test runs by hand, with the budget `budget` gives. */
function withFakeWorkers(budget: () => number) {
  const clock = new ManualClock();
  const workers = new FakeWorkers();
  return { clock, workers, engine: new WorkerEngine(workers.start, budget, clock) };
}

describe('Editor engine worker: budgets, restarts and caches', () => {
  describe('budgets', () => {
    it('reads the settings defensively: a number in range, else the default', () => {
      assert.deepEqual(readBudgets(() => undefined), DEFAULT_BUDGETS);
      const values: Record<string, unknown> = { timeBudgetSeconds: 2.5, maxDocumentKilobytes: 64 };
      assert.deepEqual(readBudgets((key) => values[key]), { timeBudgetSeconds: 2.5, maxDocumentKilobytes: 64 });
      const wrong: Record<string, unknown> = { timeBudgetSeconds: 0, maxDocumentKilobytes: '64' };
      assert.deepEqual(readBudgets((key) => wrong[key]), DEFAULT_BUDGETS);
      assert.deepEqual(readBudgets((key) => ({ timeBudgetSeconds: Infinity, maxDocumentKilobytes: 1e9 })[key]), DEFAULT_BUDGETS);
    });

    it('counts a text in UTF-8 bytes, as a file of it would take', () => {
      for (const text of ['', 'plain', 'café', '日本語', 'emoji 👍🏽 and \u{1F600}', 'lone \uD800 surrogate', 'x\uDC00y']) {
        assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
      }
    });

    it('refuses a text over the cap, and only then', () => {
      const budgets = { timeBudgetSeconds: 10, maxDocumentKilobytes: 1 };
      assert.equal(sizeRefusal('a'.repeat(1024), budgets), null, 'exactly at the cap');
      const refusal = sizeRefusal('a'.repeat(1025), budgets);
      assert.ok(refusal instanceof TextTooLarge);
      assert.equal(refusal.bytes, 1025);
      assert.equal(refusal.message, 'it is 2 KB, over the 1 KB limit');
      assert.ok(sizeRefusal('é'.repeat(513), budgets), '513 two-byte characters are 1026 bytes');
      assert.equal(sizeRefusal('é'.repeat(512), budgets), null);
      assert.match(new TextTooLarge(3 * 1024 * 1024, 2048).message, /^it is 3\.0 MB, over the 2048 KB limit$/);
    });
  });

  describe('LRU map', () => {
    it('keeps the most recently used entries up to its capacity', () => {
      const map = new LruMap<string, number>(2);
      map.set('a', 1).set('b', 2);
      assert.equal(map.get('a'), 1, 'using a makes b the least recent');
      map.set('c', 3);
      assert.deepEqual([...map.keys()], ['a', 'c']);
      map.set('a', 10);
      map.set('d', 4);
      assert.deepEqual([...map.keys()], ['a', 'd']);
      assert.equal(map.get('a'), 10);
      assert.ok(map.delete('a') && !map.has('a') && map.size === 1);
    });
  });

  describe('the engine service keeps no parse cache for a forgotten document, whatever the order', () => {
    it('lint, then forget: the cache goes', () => {
      const engine = createEngineService();
      assert.ok(engine({ id: 1, kind: 'lint', request: lintRequest(JARGON_TEXT, 'doc#1') }).reply);
      assert.deepEqual(engine.cachedKeys(), ['doc#1']);
      engine({ id: 2, kind: 'forget', key: 'doc#1' });
      assert.deepEqual(engine.cachedKeys(), []);
    });

    it('forget before the first lint: the lint is answered, and makes no cache', () => {
      const engine = createEngineService();
      engine({ id: 1, kind: 'forget', key: 'doc#1' });
      const answer = engine({ id: 2, kind: 'lint', request: lintRequest(JARGON_TEXT, 'doc#1') });
      assert.ok(answer.reply && unpackReply(answer.reply).result.findings.some((f) => f.ruleId === 'clarity/corporate-jargon'));
      assert.deepEqual(engine.cachedKeys(), []);
    });

    it('a lint arriving after the document closed makes no cache; a reopened document (new key) caches again', () => {
      const engine = createEngineService();
      engine({ id: 1, kind: 'lint', request: lintRequest(JARGON_TEXT, 'doc#1') });
      engine({ id: 2, kind: 'forget', key: 'doc#1' });
      engine({ id: 3, kind: 'lint', request: lintRequest(`${JARGON_TEXT} More.`, 'doc#1') });
      assert.deepEqual(engine.cachedKeys(), []);
      engine({ id: 4, kind: 'lint', request: lintRequest(JARGON_TEXT, 'doc#2') });
      assert.deepEqual(engine.cachedKeys(), ['doc#2']);
    });

    it('bounds the parse caches, even for a caller that never forgets', () => {
      const engine = createEngineService();
      for (let i = 0; i < CACHE_LIMITS.parseCaches + 10; i++) engine({ id: i, kind: 'lint', request: lintRequest('Short note.', `doc#${i}`) });
      assert.equal(engine.cacheSizes().parseCaches, CACHE_LIMITS.parseCaches);
      assert.ok(!engine.cachedKeys().includes('doc#0'), 'the least recently used went first');
      for (let i = 0; i < CACHE_LIMITS.forgottenKeys + 10; i++) engine({ id: i, kind: 'forget', key: `gone#${i}` });
      assert.equal(engine.cacheSizes().forgottenKeys, CACHE_LIMITS.forgottenKeys);
    });

    it('bounds the config-text and linter caches to a few entries', () => {
      assert.ok(CACHE_LIMITS.configs <= 8 && CACHE_LIMITS.linters <= 8);
      const engine = createEngineService();
      for (let i = 0; i < 20; i++) {
        const configText = JSON.stringify({ rules: { 'clarity/corporate-jargon': i % 2 ? 'off' : 'error' }, profile: 'review', extra: i });
        const settings = { ...DEFAULT_SETTINGS, rules: { 'feedback/vague-praise': (['off', 'info', 'warning', 'error'] as const)[i % 4] }, profile: (['auto', 'review', 'one-on-one', 'announcement'] as const)[Math.floor(i / 4) % 4] };
        engine({ id: i, kind: 'lint', request: { ...lintRequest(JARGON_TEXT), configText, settings } });
      }
      const sizes = engine.cacheSizes();
      assert.equal(sizes.configs, CACHE_LIMITS.configs);
      assert.ok(sizes.linters <= CACHE_LIMITS.linters && sizes.linters > 1, `linters: ${sizes.linters}`);
    });
  });

  describe('the client gives each lint a time budget and replaces a wedged worker', () => {
    it('rejects a lint whose worker never answers, terminates that worker, and runs the next lint in a fresh one', async () => {
      const { clock, workers, engine } = withFakeWorkers(() => 2);
      const stuck = track(engine.lint(lintRequest(JARGON_TEXT, 'a#1')));
      await flush();
      assert.equal(workers.started.length, 1);
      clock.advance(1999);
      await flush();
      assert.equal(stuck.state, 'pending', 'within its budget');
      clock.advance(1);
      await flush();
      assert.equal(stuck.state, 'rejected');
      assert.ok(stuck.error instanceof OverTimeBudget);
      assert.equal(stuck.error.message, 'it took longer than 2 s');
      assert.ok(workers.started[0].terminated, 'the wedged worker is gone');

      const next = track(engine.lint(lintRequest(JARGON_TEXT, 'b#1')));
      await flush();
      assert.equal(workers.started.length, 2, 'a fresh worker');
      workers.current.answerAll();
      await flush();
      assert.equal(next.state, 'resolved');
      assert.ok(next.value!.result.findings.some((f) => f.ruleId === 'clarity/corporate-jargon'));
      assert.equal(clock.pending, 0, 'no deadline left running');
    });

    it('sends the lints queued behind a timed-out one to the new worker, each with its own full budget', async () => {
      const { clock, workers, engine } = withFakeWorkers(() => 5);
      const first = track(engine.lint(lintRequest(JARGON_TEXT, 'a#1')));
      const second = track(engine.lint(lintRequest('Dana is lazy.', 'b#1')));
      const third = track(engine.lint(lintRequest('Thanks.', 'c#1')));
      await flush();
      assert.equal(workers.current.lints.length, 1, 'one lint in the worker at a time');
      clock.advance(4000);
      await flush();
      assert.equal(second.state, 'pending', 'waiting behind the first does not count against the second');
      clock.advance(1000);
      await flush();
      assert.equal(first.state, 'rejected');
      assert.equal(workers.started.length, 2);
      assert.deepEqual(workers.current.lints.map((m) => m.request.key), ['b#1']);
      clock.advance(4900);
      workers.current.answerAll();
      await flush();
      assert.equal(second.state, 'resolved');
      assert.deepEqual(workers.current.lints.map((m) => m.request.key), ['c#1']);
      workers.current.answerAll();
      await flush();
      assert.equal(third.state, 'resolved');
      assert.equal(workers.started.length, 2, 'no restart when lints finish in time');
    });

    it('ignores a late answer from the replaced worker', async () => {
      const { clock, workers, engine } = withFakeWorkers(() => 1);
      const slow = track(engine.lint(lintRequest(JARGON_TEXT, 'a#1')));
      await flush();
      const old = workers.current;
      const lateMessage = old.received[0];
      clock.advance(1000);
      await flush();
      assert.equal(slow.state, 'rejected');

      const fresh = track(engine.lint(lintRequest('Dana is lazy.', 'b#1')));
      await flush();
      // The old worker answers now, with the id of its own lint and even with the new lint's id.
      old.answer(lateMessage);
      old.answer({ ...workers.current.received[0] });
      await flush();
      assert.equal(fresh.state, 'pending', 'nothing from the old worker settles the new lint');
      assert.ok(slow.error instanceof OverTimeBudget, 'and the timed-out lint stays timed out');
      workers.current.answerAll();
      await flush();
      assert.equal(fresh.state, 'resolved');
      assert.ok(fresh.value!.result.findings.some((f) => f.ruleId === 'feedback/personality-judgement'), 'the answer is the new lint’s');
    });

    it('a worker that dies fails its lint with the reason, and the next lint gets a fresh worker', async () => {
      const { clock, workers, engine } = withFakeWorkers(() => 10);
      const crashed = track(engine.lint(lintRequest(JARGON_TEXT, 'a#1')));
      const queued = track(engine.lint(lintRequest(JARGON_TEXT, 'b#1')));
      await flush();
      workers.current.fail(new Error('out of memory'));
      await flush();
      assert.equal(crashed.state, 'rejected');
      assert.equal(crashed.error!.message, 'out of memory');
      assert.equal(workers.started.length, 2);
      workers.current.answerAll();
      await flush();
      assert.equal(queued.state, 'resolved');
      assert.equal(clock.pending, 0);
    });

    it('reads the budget as each lint starts, so a settings change applies to the next one', async () => {
      let budget = 1;
      const { clock, workers, engine } = withFakeWorkers(() => budget);
      const first = track(engine.lint(lintRequest(JARGON_TEXT)));
      await flush();
      budget = 30;
      clock.advance(1000);
      await flush();
      assert.ok(first.error instanceof OverTimeBudget && first.error.seconds === 1);
      const second = track(engine.lint(lintRequest(JARGON_TEXT)));
      await flush();
      clock.advance(29_000);
      workers.current.answerAll();
      await flush();
      assert.equal(second.state, 'resolved');
    });

    it('a forget reaches the worker at once; a lint of that key still waiting runs without a cache', async () => {
      const { workers, engine } = withFakeWorkers(() => 10);
      const running = track(engine.lint(lintRequest(JARGON_TEXT, 'a#1')));
      const waiting = track(engine.lint(lintRequest(JARGON_TEXT, 'b#1')));
      await flush();
      engine.forget('b#1');
      assert.deepEqual(workers.current.received.map((m) => m.kind), ['lint', 'forget']);
      workers.current.answerAll();
      await flush();
      assert.deepEqual(workers.current.lints.map((m) => m.request.key), [undefined], 'the waiting lint lost its key');
      workers.current.answerAll();
      await flush();
      assert.equal(running.state, 'resolved');
      assert.equal(waiting.state, 'resolved');
    });

    it('dispose rejects every waiting lint and stops the worker', async () => {
      const { clock, workers, engine } = withFakeWorkers(() => 10);
      const outcomes = [track(engine.lint(lintRequest(JARGON_TEXT))), track(engine.lint(lintRequest(JARGON_TEXT)))];
      await flush();
      engine.dispose();
      await flush();
      assert.deepEqual(outcomes.map((o) => o.state), ['rejected', 'rejected']);
      assert.ok(workers.current.terminated);
      assert.equal(track(engine.lint(lintRequest(JARGON_TEXT))).state, 'pending');
      await flush();
      assert.equal(workers.started.length, 1, 'no worker after dispose');
      assert.equal(clock.pending, 0);
    });
  });

  describe('with the language server’s real engine thread (dist/lsp-worker.js)', () => {
    it('terminates a thread busy past its budget, and answers the next lint from a fresh one', async function () {
      this.timeout(60_000);
      const file = join(ROOT, 'dist', 'lsp-worker.js');
      assert.ok(existsSync(file), 'dist/ is built (node esbuild.config.mjs) before the suites run');
      let threads = 0;
      let budget = 1;
      const engine = new WorkerEngine(() => (threads++, startWorkerThread(file)), () => budget);
      try {
        // Several seconds of work for the engine (it starts the NLP library first, too). Every paragraph
        // is numbered, so none is a repeat the engine's paragraph cache could answer at once.
        const big = Array.from({ length: 2_000 }, (_, n) => `Dana led migration ${n} and we will utilize the new dashboard going forward. `.repeat(10)).join('\n\n');
        const started = Date.now();
        await assert.rejects(engine.lint(lintRequest(big, 'big#1')), (error) => error instanceof OverTimeBudget && error.seconds === 1);
        assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
        budget = 30;
        const reply = await engine.lint(lintRequest(JARGON_TEXT, 'small#1'));
        assert.ok(reply.result.findings.some((f) => f.ruleId === 'clarity/corporate-jargon'));
        assert.equal(threads, 2, 'a fresh thread answered');
      } finally {
        engine.dispose();
      }
    });
  });

  describe('documents left unchecked', () => {
    it('tells the user once per document and reason, not on every attempt', () => {
      const unchecked = new UncheckedDocuments();
      assert.equal(unchecked.mark('a.md', 'size', 'm1'), true);
      assert.equal(unchecked.mark('a.md', 'size', 'm2'), false, 'still too large after an edit: no new popup');
      assert.equal(unchecked.get('a.md')?.message, 'm2', 'the status bar has the latest words');
      assert.equal(unchecked.mark('b.md', 'size', 'm'), true, 'another document is news');
      assert.equal(unchecked.mark('a.md', 'time', 'm3'), true, 'a different reason is news');
      assert.ok(unchecked.waitsForSave('a.md') && !unchecked.waitsForSave('b.md'));
      unchecked.clear('a.md');
      assert.equal(unchecked.get('a.md'), undefined);
      assert.equal(unchecked.mark('a.md', 'time', 'm4'), true, 'over the limit again after being checked: news again');
    });

    it('names the file, the reason and the setting', () => {
      assert.equal(limitKindOf(new TextTooLarge(3_000_000, 2048)), 'size');
      assert.equal(limitKindOf(new OverTimeBudget(10)), 'time');
      assert.equal(limitKindOf(new Error('other')), null);
      assert.equal(limitMessage('notes/big.md', new OverTimeBudget(10)), 'Fulcrum stopped checking notes/big.md: it took longer than 10 s (fulcrum.timeBudgetSeconds). It will try again when you save the file.');
      assert.equal(limitMessage('big.md', new TextTooLarge(3 * 1024 * 1024, 2048)), 'Fulcrum did not check big.md: it is 3.0 MB, over the 2048 KB limit (fulcrum.maxDocumentKilobytes).');
    });
  });
});

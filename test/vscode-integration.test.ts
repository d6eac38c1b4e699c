import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { runIntegrationSuiteInCodeServer, type IntegrationRun, type TestResult } from './e2e/codeServerRunner.js';
import { ROOT } from './helpers.js';

/**
 * The VS Code API integration suite (test/vscode/suite) — the one `npm run test:desktop`
 * runs under @vscode/test-electron — run here inside code-server by a runner extension.
 * Each suite test is reported as a mocha test of its own, so `npm test` counts them.
 */

function failureOf(test: TestResult): Error {
  const error = new Error(test.error?.message ?? 'failed');
  // The stack points into the runner's bundle in the editor: keep it, it helps find the line.
  if (test.error?.stack) error.stack = test.error.stack;
  return error;
}

describe('VS Code API integration suite (in code-server, via a runner extension)', function () {
  this.timeout(10 * 60_000);
  let run: IntegrationRun;

  before(async function () {
    run = await runIntegrationSuiteInCodeServer({ grep: process.env.FULCRUM_VSCODE_GREP });
    const { timings, report } = run;
    console.log(
      `      ${report.appName} ${report.vscodeVersion} (Node ${report.node}): ${report.tests.length} tests in ${timings.total} s ` +
        `(package ${timings.package} s, start ${timings.start} s, workbench ${timings.workbench} s, suite ${timings.suite} s)`,
    );
    // One mocha test per suite test, added before this suite's tests run.
    const suite = this.test!.parent!;
    for (const test of report.tests) {
      suite.addTest(
        new Mocha.Test(test.titlePath.join(' › '), function (this: Mocha.Context) {
          if (test.state === 'pending') this.skip();
          if (test.state === 'failed') throw failureOf(test);
        }),
      );
    }
  });

  it('ran the suite in code-server with the packaged Fulcrum, with no hook or load errors', () => {
    const { report } = run;
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(report.fulcrumVersion, version, 'the runner saw the packaged Fulcrum');
    assert.equal(report.appName, 'code-server');
    assert.ok(report.tests.length > 0, 'the suite ran some tests');
    assert.deepEqual(
      report.errors.map((e) => `${e.title}: ${e.message}`),
      [],
      'no failures outside tests',
    );
    assert.equal(report.passes + report.failures - report.errors.length + report.pending, report.tests.length);
  });
});

/**
 * The integration suite's entry, in the shape @vscode/test-electron expects: the extension
 * host require()s this module (bundled with mocha into out/vscode/suite/index.cjs by
 * esbuild.config.mjs) and awaits run(). The same bundle runs inside code-server through the
 * runner extension in test/vscode/runner/, which calls runSuite() for the detailed results.
 */
import Mocha from 'mocha';

export interface TestResult {
  /** Suite titles and the test title, outermost first. */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
  /** Failures outside any test: a hook, or the suite failing to load. */
  errors: Array<{ title: string; message: string; stack?: string }>;
}

export interface RunOptions {
  /** A mocha --grep pattern; FULCRUM_VSCODE_GREP when not given. */
  grep?: string;
  /** Mocha's reporter; 'spec' prints to the extension host's console. */
  reporter?: string;
  /** Called as each test ends, for progress reports. */
  onTestEnd?: (result: TestResult) => void;
}

/** The suite's files. They register their tests through mocha's TDD globals when imported. */
async function loadTests(): Promise<void> {
  await import('./diagnostics.js');
  await import('./codeActions.js');
  await import('./hoverAndCommands.js');
  await import('./settings.js');
}

function errorOf(err: unknown): { message: string; stack?: string } {
  const e = err as { message?: unknown; stack?: unknown } | undefined;
  return { message: String(e?.message ?? err), stack: typeof e?.stack === 'string' ? e.stack : undefined };
}

function titlePathOf(test: Mocha.Runnable): string[] {
  return test.titlePath();
}

/** Runs the suite and resolves with what happened, failures included. */
export async function runSuite(options: RunOptions = {}): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, slow: 5_000, reporter: options.reporter ?? 'spec' });
  const grep = options.grep ?? process.env.FULCRUM_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  const started = Date.now();
  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [], errors: [] };
  try {
    // What mocha.loadFiles() does for each file, for modules that are already bundled.
    mocha.suite.emit('pre-require', globalThis, 'fulcrum-vscode-suite', mocha);
    await loadTests();
    mocha.suite.emit('post-require', globalThis, 'fulcrum-vscode-suite', mocha);
  } catch (error) {
    results.errors.push({ title: 'loading the suite', ...errorOf(error) });
    results.failures++;
    return results;
  }

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    const record = (test: Mocha.Test, state: TestResult['state'], err?: unknown) => {
      const result: TestResult = { titlePath: titlePathOf(test), state, durationMs: test.duration ?? 0, ...(err ? { error: errorOf(err) } : {}) };
      results.tests.push(result);
      options.onTestEnd?.(result);
    };
    runner.on('pass', (test) => {
      results.passes++;
      record(test, 'passed');
    });
    runner.on('pending', (test) => {
      results.pending++;
      record(test, 'pending');
    });
    runner.on('fail', (runnable, err) => {
      results.failures++;
      if (runnable.type === 'test') record(runnable as Mocha.Test, 'failed', err);
      else results.errors.push({ title: runnable.fullTitle(), ...errorOf(err) });
    });
  });
  results.durationMs = Date.now() - started;
  return results;
}

/** @vscode/test-electron's entry point: resolves when every test passed. */
export async function run(): Promise<void> {
  const results = await runSuite();
  if (results.failures > 0) {
    const lines = [...results.tests.filter((t) => t.state === 'failed').map((t) => `${t.titlePath.join(' › ')}: ${t.error?.message}`), ...results.errors.map((e) => `${e.title}: ${e.message}`)];
    throw new Error(`Fulcrum integration suite: ${results.failures} failed, ${results.passes} passed:\n${lines.join('\n')}`);
  }
  if (results.passes === 0) throw new Error('no Fulcrum integration tests ran');
}

// `npm test`: every suite in one run — rule generation, type-check, lint, bundles, mocha —
// then one closing line that totals them: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status === 0) {
    passed++;
    console.log(`✔ ${name}`);
    return true;
  }
  failed++;
  console.log(`✖ ${name} (exit ${result.status ?? result.signal})`);
  return false;
}

const node = process.execPath;
const bin = (name) => join(root, 'node_modules', '.bin', name);

const generated = step('generate rules', node, ['scripts/generate-rules.mjs']);
const compiled = generated && step('type-check', bin('tsc'), ['-p', '.']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
const built = generated && step('bundle', node, ['esbuild.config.mjs']);

async function runMocha() {
  // Mocha through its API so the test counts reach the closing line.
  const { default: Mocha } = await import('mocha');
  const { globSync } = await import('tinyglobby');
  const mocha = new Mocha({ reporter: process.env.CI ? 'dot' : 'spec', timeout: 60000, slow: 2000 });
  const grep = process.env.FULCRUM_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of globSync('out/test/**/*.test.js', { cwd: root, absolute: true }).sort()) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
}

if (compiled && built) {
  try {
    const stats = await runMocha();
    passed += stats.passes;
    failed += stats.failures;
  } catch (error) {
    // A suite that throws while loading must still show up in the totals.
    console.log(`✖ mocha could not load the suites: ${error?.stack ?? error}`);
    failed++;
  }
} else {
  console.log('✖ mocha suites not run: the code does not compile or bundle');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

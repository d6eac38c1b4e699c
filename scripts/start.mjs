// `npm start`: build, then score and check the bundled examples. Findings are the point
// here, so exit 1 (findings) is not a failure; exit 2 (usage or input error) is.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

if (run(['scripts/generate-rules.mjs']) !== 0 || run(['esbuild.config.mjs']) !== 0) process.exit(2);
console.log('\n$ fulcrum score examples');
const score = run(['bin/fulcrum.js', 'score', 'examples']);
console.log('\n$ fulcrum check examples');
const check = run(['bin/fulcrum.js', 'check', 'examples']);
process.exit(score === 2 || check === 2 ? 2 : 0);

// `npm run bench`: how fast Fulcrum lints realistic manager prose, next to write-good and alex.
// One run generates 10 KB, 100 KB and 1 MB documents from a fixed seed, warms each tool up
// once, then reports the median of several timed runs. `--json` prints machine-readable
// results; `--strict` exits 1 when Fulcrum misses its targets; `--sample` prints the 10 KB
// document and exits (`--sample-kb=N`: the N KB one, as scripts/bench-lsp.mjs uses).
//
// The engine is bundled from src/core/index.ts with esbuild into a temporary file (after
// regenerating the rule list), so the script works from a clean clone after `npm install`
// with no tsc step. For clean JSON, run it directly: `node scripts/bench.mjs --json`
// (`npm run bench -- --json` also prints the build steps' log lines first).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const strict = args.includes('--strict');
const sample = args.includes('--sample');
const sampleKb = Number(args.find((a) => a.startsWith('--sample-kb='))?.slice('--sample-kb='.length) ?? 0);
const log = asJson ? () => {} : (line = '') => console.log(line);

const SEED = 20240917;
const KB = 1024;
const SIZES = [
  { label: '10 KB', bytes: 10 * KB, runs: 7 },
  { label: '100 KB', bytes: 100 * KB, runs: 5 },
  { label: '1 MB', bytes: 1024 * KB, runs: 3 },
];
/** A tool whose warm-up on a size took longer than this gets fewer timed runs on it. */
const BUDGET_MS_PER_CELL = 12000;
const TARGET_KB_PER_S = 150;
/** The full rule set on the 1 MB document (where issue 8 found it: 267 KB/s). */
const TARGET_KB_PER_S_1MB = 250;

/* ---------- the engine ---------- */

/** Bundles the engine into a temporary folder; `remove()` deletes it when the run is over. */
async function loadEngine() {
  // Regenerate the rule list so a direct `node scripts/bench.mjs` measures the rules on disk.
  const gen = spawnSync(process.execPath, [join(root, 'scripts', 'generate-rules.mjs')], { cwd: root, stdio: 'ignore' });
  if (gen.status !== 0) throw new Error('scripts/generate-rules.mjs failed');
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-'));
  const file = join(dir, 'engine.mjs');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await esbuild.build({
      entryPoints: [join(root, 'src', 'core', 'index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'node20',
      outfile: file,
      // Only read when an error is located (locateError); timed runs have source maps off.
      sourcemap: 'inline',
      logLevel: 'error',
    });
    return { engine: await import(pathToFileURL(file).href), dir, file, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Where an engine error comes from, in src/ terms: lints the same text once more in a child
 * process with source maps on (they slow the timed runs, so those run without).
 */
function locateError(bundle, text) {
  const input = join(bundle.dir, 'input.md');
  writeFileSync(input, text);
  const code = `
    const { Linter, builtinRules } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
    const { readFileSync } = await import('node:fs');
    try { new Linter(builtinRules).lint(readFileSync(${JSON.stringify(input)}, 'utf8')); }
    catch (error) { console.log(error.stack); }`;
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  const frames = child.stdout
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().replace(/^at /, '').split(`${root}/`).join(''));
  // The throwing frame, and the first frame in Fulcrum's own source when that is elsewhere.
  const own = frames.find((f) => f.includes('src/core/'));
  return frames.length ? (own && own !== frames[0] ? `${frames[0]} via ${own}` : frames[0]) : null;
}

/* ---------- deterministic prose ---------- */

/** mulberry32: small, fast and the same on every platform. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Dana', 'Marcus', 'Priya', 'Lee', 'Aisha', 'Tomás', 'Mei', 'Jonas', 'Fatima', 'Owen', 'Sofia', 'Ravi'];
const WORK = ['the ledger migration', 'the search reindex', 'the billing retry rewrite', 'the on-call rota', 'the onboarding guide', 'the Q3 roadmap', 'the fraud-scoring model', 'the release checklist', 'the incident template', 'the data retention policy', 'the mobile login flow', 'the hiring plan'];
const MEETINGS = ["Tuesday's roadmap review", "Monday's standup", 'the design review', "last week's planning meeting", "Thursday's incident review", 'the customer call'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November'];
const MIGRATIONS = ['the ledger migration', 'the search reindex', 'the move to the shared on-call schedule', 'the billing database upgrade'];
const VAGUE = ['ASAP', 'soon', 'at some point', 'when you get a chance', 'eventually', 'in the near future'];
const NUMBERS = ['two', 'three', '12', '40%', '18 minutes', 'a third', '9 of 14', '25'];

const HEADINGS = {
  review: ['Summary', 'Strengths', 'Areas for growth', 'Goals for next year', 'Development', 'Next steps'],
  'one-on-one': ['Discussed', 'What I raised', 'Decisions', 'Action items', 'Next check-in'],
  announcement: ['What is changing', 'Why we are doing this', 'What this means for you', 'Thanks', 'Questions'],
};

/** Sentence makers. Each takes a pick function and returns one sentence; good and bad are mixed. */
const SENTENCES = {
  praise: [
    (p) => `Great job this year, ${p(PEOPLE)}!`,
    (p) => `${p(PEOPLE)} is a rockstar and a real asset to the team.`,
    (p) => `Thanks everyone for the hard work on ${p(WORK)}.`,
    (p) => `In ${p(MEETINGS)} you walked the team through ${p(WORK)}, and we cut review time by ${p(NUMBERS)}.`,
    (p) => `You always come prepared: every proposal for ${p(WORK)} arrived a day before the meeting.`,
    (p) => `${p(PEOPLE)} paired with ${p(PEOPLE)} on ${p(WORK)}, which shipped a week ahead of plan.`,
    (p) => `Thank you for leading ${p(MIGRATIONS)}, a difficult migration that finished with no data loss.`,
    (p) => `Your write-up of ${p(WORK)} was clear enough that ${p(PEOPLE)} could pick it up without a handover meeting.`,
    () => `Thanks everyone for all your hard work, you are all amazing.`,
  ],
  criticism: [
    (p) => `${p(PEOPLE)} is abrasive and can be difficult in meetings.`,
    (p) => `You always miss deadlines on ${p(WORK)}.`,
    () => `She's too emotional when her designs get pushback.`,
    () => `The update was maybe just kind of a little late, which is probably fine.`,
    (p) => `You need to be more proactive and take more ownership of ${p(WORK)}.`,
    () => `It's time to step up and leverage synergy across the platform teams.`,
    (p) => `${p(PEOPLE)} has a bad attitude and is not a team player.`,
    (p) => `When ${p(PEOPLE)} asked about ${p(WORK)} in ${p(MEETINGS)}, you replied "not my problem", and ${p(PEOPLE)} did not know who to ask.`,
    (p) => `In ${p(MEETINGS)} you interrupted ${p(PEOPLE)} three times, and we ran out of time for two agenda items.`,
    (p) => `${p(WORK).replace(/^t/, 'T')} landed nine days after the date we agreed, and I heard about it from finance rather than from you.`,
  ],
  action: [
    (p) => `Fix ${p(WORK)} ${p(VAGUE)}.`,
    (p) => `${p(PEOPLE)} will look into ${p(WORK)}.`,
    (p) => `Circle back on ${p(WORK)}.`,
    (p) => `Please run everything by me first and cc me on every email about ${p(WORK)}.`,
    (p) => `${p(PEOPLE)} will draft the plan for ${p(WORK)} by ${p(DAYS)} ${1 + Math.floor(p.n() * 27)} ${p(MONTHS)}.`,
    (p) => `${p(PEOPLE)} owns ${p(WORK)} and will share a status update every ${p(DAYS)}.`,
    (p) => `Let's touch base about ${p(WORK)} ${p(VAGUE)}.`,
    (p) => `We'll review progress in our 1:1 on ${1 + Math.floor(p.n() * 27)} ${p(MONTHS)}.`,
  ],
  announcement: [
    (p) => `It has been decided that all teams must use ${p(WORK)} from Monday.`,
    (p) => `All teams must use the new template from ${p(DAYS)}, so that on-call can triage in one place.`,
    (p) => `We will utilize best practices to drive alignment on ${p(WORK)}.`,
    (p) => `From ${p(DAYS)} ${1 + Math.floor(p.n() * 27)} ${p(MONTHS)}, ${p(WORK)} moves to one shared schedule, because three teams were paged for the same fault last quarter.`,
    (p) => `If you lead a team, please move your rota by ${p(DAYS)}; ${p(PEOPLE)} runs setup sessions in #incident-process.`,
    (p) => `Ask questions in #incident-process or at the open Q&A on ${p(DAYS)} at 15:00.`,
    (p) => `More details will follow ${p(VAGUE)}.`,
    () => `Hi all, going forward all incidents must be logged in the new tool. No exceptions.`,
    (p) => `What this means for you: nothing changes about when you get paged, and ${p(PEOPLE)} will update your rota by ${p(DAYS)}.`,
  ],
  goal: [
    () => `Improve communication.`,
    () => `Be more strategic.`,
    (p) => `Publish the proposal for ${p(WORK)} by ${1 + Math.floor(p.n() * 27)} ${p(MONTHS)}, with sign-off from ${p(PEOPLE)}.`,
    (p) => `Cut the pages from ${p(WORK)} by ${p(NUMBERS)} before the end of Q${1 + Math.floor(p.n() * 4)}.`,
  ],
};

function sentenceKindFor(profile, heading, rand) {
  if (/goal/i.test(heading)) return 'goal';
  if (/action|next|decision|check-in/i.test(heading)) return 'action';
  if (profile === 'announcement') return rand() < 0.6 ? 'announcement' : rand() < 0.5 ? 'praise' : 'action';
  const r = rand();
  return r < 0.35 ? 'praise' : r < 0.75 ? 'criticism' : 'action';
}

/** Markdown documents (front matter, headings, paragraphs, lists) joined until `bytes` is reached. */
function generateProse(bytes, seed = SEED) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  pick.n = rand;
  const parts = [];
  let size = 0;
  const push = (text) => {
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  };
  for (let doc = 0; size < bytes; doc++) {
    const profile = pick(Object.keys(HEADINGS));
    push(`# ${profile === 'review' ? 'Performance review' : profile === 'one-on-one' ? '1:1 notes' : 'Announcement'}: ${pick(WORK)} (${doc + 1})`);
    for (const heading of HEADINGS[profile]) {
      if (size >= bytes) break;
      push(`## ${heading}`);
      const kind = sentenceKindFor(profile, heading, rand);
      if (kind === 'goal' || kind === 'action' || rand() < 0.3) {
        const items = 2 + Math.floor(rand() * 4);
        const list = [];
        for (let i = 0; i < items; i++) list.push(`- ${pick(SENTENCES[kind === 'goal' ? 'goal' : kind])(pick)}`);
        push(list.join('\n'));
      } else {
        const paragraphs = 1 + Math.floor(rand() * 2);
        for (let i = 0; i < paragraphs; i++) {
          const count = 2 + Math.floor(rand() * 4);
          const sentences = [];
          for (let j = 0; j < count; j++) sentences.push(pick(SENTENCES[sentenceKindFor(profile, heading, rand)])(pick));
          push(sentences.join(' '));
        }
      }
    }
  }
  let text = parts.join('\n\n') + '\n';
  // Trim to the exact size at a line boundary, so each size is what its label says (±1 line).
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
  return text;
}

/* ---------- timing ---------- */

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One warm-up run, then up to `plannedRuns` timed runs within the budget. A tool already
 * warmed up on a smaller size skips the warm-up when a run is projected to take longer than
 * the budget (alex on 1 MB), so the whole benchmark stays near two minutes.
 */
function measure(tool, text, bytes, plannedRuns) {
  const projected = tool.lastMsPerByte ? tool.lastMsPerByte * bytes : 0;
  const skipWarmup = tool.warm && projected > BUDGET_MS_PER_CELL;
  let findings;
  let firstRun = projected;
  try {
    if (!skipWarmup) {
      const t0 = performance.now();
      findings = tool.run(text);
      firstRun = performance.now() - t0;
      tool.warm = true;
    }
    const runs = Math.max(1, Math.min(plannedRuns, Math.floor(BUDGET_MS_PER_CELL / Math.max(firstRun, 1))));
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      findings = tool.run(text);
      times.push(performance.now() - start);
    }
    const ms = median(times);
    tool.lastMsPerByte = ms / bytes;
    return { error: null, where: null, warmup: !skipWarmup, runs, ms: Math.round(ms * 10) / 10, kbPerSec: Math.round(bytes / KB / (ms / 1000)), findings };
  } catch (error) {
    return { error: String(error?.message ?? error), where: tool.locate?.(text) ?? null, warmup: !skipWarmup, runs: 0, ms: null, kbPerSec: null, findings: null };
  }
}

/**
 * Peak memory per byte of input: a child process lints a small text (the engine and its lexicon
 * loaded), then the document once, and reports how far its peak resident set rose. A child of its
 * own, because a peak in this process would include every earlier run's garbage.
 */
function memoryPerByte(bundle, text) {
  const input = join(bundle.dir, 'memory-input.txt');
  writeFileSync(input, text);
  const script = `
    const { readFileSync } = await import('node:fs');
    const { Linter, builtinRules } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
    const linter = new Linter(builtinRules);
    const text = readFileSync(${JSON.stringify(input)}, 'utf8');
    linter.lint(text.slice(0, 10000));
    const before = process.resourceUsage().maxRSS;
    linter.lint(text);
    console.log(JSON.stringify({ before, after: process.resourceUsage().maxRSS }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) return null;
  const { before, after } = JSON.parse(child.stdout);
  return { peakMB: Math.round(after / 1024), bytesPerInputByte: Math.round(((after - before) * 1024) / Buffer.byteLength(text)) };
}

/* ---------- main ---------- */

if (sample || sampleKb > 0) {
  // Exit once the text is written: a pipe takes 64 KB at a time.
  await new Promise((resolve) => process.stdout.write(generateProse(sampleKb > 0 ? sampleKb * KB : SIZES[0].bytes), resolve));
  process.exit(0);
}

const bundle = await loadEngine();
const { engine } = bundle;
const { default: writeGood } = await import('write-good');
const { markdown: alexMarkdown } = await import('alex');

const linter = new engine.Linter(engine.builtinRules);
const tools = [
  { name: 'fulcrum', run: (text) => linter.lint(text).findings.length, locate: (text) => locateError(bundle, text) },
  { name: 'write-good', run: (text) => writeGood(text).length },
  { name: 'alex', run: (text) => alexMarkdown(text).messages.length },
];

const started = performance.now();
const results = [];
let memory;
try {
  for (const size of SIZES) {
    const text = generateProse(size.bytes);
    const bytes = Buffer.byteLength(text);
    for (const tool of tools) {
      const r = measure(tool, text, bytes, size.runs);
      results.push({ size: size.label, bytes, tool: tool.name, ...r });
    }
  }
  memory = memoryPerByte(bundle, generateProse(SIZES[SIZES.length - 1].bytes));
} finally {
  bundle.remove();
}

const cell = (size, tool) => results.find((r) => r.size === size && r.tool === tool);
const ratios = SIZES.map(({ label }) => {
  const f = cell(label, 'fulcrum');
  const ratio = (other) => (f.ms && cell(label, other).ms ? Math.round((f.ms / cell(label, other).ms) * 100) / 100 : null);
  return { size: label, fulcrumOverWriteGood: ratio('write-good'), fulcrumOverAlex: ratio('alex') };
});
const f100 = cell('100 KB', 'fulcrum');
const f1m = cell('1 MB', 'fulcrum');
const targets = {
  kbPerSecOn100KB: { target: TARGET_KB_PER_S, actual: f100.kbPerSec, met: !f100.error && f100.kbPerSec >= TARGET_KB_PER_S },
  oneMegabyteInOnePass: { met: !f1m.error, error: f1m.error, where: f1m.where },
  kbPerSecOn1MB: { target: TARGET_KB_PER_S_1MB, actual: f1m.kbPerSec, met: !f1m.error && f1m.kbPerSec >= TARGET_KB_PER_S_1MB },
};
const totalSeconds = Math.round((performance.now() - started) / 100) / 10;

if (asJson) {
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        seed: SEED,
        rules: engine.builtinRules.length,
        results,
        ratios,
        targets,
        memory,
        totalSeconds,
      },
      null,
      2,
    ),
  );
} else {
  log(`Fulcrum benchmark: ${engine.builtinRules.length} rules, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, seed ${SEED}`);
  log('Times are medians of the timed runs after one warm-up run.\n');
  const header = ['Size', 'Tool', 'Runs', 'ms', 'KB/s', 'Findings'];
  const rows = results.map((r) => [r.size, r.tool, `${r.runs}${r.warmup ? '' : '*'}`, r.error ? 'error' : r.ms.toFixed(1), r.error ? '—' : String(r.kbPerSec), r.error ? 'see below' : String(r.findings)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  if (results.some((r) => !r.warmup)) log('* no separate warm-up on this size: the tool was warmed up on a smaller one and a run takes longer than the budget.');
  for (const r of results.filter((x) => x.error)) log(`\n${r.tool} failed on ${r.size}: ${r.error}${r.where ? `\n  at ${r.where}` : ''}`);
  log('\nTime ratio (Fulcrum ms ÷ other tool ms; below 1 means Fulcrum is faster):');
  for (const r of ratios) log(`  ${r.size.padEnd(6)}  Fulcrum/write-good ${r.fulcrumOverWriteGood ?? '—'}×   Fulcrum/alex ${r.fulcrumOverAlex ?? '—'}×`);
  log('\nTargets:');
  log(`  ${targets.kbPerSecOn100KB.met ? '✔' : '✖'} ≥${TARGET_KB_PER_S} KB/s on 100 KB: ${f100.kbPerSec ?? 'error'} KB/s`);
  log(`  ${targets.oneMegabyteInOnePass.met ? '✔' : '✖'} 1 MB analysed in one pass without error${f1m.error ? `: ${f1m.error}` : ` (${f1m.ms} ms, ${f1m.findings} findings)`}`);
  log(`  ${targets.kbPerSecOn1MB.met ? '✔' : '✖'} ≥${TARGET_KB_PER_S_1MB} KB/s on 1 MB: ${f1m.kbPerSec ?? 'error'} KB/s`);
  log(`\nMemory: linting the ${SIZES[SIZES.length - 1].label} document raised the peak resident set by ${memory ? `${memory.bytesPerInputByte} bytes per input byte (peak ${memory.peakMB} MB)` : '— (the measuring process failed)'}.`);
  log(`\nTotal ${totalSeconds} s.`);
}

if (strict && !Object.values(targets).every((t) => t.met)) process.exit(1);

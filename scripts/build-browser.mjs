// Builds the browser extension from src/browser/ into dist/browser/chrome/ (Manifest V3,
// service worker + offscreen engine) and dist/browser/firefox/ (event page), and with
// --package zips both for the stores and runs `web-ext lint` on the Firefox build.
// `node scripts/build-browser.mjs [--package]`; the browser tests import buildBrowser().
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** Each script of the extension and what it is. Only engine-worker.js holds the engine. */
const ENTRIES = {
  content: 'src/browser/content/content.ts', // every page of a granted site: must stay tiny
  'field-ui': 'src/browser/ui/main.ts', // injected on first focus of a field
  background: 'src/browser/background/background.chrome.ts', // Chrome: the service worker
  offscreen: 'src/browser/background/offscreen.ts', // Chrome: hosts the engine worker
  'engine-worker': 'src/browser/engine/worker.ts', // the engine and the NLP library
  popup: 'src/browser/popup/popup.ts',
  options: 'src/browser/options/options.ts',
};
const CHROME_ONLY = ['offscreen.js', 'engine.html'];
/** Firefox gets its own background script (an event page that hosts the engine itself). */
const FIREFOX_BACKGROUND = 'src/browser/background/background.firefox.ts';

function chromeManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'src/browser/manifest.json'), 'utf8'));
  return { ...manifest, version };
}

/** Firefox runs the background as an event page, has no offscreen documents and wants an add-on id. */
function firefoxManifest() {
  const { minimum_chrome_version: _chromeOnly, ...manifest } = chromeManifest();
  return {
    ...manifest,
    background: { scripts: ['background.js'] },
    permissions: manifest.permissions.filter((p) => p !== 'offscreen'),
    browser_specific_settings: {
      // data_collection_permissions (Firefox 140, Android 142): Fulcrum collects nothing.
      gecko_android: { strict_min_version: '142.0' },
      gecko: { id: 'fulcrum@fulcrum-writing.github.io', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}

export async function buildBrowser({ outDir = join(root, 'dist', 'browser') } = {}) {
  const chromeDir = join(outDir, 'chrome');
  const firefoxDir = join(outDir, 'firefox');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(chromeDir, { recursive: true });
  const options = { bundle: true, format: 'iife', platform: 'browser', target: ['chrome116', 'firefox140'], minify: true, legalComments: 'none', logLevel: 'warning', metafile: true };
  const result = await esbuild.build({ ...options, entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])), outdir: chromeDir });
  for (const file of readdirSync(join(root, 'media', 'browser'))) cpSync(join(root, 'media', 'browser', file), join(chromeDir, file));
  cpSync(join(root, 'media', 'icon.png'), join(chromeDir, 'icon.png'));
  writeFileSync(join(chromeDir, 'manifest.json'), `${JSON.stringify(chromeManifest(), null, 2)}\n`);

  cpSync(chromeDir, firefoxDir, { recursive: true, filter: (src) => !CHROME_ONLY.includes(relative(chromeDir, src)) });
  await esbuild.build({ ...options, metafile: false, entryPoints: [join(root, FIREFOX_BACKGROUND)], outfile: join(firefoxDir, 'background.js') });
  writeFileSync(join(firefoxDir, 'manifest.json'), `${JSON.stringify(firefoxManifest(), null, 2)}\n`);

  const sizes = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, out]) => [relative(chromeDir, join(root, file)), out.bytes]));
  return { chromeDir, firefoxDir, sizes };
}

/* ---------- zip (store uploads), deterministic: sorted entries, fixed dates ---------- */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = zlib.crc32 ?? ((buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
});

function filesUnder(dir, base = dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name), base) : [relative(base, join(dir, name)).split('\\').join('/')]));
}

export function zipDirectory(dir, outFile) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_DATE = (1 << 5) | 1; // 1980-01-01
  for (const name of filesUnder(dir)) {
    const data = readFileSync(join(dir, name));
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(outFile, Buffer.concat([...locals, ...centrals, end]));
  return outFile;
}

/** `web-ext lint` on the Firefox build; offline (the linter ships its rules). Returns its JSON report. */
export function lintFirefox(firefoxDir) {
  const webExt = join(root, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(webExt, ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-input', '--no-config-discovery'], { cwd: root, encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report (exit ${run.status}): ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout.slice(start));
}

export async function packageBrowser() {
  const built = await buildBrowser();
  const dist = join(root, 'dist');
  const chromeZip = zipDirectory(built.chromeDir, join(dist, `fulcrum-chrome-${version}.zip`));
  const firefoxZip = zipDirectory(built.firefoxDir, join(dist, `fulcrum-firefox-${version}.zip`));
  const report = lintFirefox(built.firefoxDir);
  return { ...built, chromeZip, firefoxZip, lint: report };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--package')) {
    const { chromeZip, firefoxZip, lint } = await packageBrowser();
    const { errors, warnings, notices } = lint.summary;
    for (const item of [...lint.errors, ...lint.warnings]) console.log(`web-ext lint ${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
    console.log(`browser: wrote ${relative(root, chromeZip)} and ${relative(root, firefoxZip)}; web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    if (errors > 0) process.exit(1);
  } else {
    const { chromeDir, firefoxDir, sizes } = await buildBrowser();
    console.log(`browser: built ${relative(root, chromeDir)} and ${relative(root, firefoxDir)} (${Object.entries(sizes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ')})`);
  }
}

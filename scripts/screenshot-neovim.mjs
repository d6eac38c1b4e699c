#!/usr/bin/env node
// Takes a real screenshot of Neovim showing Fulcrum's diagnostics, for the release notes.
//
//   node scripts/screenshot-neovim.mjs [--out file.png] [--float]
//
// Debian's Neovim (/usr/bin/nvim) starts the language server (`node bin/fulcrum.js lsp --stdio`)
// the way the README's Neovim section tells users to (vim.lsp.start on FileType markdown/text,
// through vim.lsp.start_client on Neovim 0.7, as test/lsp-neovim.test.ts does), with virtual text,
// signs and underlines on. It runs inside a detached tmux session of 140×40 on a private socket,
// on a copy of examples/review-weak.md in a temp folder. Once Neovim has the diagnostics (its Lua
// side writes a marker file), the screen is read with `tmux capture-pane -e`, its ANSI colours are
// turned into HTML, and Debian's Chromium (through playwright-core) renders that to a PNG.
// With --float, a second screenshot (<out>-float.png) shows the cursor on the most severe finding
// nearest the top and `vim.diagnostic.open_float()` open over it.
//
// Needs: `npm run build` (dist/lsp.js), /usr/bin/nvim, /usr/bin/tmux and /usr/bin/chromium
// (FULCRUM_NVIM, FULCRUM_TMUX and FULCRUM_CHROMIUM override the paths). The tmux session and the
// temp folder are removed however the script ends.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NVIM = process.env.FULCRUM_NVIM ?? '/usr/bin/nvim';
const TMUX = process.env.FULCRUM_TMUX ?? '/usr/bin/tmux';
const CHROMIUM = process.env.FULCRUM_CHROMIUM ?? '/usr/bin/chromium';
const COLS = 140;
const ROWS = 40;
const EXAMPLE = join(ROOT, 'examples', 'review-weak.md');

function usage(code) {
  console.log('Usage: node scripts/screenshot-neovim.mjs [--out file.png] [--float]');
  console.log('  --out    where to write the PNG (default /tmp/fulcrum-screenshots/neovim/neovim-diagnostics.png)');
  console.log('  --float  also write <out>-float.png, with vim.diagnostic.open_float() on a flagged line');
  process.exit(code);
}

function parseArgs(argv) {
  const options = { out: '/tmp/fulcrum-screenshots/neovim/neovim-diagnostics.png', float: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') usage(0);
    else if (arg === '--float') options.float = true;
    else if (arg === '--out') {
      if (!argv[i + 1]) fail('--out needs a file name');
      options.out = argv[++i];
    } else if (arg.startsWith('--out=')) options.out = arg.slice('--out='.length);
    else {
      console.error(`Unknown argument: ${arg}`);
      usage(2);
    }
  }
  options.out = resolve(options.out);
  return options;
}

function fail(message) {
  console.error(`screenshot-neovim: ${message}`);
  process.exit(1);
}

function checkTools() {
  const missing = [];
  if (!existsSync(NVIM)) missing.push(`Neovim is not installed (${NVIM}): apt-get install neovim`);
  if (!existsSync(TMUX)) missing.push(`tmux is not installed (${TMUX}): apt-get install tmux`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium is not installed (${CHROMIUM}): apt-get install chromium`);
  if (!existsSync(join(ROOT, 'dist', 'lsp.js'))) missing.push('the language server is not built (dist/lsp.js): run `npm run build` first');
  if (missing.length) fail(missing.join('\n  '));
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * init.lua: the README's setup (vim.lsp.start on FileType markdown/text; Neovim 0.7 takes the
 * same config through vim.lsp.start_client), diagnostics shown as virtual text, signs and
 * underlines, and two helpers for this script: a marker file written once the diagnostics have
 * arrived and stopped changing, and `fulcrum_float()`, which puts the cursor on the most severe
 * finding nearest the top and opens the diagnostic float there.
 */
function initLua(markerFile, floatMarkerFile) {
  const cmd = [process.execPath, join(ROOT, 'bin', 'fulcrum.js'), 'lsp', '--stdio'];
  return `
vim.o.background = 'dark'
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.wrap = true
vim.o.linebreak = true
vim.o.breakindent = true
vim.o.laststatus = 2
vim.o.showmode = false
vim.o.ruler = true
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. 'I'
vim.cmd('highlight SignColumn guibg=NONE')
vim.cmd('highlight LineNr guifg=#5c6370')
vim.cmd('highlight NormalFloat guibg=#2a2d3a guifg=#d8dee9')
vim.cmd('highlight FloatBorder guibg=#2a2d3a guifg=#7c8595')

vim.diagnostic.config({
  virtual_text = { spacing = 2, prefix = '■' },
  signs = true,
  underline = true,
  severity_sort = true,
  update_in_insert = false,
  float = { source = 'always', border = 'rounded', max_width = 90 },
})

local function start_fulcrum(args)
  local config = { name = 'fulcrum', cmd = vim.fn.json_decode(${JSON.stringify(JSON.stringify(cmd))}), root_dir = vim.fn.getcwd() }
  if vim.lsp.start then
    vim.lsp.start(config)
  else
    vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
  end
end
vim.api.nvim_create_autocmd('FileType', { pattern = { 'markdown', 'text' }, callback = start_fulcrum })

-- Show the review from its title down (the front matter above it is a few lines of config).
local function show_from_title()
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:match('^# ') then
      vim.api.nvim_win_set_cursor(0, { i, 0 })
      vim.fn.winrestview({ topline = i })
      return
    end
  end
end

local last, stable, waited = -1, 0, 0
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  waited = waited + 200
  local count = #vim.diagnostic.get(0)
  if count > 0 and count == last then stable = stable + 1 else stable = 0 end
  last = count
  if stable < 3 and waited < 60000 then return end
  timer:stop()
  show_from_title()
  vim.cmd('redraw!')
  vim.fn.writefile({ tostring(count) }, ${JSON.stringify(markerFile)})
end))

function _G.fulcrum_float()
  local diagnostics = vim.diagnostic.get(0)
  table.sort(diagnostics, function(a, b)
    if a.severity ~= b.severity then return a.severity < b.severity end
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  local d = diagnostics[1]
  if not d then return end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.fn.winrestview({ topline = math.max(1, d.lnum - 8) })
  vim.cmd('redraw')
  vim.api.nvim_echo({ { '' } }, false, {})
  vim.diagnostic.open_float(0, { scope = 'cursor' })
  vim.fn.writefile({ d.message }, ${JSON.stringify(floatMarkerFile)})
end
`;
}

function tmux(socket, args, { allowFailure = false } = {}) {
  const run = spawnSync(TMUX, ['-S', socket, ...args], { encoding: 'utf8' });
  if (run.status !== 0 && !allowFailure) throw new Error(`tmux ${args[0]} failed: ${run.stderr || run.error?.message || run.status}`);
  return run.stdout ?? '';
}

async function waitFor(file, socket, what) {
  const deadline = Date.now() + 90_000;
  while (!existsSync(file)) {
    const dead = tmux(socket, ['display-message', '-p', '-t', 'fulcrum', '#{pane_dead}'], { allowFailure: true }).trim();
    if (dead === '1' || Date.now() > deadline) {
      const screen = tmux(socket, ['capture-pane', '-p', '-t', 'fulcrum'], { allowFailure: true });
      throw new Error(`${dead === '1' ? 'Neovim exited' : 'timed out'} before ${what}. Screen:\n${screen}`);
    }
    await sleep(200);
  }
}

/** The screen with its colours (trailing blanks kept) and where the cursor is. */
function capture(socket) {
  const ansi = tmux(socket, ['capture-pane', '-p', '-e', '-N', '-t', 'fulcrum']);
  const [x, y] = tmux(socket, ['display-message', '-p', '-t', 'fulcrum', '#{cursor_x} #{cursor_y}']).trim().split(' ').map(Number);
  return { ansi, cursor: { x, y } };
}

// ---- ANSI to HTML -------------------------------------------------------------------------

const ESC = String.fromCharCode(27);
const FG = '#d8dee9';
const BG = '#1d2029';
// The 16 basic colours (a dark-theme palette), then the xterm 256-colour cube and greys.
const BASIC = ['#2e3440', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d8dee9', '#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#82c4ff', '#dc9cf0', '#7fd4df', '#ffffff'];
function color256(n) {
  if (n < 16) return BASIC[n];
  if (n < 232) {
    const v = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return rgb(v[Math.floor(i / 36)], v[Math.floor(i / 6) % 6], v[i % 6]);
  }
  const g = 8 + (n - 232) * 10;
  return rgb(g, g, g);
}
const rgb = (r, g, b) => `#${[r, g, b].map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('')}`;
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const initialStyle = () => ({ fg: null, bg: null, ul: null, bold: false, dim: false, italic: false, underline: 0, reverse: false, strike: false });

/** An extended colour (38/48/58) from `5;n`, `2;r;g;b` or their colon forms; returns [colour, params used]. */
function extendedColor(params, i) {
  const head = params[i];
  if (head.includes(':')) {
    const parts = head.split(':').map((p) => (p === '' ? NaN : Number(p)));
    if (parts[1] === 5) return [color256(parts[2]), 1];
    if (parts[1] === 2) {
      const c = parts.slice(2).filter((p) => !Number.isNaN(p));
      return [rgb(...c.slice(-3)), 1];
    }
    return [null, 1];
  }
  if (params[i + 1] === '5') return [color256(Number(params[i + 2])), 3];
  if (params[i + 1] === '2') return [rgb(Number(params[i + 2]), Number(params[i + 3]), Number(params[i + 4])), 5];
  return [null, 1];
}

function applySgr(style, paramText) {
  const params = paramText === '' ? ['0'] : paramText.split(';');
  for (let i = 0; i < params.length; ) {
    const p = params[i];
    const code = Number(p.split(':')[0] || 0);
    let used = 1;
    if (code === 0) Object.assign(style, initialStyle());
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = p.includes(':') ? Number(p.split(':')[1]) : 1;
    else if (code === 7) style.reverse = true;
    else if (code === 9) style.strike = true;
    else if (code === 21) style.underline = 2;
    else if (code === 22) style.bold = style.dim = false;
    else if (code === 23) style.italic = false;
    else if (code === 24) style.underline = 0;
    else if (code === 27) style.reverse = false;
    else if (code === 29) style.strike = false;
    else if (code >= 30 && code <= 37) style.fg = BASIC[code - 30];
    else if (code >= 90 && code <= 97) style.fg = BASIC[code - 90 + 8];
    else if (code >= 40 && code <= 47) style.bg = BASIC[code - 40];
    else if (code >= 100 && code <= 107) style.bg = BASIC[code - 100 + 8];
    else if (code === 39) style.fg = null;
    else if (code === 49) style.bg = null;
    else if (code === 59) style.ul = null;
    else if (code === 38 || code === 48 || code === 58) {
      const [color, n] = extendedColor(params, i);
      used = n;
      if (code === 38) style.fg = color;
      else if (code === 48) style.bg = color;
      else style.ul = color;
    }
    i += used;
  }
}

function css(style, isCursor) {
  let fg = style.fg ?? FG;
  let bg = style.bg ?? BG;
  if (style.reverse) [fg, bg] = [bg, fg];
  if (isCursor) [fg, bg] = [bg, fg === BG ? FG : fg];
  const rules = [`color:${fg}`];
  if (bg !== BG) rules.push(`background:${bg}`);
  if (style.bold) rules.push('font-weight:bold');
  if (style.dim) rules.push('opacity:0.7');
  if (style.italic) rules.push('font-style:italic');
  const lines = [];
  if (style.underline) lines.push('underline');
  if (style.strike) lines.push('line-through');
  if (lines.length) {
    const kind = { 2: 'double', 3: 'wavy', 4: 'dotted', 5: 'dashed' }[style.underline] ?? 'solid';
    rules.push(`text-decoration:${lines.join(' ')} ${style.underline ? kind : ''} ${style.ul ?? ''}`.trim());
    if (style.underline) rules.push('text-underline-offset:2px');
  }
  return rules.join(';');
}

/** One HTML row per screen row, each exactly COLS cells wide; the cursor cell drawn reversed. */
function ansiToHtml(ansi, cursor) {
  const rows = ansi.replace(/\n$/, '').split('\n').slice(0, ROWS);
  const style = initialStyle();
  const html = [];
  rows.forEach((row, y) => {
    const cells = [];
    const pattern = new RegExp(`${ESC}\\[([0-9;:]*)m|${ESC}\\[[0-9;:?]*[A-Za-z]|${ESC}[()][A-Za-z0-9]|([^${ESC}])`, 'gu');
    for (const m of row.matchAll(pattern)) {
      if (m[1] !== undefined) applySgr(style, m[1]);
      else if (m[2] !== undefined && m[2] >= ' ') cells.push({ ch: m[2], style: { ...style } });
    }
    // tmux leaves out the cleared cells at the end of a row: they are blank, in the default colours.
    while (cells.length < COLS) cells.push({ ch: ' ', style: initialStyle() });
    const spans = [];
    cells.slice(0, COLS).forEach((cell, x) => {
      const rule = css(cell.style, cursor && cursor.x === x && cursor.y === y);
      const last = spans[spans.length - 1];
      if (last && last.rule === rule) last.text += cell.ch;
      else spans.push({ rule, text: cell.ch });
    });
    html.push(`<div class="row">${spans.map((s) => `<span style="${s.rule}">${escapeHtml(s.text)}</span>`).join('')}</div>`);
  });
  return html.join('\n');
}

function page(body, title) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #0f1117; }
  body { padding: 24px; display: inline-block; }
  .window { border-radius: 10px; overflow: hidden; box-shadow: 0 10px 30px rgba(0,0,0,0.5); border: 1px solid #343846; display: inline-block; }
  .bar { background: #2a2d3a; color: #aab1bf; font: 13px/30px 'DejaVu Sans', sans-serif; text-align: center; position: relative; }
  .dots { position: absolute; left: 12px; top: 0; }
  .dots i { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 7px; vertical-align: middle; }
  .screen { background: ${BG}; color: ${FG}; padding: 10px 12px; font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 14px; line-height: 19px; }
  .row { white-space: pre; height: 19px; }
</style></head><body><div class="window" id="window">
<div class="bar"><span class="dots"><i style="background:#ff5f57"></i><i style="background:#febc2e"></i><i style="background:#28c840"></i></span>${escapeHtml(title)}</div>
<div class="screen">${body}</div>
</div></body></html>`;
}

async function render(browser, screen, title, outFile) {
  const tab = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 2 });
  try {
    await tab.setContent(page(ansiToHtml(screen.ansi, screen.cursor), title));
    await tab.evaluate('document.fonts.ready');
    mkdirSync(dirname(outFile), { recursive: true });
    await tab.locator('#window').screenshot({ path: outFile });
  } finally {
    await tab.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  checkTools();
  const { chromium } = await import('playwright-core');

  const folder = mkdtempSync(join(tmpdir(), 'fulcrum-nvim-shot-'));
  const socket = join(folder, 'tmux.sock');
  let browser;
  let tmuxStarted = false;
  const cleanup = () => {
    if (tmuxStarted) tmux(socket, ['kill-server'], { allowFailure: true });
    tmuxStarted = false;
    rmSync(folder, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    copyFileSync(EXAMPLE, join(folder, 'review.md'));
    const marker = join(folder, 'diagnostics.ready');
    const floatMarker = join(folder, 'float.ready');
    writeFileSync(join(folder, 'init.lua'), initLua(marker, floatMarker));
    // A home of its own: no user config, plugins, shada or logs from the machine.
    const home = join(folder, 'home');
    for (const dir of ['config', 'data', 'cache', 'state']) mkdirSync(join(home, dir), { recursive: true });
    writeFileSync(
      join(folder, 'tmux.conf'),
      ['set -g status off', 'set -g default-terminal tmux-256color', "set -as terminal-features ',*:RGB'", 'set -g escape-time 0', 'set -g remain-on-exit on', ''].join('\n'),
    );
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
    delete env.TMUX;
    const nvimCommand = [NVIM, '-n', '-i', 'NONE', '--noplugin', '-u', join(folder, 'init.lua'), 'review.md'];
    const started = spawnSync(TMUX, ['-S', socket, '-f', join(folder, 'tmux.conf'), 'new-session', '-d', '-s', 'fulcrum', '-x', String(COLS), '-y', String(ROWS), '-c', folder, ...nvimCommand], { env, encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`could not start tmux: ${started.stderr || started.error?.message}`);
    tmuxStarted = true;

    await waitFor(marker, socket, 'the diagnostics arrived');
    const count = Number(readFileSync(marker, 'utf8').trim());
    if (!count) throw new Error('Neovim got no diagnostics from the language server within 60 s');
    await sleep(1000); // let Neovim finish redrawing
    const screen = capture(socket);
    let float;
    if (options.float) {
      tmux(socket, ['send-keys', '-t', 'fulcrum', ':lua fulcrum_float()', 'Enter']);
      await waitFor(floatMarker, socket, 'the diagnostic float opened');
      await sleep(1000);
      float = capture(socket);
    }
    tmux(socket, ['kill-server'], { allowFailure: true });
    tmuxStarted = false;

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--headless', '--disable-dev-shm-usage'] });
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    const title = `review.md — ${version} — Fulcrum language server`;
    await render(browser, screen, title, options.out);
    console.log(`${options.out}: ${count} diagnostics from Fulcrum in ${version}`);
    if (float) {
      const floatOut = join(dirname(options.out), `${basename(options.out, extname(options.out))}-float${extname(options.out) || '.png'}`);
      await render(browser, float, title, floatOut);
      console.log(`${floatOut}: the diagnostic float on a flagged line`);
    }
  } finally {
    await browser?.close();
    cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((error) => {
  console.error(`screenshot-neovim: ${error.message}`);
  process.exit(1);
});

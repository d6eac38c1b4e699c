import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/core/index.js';
import { ROOT } from './helpers.js';
import { ensureDebianPackage } from './lsp/debian.js';

const NVIM = '/usr/bin/nvim';

/** What the Lua side writes once Neovim has the server's diagnostics for the buffer. */
interface NeovimReport {
  nvim: string;
  started: 'vim.lsp.start' | 'vim.lsp.start_client';
  client: string;
  diagnostics: Array<{ lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }>;
}

/**
 * The built-in client set up the way the README tells Neovim users to (vim.lsp.start for
 * Markdown and text buffers; Debian's Neovim 0.7 predates it, and takes the same config through
 * vim.lsp.start_client). Once diagnostics arrive, they are written out as JSON and Neovim quits.
 */
function initLua(outFile: string): string {
  const cmd = [process.execPath, join(ROOT, 'bin', 'fulcrum.js'), 'lsp', '--stdio'];
  return `
local out = ${JSON.stringify(outFile)}
local started = nil
local function start_fulcrum(args)
  local config = { name = 'fulcrum', cmd = vim.fn.json_decode(${JSON.stringify(JSON.stringify(cmd))}), root_dir = vim.fn.getcwd() }
  if vim.lsp.start then
    started = 'vim.lsp.start'
    vim.lsp.start(config)
  else
    started = 'vim.lsp.start_client'
    vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
  end
end
vim.api.nvim_create_autocmd('FileType', { pattern = { 'markdown', 'text' }, callback = start_fulcrum })

local function finish(report)
  vim.fn.writefile({ vim.fn.json_encode(report) }, out)
  vim.cmd('qall!')
end

local waited = 0
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  waited = waited + 200
  local diagnostics = vim.diagnostic.get(0)
  if #diagnostics == 0 and waited < 30000 then return end
  timer:stop()
  local clients = vim.lsp.get_active_clients()
  local list = {}
  for _, d in ipairs(diagnostics) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code })
  end
  finish({ nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), started = started, client = clients[1] and clients[1].name or '', diagnostics = list })
end))
`;
}

describe('Language server in Neovim (headless, Debian package)', function () {
  this.timeout(120_000);
  let folder: string;

  before(() => {
    ensureDebianPackage(NVIM, 'neovim');
    folder = mkdtempSync(join(tmpdir(), 'fulcrum-nvim-'));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('shows the server’s diagnostics on a weak review', async () => {
    const review = readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8');
    writeFileSync(join(folder, 'review.md'), review);
    const outFile = join(folder, 'report.json');
    writeFileSync(join(folder, 'init.lua'), initLua(outFile));
    // A home of its own: no user config, plugins, shada or logs from the machine.
    const home = join(folder, 'home');
    for (const dir of ['config', 'data', 'cache', 'state']) mkdirSync(join(home, dir), { recursive: true });
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
    const nvim = spawn(NVIM, ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', join(folder, 'init.lua'), 'review.md'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    nvim.stdout.on('data', (c: Buffer) => (output += c.toString()));
    nvim.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => nvim.on('exit', resolve));
    assert.equal(code, 0, `nvim exited with ${code}: ${output}`);
    const report = JSON.parse(readFileSync(outFile, 'utf8')) as NeovimReport;
    assert.equal(report.client, 'fulcrum');
    console.log(`      Neovim ${report.nvim} (${report.started}): ${report.diagnostics.length} diagnostics`);

    const expected = lint(review, { format: 'markdown' }).findings;
    const key = (d: { lnum: number; col: number; code: string }) => `${d.lnum}:${d.col}:${d.code}`;
    assert.deepEqual(
      report.diagnostics.map(key).sort(),
      expected.map((f) => key({ lnum: f.range.start.line - 1, col: f.range.start.column - 1, code: f.ruleId })).sort(),
    );
    for (const d of report.diagnostics) {
      const finding = expected.find((f) => f.ruleId === d.code && f.range.start.line - 1 === d.lnum && f.range.start.column - 1 === d.col)!;
      assert.equal(d.source, 'Fulcrum');
      assert.equal(d.message, finding.message);
      assert.equal(d.severity, { error: 1, warning: 2, info: 3 }[finding.severity]);
    }
  });
});

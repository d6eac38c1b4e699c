import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { ensureDebianPackage } from './lsp/debian.js';

interface Upload {
  token: string | null;
  file: string;
}

/**
 * An Open VSX registry on 127.0.0.1 that takes what `ovsx publish` uploads (POST
 * /api/-/publish?token=…) and answers as open-vsx.org does, so packaging and publishing run
 * end to end with no network.
 */
function loopbackRegistry(folder: string): Promise<{ server: Server; url: string; uploads: Upload[] }> {
  const uploads: Upload[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'POST' || url.pathname !== '/api/-/publish') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no ${request.method} ${url.pathname} here` }));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const file = join(folder, `upload-${uploads.length}.vsix`);
      writeFileSync(file, Buffer.concat(chunks));
      uploads.push({ token: url.searchParams.get('token'), file });
      const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, uploads })));
}

describe('Open VSX: ovsx packages the extension and publishes it (to a registry on 127.0.0.1)', function () {
  this.timeout(180_000);
  let folder: string;
  let registry: Awaited<ReturnType<typeof loopbackRegistry>>;

  before(async () => {
    ensureDebianPackage('/usr/bin/unzip', 'unzip');
    folder = mkdtempSync(join(tmpdir(), 'fulcrum-ovsx-'));
    registry = await loopbackRegistry(folder);
  });

  after(() => {
    registry?.server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('packages the built extension with ovsx publish and uploads exactly the files the .vsix should hold', async () => {
    const ovsx = join(ROOT, 'node_modules', '.bin', 'ovsx');
    const child = spawn(ovsx, ['publish', '--no-dependencies', '--registryUrl', registry.url, '--pat', 'offline-test-token'], { cwd: ROOT, env: { ...process.env, OVSX_PAT: '' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /Published fulcrum-writing\.fulcrum v0\.1\.0/);
    assert.equal(registry.uploads.length, 1);
    const [upload] = registry.uploads;
    assert.equal(upload.token, 'offline-test-token');
    const entries = spawnSync('unzip', ['-Z1', upload.file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    for (const required of ['extension.vsixmanifest', 'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/bin/fulcrum.js', 'extension/dist/extension.node.cjs', 'extension/dist/lsp.js', 'extension/dist/lsp-worker.js', 'extension/dist/web/extension.cjs', 'extension/dist/web/server.js', 'extension/dist/web/engine.js', 'extension/media/report.js']) {
      assert.ok(entries.includes(required), `${required} is missing from the package: ${entries.join(', ')}`);
    }
    assert.deepEqual(entries.filter((e) => /^extension\/(src|test|node_modules|out)\//.test(e) || e.endsWith('.map')), [], 'no sources, tests, modules or source maps');
  });
});

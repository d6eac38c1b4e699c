import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs a Debian package when its program is missing, as the browser suites do for Chromium:
 * `npm test` on a fresh machine (CI runs as root) brings what it needs by itself.
 */
export function ensureDebianPackage(program: string, pkg: string): void {
  if (existsSync(program)) return;
  const run = spawnSync('bash', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(program)) throw new Error(`${program} is not installed and apt-get could not install ${pkg}`);
}

import { stat, readFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, NO_CONFIG, type ConfigSource, type FoundConfig } from './configSource.js';
/** A configuration is a few kilobytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const NONE = NO_CONFIG;

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Finds `.fulcrumrc.json` for a document, from its folder upward to the workspace folder that
 * holds it (the nearest file wins, as in the CLI and VS Code). A document outside every
 * workspace folder only looks in its own folder, so a config in a shared parent such as a home
 * folder is never picked up by accident. Only files on disk (file: URIs) have a config.
 *
 * Each lookup checks the files' modification time and size, so an edited config is read again
 * even when the client cannot watch files; clients that can are asked to (see server.ts), so
 * that open documents are checked again as soon as a config changes.
 */
export class DiskConfigFiles implements ConfigSource {
  private readonly cache = new Map<string, { stamp: string; found: FoundConfig }>();

  /** `workspaceFolders` gives the folders' URIs; only those on disk (file:) count. */
  constructor(private readonly workspaceFolders: () => readonly string[]) {}

  async forDocument(uri: string): Promise<FoundConfig> {
    if (!uri.startsWith('file:')) return NONE;
    const documentPath = fileURLToPath(uri);
    const folder = this.workspaceFolders()
      .filter((f) => f.startsWith('file:'))
      .map((f) => fileURLToPath(f))
      .filter((f) => isWithin(documentPath, f))
      .sort((a, b) => b.length - a.length)[0];
    let dir = dirname(documentPath);
    for (;;) {
      const found = await this.read(join(dir, CONFIG_FILE_NAME));
      if (found) return found;
      const parent = dirname(dir);
      if (!folder || dir === folder || parent === dir || !isWithin(parent, folder)) return NONE;
      dir = parent;
    }
  }

  /** The client saw a config file change: read everything again. */
  invalidate(): void {
    this.cache.clear();
  }

  private async read(path: string): Promise<FoundConfig | null> {
    let stats;
    try {
      stats = await stat(path);
    } catch {
      this.cache.delete(path);
      return null;
    }
    const stamp = `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
    const cached = this.cache.get(path);
    if (cached?.stamp === stamp) return cached.found;
    let found: FoundConfig;
    const uri = pathToFileURL(path).href;
    if (!stats.isFile()) found = { uri, text: null, readProblem: 'it is not a regular file' };
    else if (stats.size > MAX_CONFIG_BYTES) found = { uri, text: null, readProblem: `it is ${Math.ceil(stats.size / 1024)} KB, too large for a configuration` };
    else {
      try {
        found = { uri, text: await readFile(path, 'utf8') };
      } catch (error) {
        found = { uri, text: null, readProblem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
      }
    }
    this.cache.set(path, { stamp, found });
    return found;
  }
}

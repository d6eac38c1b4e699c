import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { builtinRuleIds, builtinRules, Linter, parseConfigText, type FulcrumConfig } from '../core/index.js';
import { readRegularFile } from './files.js';

/** A configuration is a few kilobytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A configuration file's text; a pipe, a device or an oversized file is an InputError saying which. */
export function readConfigFile(file: string): string {
  return readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
}

export const CONFIG_FILE_NAME = '.fulcrumrc.json';

export interface LoadedConfig {
  /** The file the config came from, or null for the defaults. */
  path: string | null;
  config: FulcrumConfig;
  /** One line per problem, naming the file: "path: rules.x: unknown rule". */
  problems: string[];
  linter: Linter;
}

/** Is `folder` the folder `root` or inside it? */
function isWithin(folder: string, root: string): boolean {
  const path = relative(root, folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The nearest folder at or above `folder` that holds a .git folder or file (a work tree's root). */
function repositoryRoot(folder: string): string | null {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

/**
 * Finds .fulcrumrc.json from a document's folder upward and builds one Linter per config file
 * (cached). The search stops at the document's repository root; outside a repository, at the
 * folder the command runs in (or the document's own folder when it lies outside that). A config
 * in a shared parent folder such as /tmp or a home folder is never picked up by accident.
 */
export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byFolder = new Map<string, string | null>();
  private defaults: LoadedConfig | null = null;

  constructor(
    private readonly explicitPath?: string,
    private readonly workingFolder = process.cwd(),
  ) {}

  forDocument(documentPath: string): LoadedConfig {
    if (this.explicitPath) return this.load(resolve(this.explicitPath));
    const file = this.findUpward(dirname(resolve(documentPath)));
    return file ? this.load(file) : this.defaultConfig();
  }

  /** Every config that was loaded, for reporting problems once per file. */
  loaded(): LoadedConfig[] {
    return [...this.byFile.values()];
  }

  private defaultConfig(): LoadedConfig {
    this.defaults ??= { path: null, config: {}, problems: [], linter: new Linter(builtinRules) };
    return this.defaults;
  }

  /** Where the upward search from `folder` stops (inclusive). */
  private searchRoot(folder: string): string {
    const working = resolve(this.workingFolder);
    return repositoryRoot(folder) ?? (isWithin(folder, working) ? working : folder);
  }

  private findUpward(folder: string): string | null {
    const visited: string[] = [];
    const root = this.searchRoot(folder);
    let current = folder;
    let found: string | null = null;
    for (;;) {
      const cached = this.byFolder.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(current);
      const candidate = join(current, CONFIG_FILE_NAME);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(current);
      if (current === root || parent === current) break;
      current = parent;
    }
    for (const f of visited) this.byFolder.set(f, found);
    return found;
  }

  private load(file: string): LoadedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    let text: string;
    let loaded: LoadedConfig;
    try {
      text = readConfigFile(file);
      const { config, problems } = parseConfigText(text, builtinRuleIds);
      loaded = { path: file, config, problems: problems.map((p) => `${file}: ${p.path === '$' ? '' : `${p.path}: `}${p.message}`), linter: new Linter(builtinRules, config) };
    } catch (error) {
      loaded = { path: file, config: {}, problems: [`${file}: cannot read the configuration (${(error as Error).message})`], linter: new Linter(builtinRules) };
    }
    this.byFile.set(file, loaded);
    return loaded;
  }
}

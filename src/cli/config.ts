import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/** Finds .fulcrumrc.json from a folder upward and builds one Linter per config file (cached). */
export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byFolder = new Map<string, string | null>();
  private defaults: LoadedConfig | null = null;

  constructor(private readonly explicitPath?: string) {}

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

  private findUpward(folder: string): string | null {
    const visited: string[] = [];
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
      if (parent === current) break;
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

import type { Connection } from 'vscode-languageserver';
import { readSettings, type EditorSettings } from '../editor/convert.js';
import { readBudgets, type Budgets } from '../host/budgets.js';

/** The `fulcrum.*` settings, the same keys as the VS Code extension's (package.json contributes.configuration). */
export interface ServerSettings {
  editor: EditorSettings;
  budgets: Budgets;
}

export function readServerSettings(section: unknown): ServerSettings {
  const values = section && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>) : {};
  return { editor: readSettings((key) => values[key] as never), budgets: readBudgets((key) => values[key]) };
}

/**
 * Where settings come from. A client that supports workspace/configuration is asked for the
 * `fulcrum` section per document (so a workspace folder can differ); the answer is kept until
 * didChangeConfiguration says it changed. Other clients push `{ "fulcrum": { … } }` in
 * didChangeConfiguration, or in initializationOptions before the first push.
 */
export class SettingsSource {
  private readonly pulled = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = readServerSettings(sectionOf(initializationOptions));
  }

  /** Settings for a document (its URI scopes the request), or for the server as a whole. */
  get(scopeUri?: string): Promise<ServerSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let settings = this.pulled.get(key);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration(scopeUri === undefined ? { section: 'fulcrum' } : { scopeUri, section: 'fulcrum' })
        .then(readServerSettings, () => readServerSettings(undefined));
      this.pulled.set(key, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: pulled settings are stale; pushed ones are in the notification. */
  changed(settings: unknown): void {
    this.pulled.clear();
    if (!this.pull) this.pushed = readServerSettings(sectionOf(settings));
  }

  /** A closed document's scope is asked again if it opens again (and the map stays small). */
  forget(scopeUri: string): void {
    this.pulled.delete(scopeUri);
  }
}

function sectionOf(settings: unknown): unknown {
  return settings && typeof settings === 'object' ? (settings as Record<string, unknown>).fulcrum : undefined;
}

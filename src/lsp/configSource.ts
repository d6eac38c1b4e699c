import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_REQUEST, type ConfigFileReply } from '../editor/lspProtocol.js';

export const CONFIG_FILE_NAME = '.fulcrumrc.json';

/** The config that applies to a document: its file and raw text (the engine parses and validates it). */
export interface FoundConfig {
  /** The config file's URI, or null when none applies. */
  uri: string | null;
  text: string | null;
  /** The file is there but cannot be read as a config (a folder, too large, no permission). */
  readProblem?: string;
}

/** Where the server gets `.fulcrumrc.json` from: the disk (Node), the client (VS Code), or nowhere. */
export interface ConfigSource {
  forDocument(uri: string): Promise<FoundConfig>;
  /** Config files changed: read them again. */
  invalidate(): void;
}

export const NO_CONFIG: FoundConfig = { uri: null, text: null };

/** A server that cannot read files (a web worker) and a client that does not offer to: defaults only. */
export const noConfigFiles: ConfigSource = { forDocument: () => Promise.resolve(NO_CONFIG), invalidate: () => undefined };

/**
 * Config files read by the client (`fulcrum/configFile`), which sees every workspace the editor
 * can open, virtual and remote ones included, and caches them itself until they change. A client
 * that fails to answer leaves the defaults: a lint must not fail over a config.
 */
export function clientConfigFiles(connection: Connection): ConfigSource {
  return {
    forDocument: (uri) =>
      connection.sendRequest<ConfigFileReply>(CONFIG_FILE_REQUEST, { textDocument: { uri } }).then(
        (reply) => (reply?.uri ? { uri: reply.uri, text: reply.text } : NO_CONFIG),
        () => NO_CONFIG,
      ),
    invalidate: () => undefined,
  };
}

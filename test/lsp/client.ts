import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import { ROOT } from '../helpers.js';

export interface ClientOptions {
  capabilities: ClientCapabilities;
  /** Workspace folders (paths). */
  folders?: string[];
  /** The `fulcrum` section answered to workspace/configuration, per scope URI ('' for no scope). */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
}

/**
 * A plain LSP client over stdio for the tests: it spawns `node bin/fulcrum.js lsp --stdio`, answers
 * the server's requests (workspace/configuration, client/registerCapability) and keeps every
 * notification it receives, so a test can wait for the diagnostics of a given version.
 */
export class StdioClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly configurationRequests: Array<Array<{ scopeUri?: string; section?: string }>> = [];
  private readonly diagnostics: PublishDiagnosticsParams[] = [];
  private readonly listeners = new Set<() => void>();
  stderr = '';

  constructor(private readonly options: ClientOptions) {
    this.process = spawn(process.execPath, [join(ROOT, 'bin', 'fulcrum.js'), 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.record(() => this.diagnostics.push(params)));
    this.connection.onNotification('window/showMessage', (params: ShowMessageParams) => this.record(() => this.messages.push(params)));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      this.configurationRequests.push(params.items);
      return params.items.map((item) => (item.section === 'fulcrum' ? (options.settings?.(item.scopeUri) ?? null) : null));
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.record(() => this.registrations.push(...params.registrations));
      return null;
    });
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const folders = this.options.folders ?? [];
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })),
      capabilities: this.options.capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as never;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Diagnostics published for `uri` at `version` (or any version, when none is given), waiting up to `timeoutMs`. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<Diagnostic[]> {
    return this.waitFor(
      () => this.diagnostics.find((d) => d.uri === uri && (version === undefined || d.version === version))?.diagnostics,
      timeoutMs,
      `diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`,
    );
  }

  /** All diagnostics notifications for `uri`, in the order they came. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.uri === uri);
  }

  waitForMessage(matches: (m: ShowMessageParams) => boolean, timeoutMs = 20_000): Promise<ShowMessageParams> {
    return this.waitFor(() => this.messages.find(matches), timeoutMs, 'a window/showMessage');
  }

  waitFor<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = found();
        if (value === undefined) return false;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(value);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(listener);
    });
  }

  /** Asks the server to shut down and exit; resolves with its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  private record(add: () => void): void {
    add();
    for (const listener of [...this.listeners]) listener();
  }
}

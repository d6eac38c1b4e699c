import * as vscode from 'vscode';

export const CONFIG_FILE_NAME = '.fulcrumrc.json';

/** A config file's raw text: the engine (in the worker) parses and validates it. */
export interface LoadedFileConfig {
  uri: vscode.Uri | null;
  text: string | null;
}

const NONE: LoadedFileConfig = { uri: null, text: null };

/**
 * Finds and reads .fulcrumrc.json from a document's folder upward to its workspace folder,
 * through workspace.fs so it works on the desktop and on vscode.dev alike; the language server
 * asks for it (fulcrum/configFile) before each lint. Results are cached per config file until
 * the file watcher says it changed, so a keystroke costs no file system call.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly byFile = new Map<string, Promise<LoadedFileConfig>>();
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = (uri: vscode.Uri) => {
      this.byFile.delete(uri.toString());
      this.changed.fire();
    };
    this.watcher.onDidChange(invalidate);
    this.watcher.onDidCreate(invalidate);
    this.watcher.onDidDelete(invalidate);
  }

  async forDocument(documentUri: vscode.Uri): Promise<LoadedFileConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(documentUri);
    if (!folder || documentUri.scheme === 'untitled') return NONE;
    let dir = vscode.Uri.joinPath(documentUri, '..');
    for (let depth = 0; depth < 50; depth++) {
      const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
      const loaded = await this.load(candidate);
      if (loaded) return loaded;
      if (dir.path === folder.uri.path || dir.path === '/' || !dir.path.startsWith(folder.uri.path)) break;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return NONE;
  }

  private load(uri: vscode.Uri): Promise<LoadedFileConfig | null> {
    const key = uri.toString();
    let pending = this.byFile.get(key);
    if (!pending) {
      pending = (async () => {
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(uri);
        } catch {
          return NONE;
        }
        return { uri, text: new TextDecoder().decode(bytes) };
      })();
      this.byFile.set(key, pending);
    }
    return pending.then((loaded) => (loaded.uri ? loaded : null));
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}

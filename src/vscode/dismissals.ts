import * as vscode from 'vscode';
import { parseDismissals, type Dismissal } from '../core/dismissals.js';

/**
 * Findings dismissed with "Not an issue", kept in the extension's global storage on this
 * machine (never synced, never sent). `Fulcrum: Export Dismissed Findings` saves them for
 * `fulcrum feedback export`, which turns them into test cases.
 */
export class DismissalStore {
  private dismissals: Dismissal[] = [];
  private loaded: Promise<void> | undefined;

  constructor(private readonly folder: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, 'dismissals.json');
  }

  /** Reads the file once; a missing or damaged file means none yet (a damaged one is kept until the next write). */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(this.file);
        this.dismissals = parseDismissals(JSON.parse(new TextDecoder().decode(bytes))).dismissals;
      } catch {
        this.dismissals = [];
      }
    })();
    return this.loaded;
  }

  async all(): Promise<Dismissal[]> {
    await this.load();
    return this.dismissals;
  }

  /** What is known so far, without waiting: all of them once `all()` has been awaited. */
  known(): Dismissal[] {
    return this.dismissals;
  }

  async add(dismissal: Dismissal): Promise<void> {
    await this.load();
    this.dismissals = [...this.dismissals, dismissal];
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.file, this.encode());
  }

  async exportTo(target: vscode.Uri): Promise<number> {
    await this.load();
    await vscode.workspace.fs.writeFile(target, this.encode());
    return this.dismissals.length;
  }

  private encode(): Uint8Array {
    return new TextEncoder().encode(`${JSON.stringify({ dismissals: this.dismissals }, null, 2)}\n`);
  }
}

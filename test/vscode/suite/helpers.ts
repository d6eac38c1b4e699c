import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/**
 * Shared helpers for the integration suite. Everything goes through the public `vscode`
 * API: files are written into the first workspace folder, opened in an editor, and the
 * suite waits for the diagnostics the extension publishes.
 */

export const EXTENSION_ID = 'fulcrum-writing.fulcrum';
export const SOURCE = 'Fulcrum';

/** A review with known problems; the line comments give the 0-based line numbers the tests rely on. */
export const REVIEW = [
  '---', // 0
  'fulcrum:', // 1
  '  profile: review', // 2
  '---', // 3
  '# Review: Sam', // 4
  '', // 5
  'Sam should utilize the new dashboard to track incidents.', // 6   clarity/corporate-jargon (info, safe fix "use")
  '', // 7
  'We need to leverage the on-call rotation better.', // 8   clarity/corporate-jargon (info, safe fix "use")
  '', // 9
  'Sam is lazy about code reviews.', // 10  feedback/personality-judgement (warning)
  '', // 11
  'I think maybe the release notes were a bit late.', // 12  clarity/hedged-criticism x2 (info, deletions offered but not safe)
  '', // 13
  'Please send me the revised budget ASAP.', // 14  expectations/vague-time (warning, snippet fix "by [date]")
  '',
].join('\n');

export const JARGON = 'clarity/corporate-jargon';
export const PERSONALITY = 'feedback/personality-judgement';
export const HEDGE = 'clarity/hedged-criticism';
export const VAGUE_TIME = 'expectations/vague-time';

/** Hard limit for anything that waits on the extension: the worker starts lazily and the machine may be slow. */
export const WAIT_MS = 30_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined/false, or fails with `what` and the last state. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = WAIT_MS, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `\n  last state: ${describe()}` : ''}`);
    await sleep(50);
  }
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs a workspace folder');
  return folder.uri;
}

let counter = 0;

/** A fresh folder inside the workspace for one test, so config files and documents never leak between tests. */
export async function scratchFolder(label: string): Promise<vscode.Uri> {
  counter++;
  const uri = vscode.Uri.joinPath(workspaceFolder(), `t-${Date.now().toString(36)}-${counter}-${label}`);
  await vscode.workspace.fs.createDirectory(uri);
  return uri;
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Activates Fulcrum (as opening a Markdown file would) and checks its contributions are in place. */
export async function activateFulcrum(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  await extension.activate();
}

/** Opens a file in an editor, the way a person would, and returns its document. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export function fulcrumDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (ruleId === undefined || ruleIdOf(d) === ruleId));
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function summarize(uri: vscode.Uri): string {
  const list = fulcrumDiagnostics(uri);
  if (list.length === 0) return 'no Fulcrum diagnostics';
  return list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleIdOf(d)}`).join(', ');
}

/** Waits until the Fulcrum diagnostics of `uri` satisfy `ready`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ready: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} (${vscode.workspace.asRelativePath(uri)})`,
    () => {
      const list = fulcrumDiagnostics(uri);
      return ready(list) ? list : undefined;
    },
    timeoutMs,
    () => summarize(uri),
  );
}

/** The count of diagnostics per rule id. */
export function countByRule(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) {
    const id = ruleIdOf(d) ?? '?';
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Waits until the document has been analysed in full (every rule of REVIEW reported). */
export function waitForReview(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, 'the review to be analysed', (list) => {
    const counts = countByRule(list);
    return counts[JARGON] === 2 && counts[PERSONALITY] === 1 && counts[HEDGE] === 2 && counts[VAGUE_TIME] === 1;
  });
}

/** The range of the `occurrence`-th (0-based) `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(text, offset + 1);
    assert.ok(offset >= 0, `"${text}" (#${occurrence}) is not in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** The diagnostic of `ruleId` that covers exactly `range`. */
export function diagnosticAt(uri: vscode.Uri, ruleId: string, range: vscode.Range): vscode.Diagnostic {
  const found = fulcrumDiagnostics(uri, ruleId).find((d) => d.range.isEqual(range));
  assert.ok(found, `no ${ruleId} diagnostic at ${range.start.line + 1}:${range.start.character + 1}; have ${summarize(uri)}`);
  return found;
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  // Actions come back as CodeAction objects; a bare Command would be a provider that returned only a command.
  return (actions ?? []).filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction);
}

/** Code actions until the provider has caught up with the current version of the document. */
export async function waitForCodeActions(uri: vscode.Uri, range: vscode.Range, what: string, ready: (actions: vscode.CodeAction[]) => boolean, kind?: string): Promise<vscode.CodeAction[]> {
  let last: vscode.CodeAction[] = [];
  return waitFor(
    what,
    async () => {
      last = await codeActions(uri, range, kind);
      return ready(last) ? last : undefined;
    },
    WAIT_MS,
    () => (last.length ? last.map((a) => a.title).join(' | ') : 'no code actions'),
  );
}

/** Sets `<section>.<key>` in the workspace settings for the length of `body`, then puts back what was there. */
export async function withSettingIn<T>(section: string, key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const before = vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue;
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Workspace);
  }
}

/** Sets `fulcrum.<key>` in the workspace settings for the length of `body`, then puts back what was there. */
export function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  return withSettingIn('fulcrum', key, value, body);
}

/** Closes every editor without saving (a dirty editor would otherwise ask) and deletes what the test wrote. */
export async function cleanUp(...uris: vscode.Uri[]): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    // The editor may refuse to open a document while another editor is opening ("Could NOT open
    // editor … because another editor opened in the meantime"): wait a moment and try again.
    for (let attempt = 0; attempt < 5 && document.isDirty && !document.isClosed; attempt++) {
      try {
        await vscode.window.showTextDocument(document, { preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of uris) {
    try {
      await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
    } catch {
      // already gone
    }
  }
}

/** The text a WorkspaceEdit would leave in `document`, without applying it. */
export function applyEditsToText(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const edits = edit.get(document.uri).map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }));
  edits.sort((a, b) => b.start - a.start);
  let text = document.getText();
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

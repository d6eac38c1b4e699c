import * as vscode from 'vscode';
import type { FolderData, ReportData } from '../report/reportData.js';
import type { WebviewMessage } from './webview/protocol.js';

/** A nonce for the webview's one script, from the platform's CSPRNG (desktop and web alike). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The page shell: a strict CSP (nothing but our own stylesheet and one nonce'd script
 * from media/), no inline script, and an empty root the script fills from posted data.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>${title.replace(/[<>&"]/g, '')}</title></head>
<body><main id="root" aria-live="polite"><p class="loading">Scoring…</p></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
}

function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** "Fulcrum: Score Document": one panel that follows the document it was opened for. */
export class DocumentReport implements vscode.Disposable {
  private static current: DocumentReport | undefined;
  private data: ReportData | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, document: vscode.TextDocument, data: ReportData): DocumentReport {
    if (DocumentReport.current) {
      DocumentReport.current.document = document;
      DocumentReport.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel('fulcrum.report', 'Fulcrum score', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(extensionUri));
      DocumentReport.current = new DocumentReport(panel, extensionUri, document);
    }
    DocumentReport.current.update(document, data);
    return DocumentReport.current;
  }

  /** The document the open report is for, if one is open: it follows that document as it changes. */
  static get shownDocument(): vscode.TextDocument | undefined {
    return DocumentReport.current?.document;
  }

  /** New data for the document the report shows (ignored if the report now shows another). */
  static refresh(document: vscode.TextDocument, data: ReportData): void {
    const report = DocumentReport.current;
    if (report && report.document.uri.toString() === document.uri.toString()) report.update(document, data);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private document: vscode.TextDocument,
  ) {
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'Fulcrum score');
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message), null, this.disposables);
  }

  private update(document: vscode.TextDocument, data: ReportData): void {
    this.document = document;
    this.data = data;
    this.panel.title = `Fulcrum ${data.overall}: ${document.uri.path.split('/').pop()}`;
    if (this.ready) void this.panel.webview.postMessage({ type: 'document', data: this.data });
  }

  private async receive(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') {
      this.ready = true;
      if (this.data) void this.panel.webview.postMessage({ type: 'document', data: this.data });
    } else if (message.type === 'reveal') {
      const editor = await vscode.window.showTextDocument(this.document, vscode.ViewColumn.One);
      const range = new vscode.Range(this.document.positionAt(message.offset), this.document.positionAt(message.end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    if (DocumentReport.current === this) DocumentReport.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** "Fulcrum: Score Folder": a sortable table of every document under a folder, exportable as CSV. */
export function showFolderReport(extensionUri: vscode.Uri, folder: vscode.Uri, data: FolderData, csv: string): void {
  const panel = vscode.window.createWebviewPanel('fulcrum.folder', `Fulcrum: ${data.folder}`, vscode.ViewColumn.Active, panelOptions(extensionUri));
  panel.webview.html = webviewHtml(panel.webview, extensionUri, `Fulcrum: ${data.folder}`);
  panel.webview.onDidReceiveMessage(async (message: WebviewMessage) => {
    if (message.type === 'ready') void panel.webview.postMessage({ type: 'folder', data });
    else if (message.type === 'open') await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, message.path));
    else if (message.type === 'export') {
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, 'fulcrum-scores.csv'), filters: { CSV: ['csv'] } });
      if (target) {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${csv}\n`));
        void vscode.window.showInformationMessage(`Fulcrum: scores saved to ${vscode.workspace.asRelativePath(target)}`);
      }
    }
  });
}

/// <reference lib="dom" />
/**
 * The score report inside the webview. It receives plain data from the extension and
 * builds the page with DOM calls: document text and file names only ever become text
 * nodes (textContent), never HTML, so nothing in a document can run here.
 */
import { balanceChart, categoryChart, REPORT_SIZE, scoreTable, scoreTone } from '../../report/domCharts.js';
import type { FolderData, ReportData } from '../../report/reportData.js';
import type { WebviewMessage } from './protocol.js';

declare function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void };
const vscodeApi = acquireVsCodeApi();
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const tone = scoreTone;

function card(title: string, ...children: Node[]): HTMLElement {
  const section = el('section', 'card');
  section.append(el('h2', undefined, title), ...children);
  return section;
}

function renderDocument(root: HTMLElement, data: ReportData): void {
  const header = el('header');
  const score = el('div', `overall ${tone(data.overall)}`);
  score.append(el('span', 'number', String(data.overall)), el('span', 'outof', '/100'));
  header.append(score, el('div', 'file', data.fileName), el('div', 'profile', data.profile));

  const gaps = el('ul', 'gaps');
  for (const gap of data.gaps) {
    const item = el('li');
    const box = el('input');
    box.type = 'checkbox';
    box.disabled = true;
    item.append(box, document.createTextNode(` ${gap.message}`));
    gaps.append(item);
  }
  if (data.gaps.length === 0) gaps.append(el('li', 'none', 'Nothing missing: next steps, check-ins and the why are there.'));

  const list = el('ol', 'findings');
  for (const finding of data.findings) {
    const item = el('li', `finding ${finding.severity}`);
    const link = el('a', undefined, `${finding.line}:${finding.column}`);
    link.href = '#';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscodeApi.postMessage({ type: 'reveal', offset: finding.offset, end: finding.end });
    });
    item.append(link, el('span', 'message', ` ${finding.message} `), el('code', undefined, finding.ruleId));
    list.append(item);
  }
  if (data.findings.length === 0) list.append(el('li', 'none', 'No inline findings.'));

  const grid = el('div', 'grid');
  grid.append(card('Categories', categoryChart(data, REPORT_SIZE)), card('Leadership / management balance', balanceChart(data, REPORT_SIZE), el('p', 'summary', data.balance.summary)));
  root.replaceChildren(header, grid, card('How the score was made', scoreTable(data)), card('Gaps in the document', gaps), card(data.omitted ? `Findings (first ${data.findings.length}; ${data.omitted} more not listed)` : `Findings (${data.findings.length})`, list));
}

function renderFolder(root: HTMLElement, data: FolderData): void {
  let sortKey: 'path' | 'profile' | 'score' = 'score';
  let ascending = true;
  const table = el('table', 'folder');
  const draw = () => {
    const rows = [...data.rows].sort((a, b) => {
      const order = sortKey === 'score' ? a.score - b.score : a[sortKey].localeCompare(b[sortKey]);
      return ascending ? order : -order;
    });
    const head = el('thead');
    const headRow = el('tr');
    for (const [key, label] of [['path', 'File'], ['profile', 'Profile'], ['score', 'Score']] as const) {
      const th = el('th', 'sortable', `${label}${sortKey === key ? (ascending ? ' ▲' : ' ▼') : ''}`);
      th.addEventListener('click', () => {
        ascending = sortKey === key ? !ascending : true;
        sortKey = key;
        draw();
      });
      headRow.append(th);
    }
    headRow.append(el('th', undefined, 'Top gaps'));
    head.append(headRow);
    const body = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      const file = el('a', undefined, row.path);
      file.href = '#';
      file.addEventListener('click', (event) => {
        event.preventDefault();
        vscodeApi.postMessage({ type: 'open', path: row.path });
      });
      const fileCell = el('td');
      fileCell.append(file);
      tr.append(fileCell, el('td', undefined, row.profile), el('td', `score ${tone(row.score)}`, String(row.score)), el('td', undefined, row.gaps.join(', ') || '—'));
      body.append(tr);
    }
    table.replaceChildren(head, body);
  };
  draw();
  const exportButton = el('button', undefined, 'Export CSV');
  exportButton.addEventListener('click', () => vscodeApi.postMessage({ type: 'export' }));
  const header = el('header');
  header.append(el('div', 'file', `${data.folder}: ${data.rows.length} documents, mean score ${data.mean}`), exportButton);
  root.replaceChildren(header, table);
}

window.addEventListener('message', (event: MessageEvent<{ type: string; data: unknown }>) => {
  const root = document.getElementById('root');
  if (!root) return;
  if (event.data.type === 'document') renderDocument(root, event.data.data as ReportData);
  if (event.data.type === 'folder') renderFolder(root, event.data.data as FolderData);
});
vscodeApi.postMessage({ type: 'ready' });

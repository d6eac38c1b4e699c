/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The toolbar popup: the focused field's score, category bars, the balance across the nine
 * dimensions and the document-level gaps; or, on a site Fulcrum may not run on yet, the
 * button that asks the browser for that one site. `popup.html?tab=ID` shows a given tab.
 */
import { reportData, type ReportData } from '../../report/reportData.js';
import { scoreTone, tabStateKey, type FieldReport, type TabMessage, type TabState } from '../protocol.js';
import { sitePattern } from '../sites.js';
import { balanceChart, categoryChart, POPUP_SIZE, scoreTable } from '../../report/domCharts.js';

const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function section(title: string, ...children: Node[]): HTMLElement {
  const box = el('section');
  box.append(el('h2', undefined, title), ...children);
  return box;
}

async function targetTab(): Promise<chrome.tabs.Tab | undefined> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return chrome.tabs.get(asked);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function renderMessage(text: string, ...extra: Node[]): void {
  const box = el('div', 'message');
  box.append(el('p', undefined, text), ...extra);
  root.replaceChildren(box);
}

function renderReport(data: ReportData, report: FieldReport): void {
  const header = el('header');
  const score = el('div', `overall ${scoreTone(data.overall)}`);
  score.append(el('span', 'number', String(data.overall)), el('span', 'outof', '/100'));
  const about = el('div', 'about');
  const inline = report.result.findings.filter((f) => f.scope === 'inline').length + report.omitted;
  about.append(el('div', 'field', report.field), el('div', 'profile', `${data.profile} · ${inline} underlined`));
  // A guessed kind says where to set it: the kind decides which parts the text is checked for.
  if (report.result.profileSource === 'unsure') about.append(el('div', 'profile', 'Not sure what kind of text this is: set it in Options.'));
  header.append(score, about);

  const gaps = el('ul', 'gaps');
  for (const gap of data.gaps) {
    const item = el('li');
    item.append(el('code', undefined, gap.ruleId), el('span', undefined, gap.message));
    gaps.append(item);
  }
  if (data.gaps.length === 0) gaps.append(el('li', 'none', 'Nothing missing: next steps, check-ins and the why are there.'));

  root.replaceChildren(
    header,
    section('Gaps in the text', gaps),
    section('How the score was made', scoreTable(data)),
    section('Categories', categoryChart(data, POPUP_SIZE)),
    section('Leadership / management balance', balanceChart(data, POPUP_SIZE), el('p', 'summary', data.balance.summary)),
  );
}

async function enableButton(tabId: number, pattern: string, host: string): Promise<HTMLButtonElement> {
  const button = el('button', 'primary', `Turn on for ${host}`);
  button.addEventListener('click', async () => {
    // The browser asks the user; only this one site is requested.
    const granted = await chrome.permissions.request({ origins: [pattern] });
    if (!granted) return;
    await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] });
    renderMessage(`Fulcrum is on for ${host}. Click into a text field to check it.`);
  });
  return button;
}

async function show(): Promise<void> {
  const tab = await targetTab();
  if (tab?.id === undefined) return renderMessage('No tab to check.');
  // Without access to the site (and without a click on the toolbar button, which grants activeTab) the URL stays hidden.
  if (!tab.url) return renderMessage('Fulcrum is not on for this site. Click the Fulcrum button while on the site to turn it on there, or add the site in Options.');
  const pattern = sitePattern(tab.url);
  if (!pattern) return renderMessage('Fulcrum checks text fields on web pages (http and https).');
  const host = new URL(tab.url!).hostname;
  if (!(await chrome.permissions.contains({ origins: [pattern] }))) {
    return renderMessage(`Fulcrum is off on ${host}. It only runs on sites you turn it on for, and nothing you type leaves your browser.`, await enableButton(tab.id, pattern, host));
  }
  const key = tabStateKey(tab.id);
  const state = (await chrome.storage.session.get(key))[key] as TabState | undefined;
  if (!state || state.score === null) return renderMessage('Click into a multi-line text field on this page to check it.');
  const message: TabMessage = { type: 'fulcrum:report' };
  const report = (await chrome.tabs.sendMessage(tab.id, message, { frameId: state.frameId }).catch(() => undefined)) as FieldReport | undefined;
  if (!report) return renderMessage('Click into a multi-line text field on this page to check it.');
  renderReport(reportData(report.field, report.result, report.omitted), report);
}

document.getElementById('options')?.addEventListener('click', (event) => {
  event.preventDefault();
  void chrome.runtime.openOptionsPage();
});
// The popup follows the typing: each new analysis of the field updates the tab's state.
chrome.storage.session.onChanged.addListener(() => void show());
void show();

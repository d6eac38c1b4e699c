/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The options page: the profile, each rule on or off and its severity, and the sites
 * Fulcrum runs on. Every change is saved to chrome.storage.local at once; open pages
 * listen for it and re-check their fields, so nothing needs a reload.
 */
import { builtinRules } from '../../generated/builtinRules.js';
import { CATEGORIES, type ProfileSetting, type RuleSetting } from '../../core/types.js';
import { BUDGET_RANGES, type Budgets } from '../../host/budgets.js';
import { DISMISSALS_KEY, normaliseSettings, readDismissals, SETTINGS_KEY, SITES_KEY, type BrowserSettings } from '../settings.js';
import { describePattern, sitePattern, webPatterns } from '../sites.js';

const ALL_SITES = ['http://*/*', 'https://*/*'];
let settings: BrowserSettings;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const status = document.getElementById('status')!;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

async function save(): Promise<void> {
  await chrome.storage.local.set({ [SETTINGS_KEY]: settings });
  status.textContent = 'Saved. Open pages use it now.';
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (status.textContent = ''), 2500);
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const node = el('option', undefined, label);
  node.value = value;
  node.selected = selected;
  return node;
}

function renderProfile(): void {
  const select = document.getElementById('profile') as HTMLSelectElement;
  const labels: Record<ProfileSetting, string> = { auto: 'Detect from the text', review: 'Performance review', 'one-on-one': '1:1 notes', announcement: 'Announcement' };
  select.replaceChildren(...(Object.keys(labels) as ProfileSetting[]).map((p) => option(p, labels[p], settings.profile === p)));
  select.onchange = () => {
    settings = { ...settings, profile: select.value as ProfileSetting };
    void save();
  };
}

function renderRules(): void {
  const table = document.getElementById('rules')!;
  const body = el('tbody');
  for (const category of CATEGORIES) {
    const rules = builtinRules.filter((r) => r.category === category);
    if (!rules.length) continue;
    const head = el('tr', 'category');
    const cell = el('th', undefined, category);
    cell.colSpan = 2;
    head.append(cell);
    body.append(head);
    for (const rule of rules) {
      const row = el('tr');
      row.dataset.rule = rule.id;
      const name = el('td');
      name.append(el('div', 'title', rule.title), el('code', undefined, rule.id));
      name.title = rule.rationale;
      const select = el('select');
      select.setAttribute('aria-label', `${rule.title}: on, off or severity`);
      const current = settings.rules[rule.id];
      select.append(
        option('default', `On (${rule.severity})`, current === undefined || current === 'on'),
        option('off', 'Off', current === 'off'),
        option('error', 'Error', current === 'error'),
        option('warning', 'Warning', current === 'warning'),
        option('info', 'Info', current === 'info'),
      );
      select.onchange = () => {
        const rulesNow = { ...settings.rules };
        if (select.value === 'default') delete rulesNow[rule.id];
        else rulesNow[rule.id] = select.value as RuleSetting;
        settings = { ...settings, rules: rulesNow };
        void save();
      };
      const control = el('td');
      control.append(select);
      row.append(name, control);
      body.append(row);
    }
  }
  table.replaceChildren(body);
}

/** The time budget and the size cap: a number in range is saved; anything else is refused and the saved value shown again. */
function renderLimits(): void {
  const message = document.getElementById('limit-message')!;
  const inputs: Array<[string, keyof Budgets, string]> = [
    ['time-budget', 'timeBudgetSeconds', 'seconds'],
    ['max-size', 'maxDocumentKilobytes', 'KB'],
  ];
  for (const [id, key, unit] of inputs) {
    const input = document.getElementById(id) as HTMLInputElement;
    input.value = String(settings[key]);
    input.onchange = () => {
      const value = Number(input.value);
      const { min, max } = BUDGET_RANGES[key];
      if (input.value.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
        message.textContent = `Type a number from ${min} to ${max} ${unit}.`;
        input.value = String(settings[key]);
        return;
      }
      message.textContent = '';
      settings = { ...settings, [key]: value };
      void save();
    };
  }
}

async function renderSites(): Promise<void> {
  const list = document.getElementById('sites')!;
  const { origins = [] } = await chrome.permissions.getAll();
  const patterns = webPatterns(origins);
  list.replaceChildren();
  if (patterns.length === 0) list.append(el('li', 'none', 'No sites yet. Turn Fulcrum on for a site from the toolbar button while you are on it, or add it here.'));
  for (const pattern of patterns) {
    const item = el('li');
    item.dataset.pattern = pattern;
    const remove = el('button', undefined, 'Remove');
    remove.addEventListener('click', async () => {
      await chrome.permissions.remove({ origins: [pattern] });
      await renderSites();
    });
    item.append(el('span', undefined, describePattern(pattern)), remove);
    list.append(item);
  }
  (document.getElementById('all-sites') as HTMLButtonElement).disabled = ALL_SITES.every((p) => patterns.includes(p));
}

async function request(origins: string[]): Promise<void> {
  // The browser asks the user; a refusal changes nothing.
  if (await chrome.permissions.request({ origins })) await renderSites();
}

function setUpSiteControls(): void {
  const input = document.getElementById('new-site') as HTMLInputElement;
  const message = document.getElementById('site-message')!;
  document.getElementById('add-site')!.addEventListener('click', () => {
    const raw = input.value.trim();
    const pattern = sitePattern(/^https?:\/\//.test(raw) ? raw : `https://${raw}`);
    message.textContent = pattern ? '' : 'Type a web address such as https://hr.example.com';
    if (pattern) void request([pattern]).then(() => (input.value = ''));
  });
  document.getElementById('all-sites')!.addEventListener('click', () => void request(ALL_SITES));
}

/** The dismissed findings: how many, download them (for `fulcrum feedback export`), or forget them. */
async function renderDismissals(): Promise<void> {
  const dismissals = readDismissals((await chrome.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY]);
  document.getElementById('dismissed-count')!.textContent = dismissals.length === 1 ? '1 finding dismissed.' : `${dismissals.length} findings dismissed.`;
  (document.getElementById('download-dismissed') as HTMLButtonElement).disabled = dismissals.length === 0;
  (document.getElementById('forget-dismissed') as HTMLButtonElement).disabled = dismissals.length === 0;
}

function setUpDismissalControls(): void {
  document.getElementById('download-dismissed')!.addEventListener('click', async () => {
    const dismissals = readDismissals((await chrome.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY]);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${JSON.stringify({ dismissals }, null, 2)}\n`], { type: 'application/json' }));
    link.download = 'fulcrum-dismissals.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  document.getElementById('forget-dismissed')!.addEventListener('click', () => void chrome.storage.local.set({ [DISMISSALS_KEY]: [] }));
}

async function start(): Promise<void> {
  settings = normaliseSettings((await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  renderProfile();
  renderRules();
  renderLimits();
  setUpSiteControls();
  setUpDismissalControls();
  await renderSites();
  await renderDismissals();
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SITES_KEY]) void renderSites();
    if (area === 'local' && changes[DISMISSALS_KEY]) void renderDismissals();
  });
  document.getElementById('reset')!.addEventListener('click', () => {
    // Rules and profile only, as the button says: the limits stay as set.
    settings = { ...settings, profile: 'auto', rules: {} };
    renderProfile();
    renderRules();
    void save();
  });
}

void start();

/**
 * The extension's settings: what the options page writes to chrome.storage.local and
 * every open field reads (and re-reads on change, so nothing needs a reload). Local storage,
 * never sync storage: settings stay on this machine like everything else.
 */
import { parseDismissals, type Dismissal } from '../core/dismissals.js';
import type { ProfileSetting, RuleSetting } from '../core/types.js';
import { readSettings, type EditorSettings } from '../editor/convert.js';
import { DEFAULT_BUDGETS, readBudgets, type Budgets } from '../host/budgets.js';

export const SETTINGS_KEY = 'fulcrum.settings';
/** The site patterns Fulcrum may run on, mirrored from the granted host permissions by the background. */
export const SITES_KEY = 'fulcrum.sites';
/** Findings dismissed as "Not an issue" (see core/dismissals.ts): local storage, like everything else. */
export const DISMISSALS_KEY = 'fulcrum.dismissals';

/** The dismissals in storage; anything else there is ignored. */
export function readDismissals(raw: unknown): Dismissal[] {
  return parseDismissals(raw ?? []).dismissals;
}

/**
 * The limits (time budget, size cap) travel with every text to the engine host: in Chrome
 * it runs in an offscreen document, which cannot read extension storage itself.
 */
export interface BrowserSettings extends Budgets {
  profile: ProfileSetting;
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_BROWSER_SETTINGS: BrowserSettings = { profile: 'auto', rules: {}, ...DEFAULT_BUDGETS };

/** Whatever is in storage, a wrong value falls back to its default (the editor's reader does exactly this). */
export function normaliseSettings(raw: unknown): BrowserSettings {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const read = readSettings(<T>(key: string) => record[key] as T | undefined);
  return { profile: read.profile, rules: read.rules, ...readBudgets((key) => record[key]) };
}

/** The engine service is shared with the editor extension and takes the editor's settings shape. */
export function toEditorSettings(settings: BrowserSettings): EditorSettings {
  return { enable: true, languages: [], profile: settings.profile, rules: settings.rules, run: 'onType' };
}

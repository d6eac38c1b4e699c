/**
 * Limits on one lint, shared by the editor extension and the browser extension (both run
 * the same engine in a worker). A pathological text must cost the writer one clear message,
 * never a wedged engine: a text over the size cap is not sent to the engine at all, and a
 * lint that runs over its time budget is stopped by terminating its worker (see supervisor.ts).
 */

export interface Budgets {
  /** How long one lint may take before its worker is terminated. */
  timeBudgetSeconds: number;
  /** Texts larger than this (UTF-8) are not checked. */
  maxDocumentKilobytes: number;
}

/**
 * A 200 KB review lints in about half a second and the engine grows linearly, so 2 MB is
 * far past any real review yet well within 10 s; the first lint also pays the NLP library's
 * start-up (~0.7 s).
 */
export const DEFAULT_BUDGETS: Budgets = { timeBudgetSeconds: 10, maxDocumentKilobytes: 2048 };

/** What a setting may be; anything else falls back to the default (as every other setting does). */
export const BUDGET_RANGES: Record<keyof Budgets, { min: number; max: number }> = {
  timeBudgetSeconds: { min: 1, max: 600 },
  maxDocumentKilobytes: { min: 1, max: 65_536 },
};

/** Reads the budgets from wherever settings live (VS Code configuration, browser storage), defensively. */
export function readBudgets(get: (key: keyof Budgets) => unknown): Budgets {
  const read = (key: keyof Budgets): number => {
    const value = get(key);
    const { min, max } = BUDGET_RANGES[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : DEFAULT_BUDGETS[key];
  };
  return { timeBudgetSeconds: read('timeBudgetSeconds'), maxDocumentKilobytes: read('maxDocumentKilobytes') };
}

/** The text's size in UTF-8 bytes (what a file of it would take), counted without copying it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "830 KB", "2.4 MB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The text is over the size cap: it was not checked. */
export class TextTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limitKilobytes: number,
  ) {
    super(`it is ${formatSize(bytes)}, over the ${limitKilobytes} KB limit`);
    this.name = 'TextTooLarge';
  }
}

/** The lint ran past its time budget: its worker was terminated. */
export class OverTimeBudget extends Error {
  constructor(readonly seconds: number) {
    super(`it took longer than ${seconds} s`);
    this.name = 'OverTimeBudget';
  }
}

/** The refusal for a text over the cap, or null when it may be checked. Small texts are not even measured. */
export function sizeRefusal(text: string, budgets: Budgets): TextTooLarge | null {
  const limit = budgets.maxDocumentKilobytes * 1024;
  // One UTF-16 unit takes at most 3 bytes in UTF-8, so most texts need no count.
  if (text.length * 3 <= limit) return null;
  const bytes = utf8Length(text);
  return bytes > limit ? new TextTooLarge(bytes, budgets.maxDocumentKilobytes) : null;
}

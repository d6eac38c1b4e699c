/**
 * Fulcrum's engine: pure TypeScript, no `vscode`, `node:*` or `chrome` imports, so the
 * same code runs in Node, a web worker and a browser content script.
 */
import { builtinRules } from '../generated/builtinRules.js';
import { parseConfigText, validateConfig } from './config.js';
import { Linter, type LintOptions } from './lint.js';
import type { FulcrumConfig, LintResult } from './types.js';

export * from './types.js';
export { builtinRules, Linter, parseConfigText, validateConfig };
export type { LintOptions };
export { applyEdits, applyFixes } from './fixes.js';
export { parseDocument, ParseCache } from './document/parse.js';
export { polarityOf } from './features.js';
export { validateRuleSpec } from './rules.js';
export { docsUrlFor } from './lint.js';
export { profileLabel } from './profileLabel.js';
export { dismissalOf, parseDismissals, testCasesFrom, withoutDismissed, type Dismissal } from './dismissals.js';

export const builtinRuleIds: ReadonlySet<string> = new Set(builtinRules.map((r) => r.id));

/** One-call convenience: lint text with the built-in rules and an optional config. */
export function lint(text: string, options: LintOptions & { config?: FulcrumConfig } = {}): LintResult {
  return new Linter(builtinRules, options.config).lint(text, options);
}

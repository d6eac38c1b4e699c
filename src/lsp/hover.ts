import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleSpec } from '../core/types.js';
import { ruleHoverMarkdown } from '../report/explain.js';
import { findingRange } from './diagnostics.js';

/**
 * Hovering an inline finding shows why it matters, the seed passage and a before/after example
 * (the same text as the VS Code hover). Clients that cannot render Markdown get it as plain text,
 * which reads well enough: it is short and uses little markup.
 */
export function hoverFor(document: TextDocument, position: Position, findings: readonly Finding[], rules: readonly RuleSpec[], markdown: boolean): Hover | null {
  const offset = document.offsetAt(position);
  const finding = findings.find((f) => f.scope === 'inline' && offset >= f.range.start.offset && offset < f.range.end.offset);
  const rule = finding && rules.find((r) => r.id === finding.ruleId);
  if (!finding || !rule) return null;
  return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: ruleHoverMarkdown(rule) }, range: findingRange(document, finding) };
}

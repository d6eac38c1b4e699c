import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types.js';
import { findingToDiagnosticSpec } from '../editor/convert.js';
import type { DiagnosticFeatures } from './clientFeatures.js';

/** What every Fulcrum diagnostic carries as its source, so code actions can tell ours from other servers'. */
export const DIAGNOSTIC_SOURCE = 'Fulcrum';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A finding's range in the document it was found in. Offsets, not the engine's line/column,
 * so a lone carriage return counts as a line break exactly as the client counts it.
 */
export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function findingRange(document: TextDocument, finding: Finding): Range {
  return rangeOf(document, finding.range.start.offset, finding.range.end.offset);
}

/**
 * One finding as an LSP diagnostic: the rule id as its code with a link to the rule's page,
 * and the seed passages the rule rests on as related information (for clients that show them).
 * A document-level finding already sits where its fix goes (the engine anchors it there), so
 * it needs no special case.
 */
export function toDiagnostic(finding: Finding, document: TextDocument, features: DiagnosticFeatures, range: Range = findingRange(document, finding)): Diagnostic {
  const spec = findingToDiagnosticSpec(finding);
  const diagnostic: Diagnostic = { range, severity: SEVERITY[finding.severity], code: finding.ruleId, source: DIAGNOSTIC_SOURCE, message: spec.message };
  if (features.codeDescription) diagnostic.codeDescription = { href: spec.docsUrl };
  if (features.relatedInformation) diagnostic.relatedInformation = spec.related.map((message) => ({ location: { uri: document.uri, range }, message }));
  return diagnostic;
}

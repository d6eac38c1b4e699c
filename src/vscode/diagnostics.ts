import * as vscode from 'vscode';
import type { Finding } from '../core/types.js';
import { findingToDiagnosticSpec } from '../editor/convert.js';

export const DIAGNOSTIC_SOURCE = 'Fulcrum';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A diagnostic that remembers its finding, so code actions and hovers can use the fix and the sources. */
export class FulcrumDiagnostic extends vscode.Diagnostic {
  constructor(
    readonly finding: Finding,
    document: vscode.TextDocument,
  ) {
    const spec = findingToDiagnosticSpec(finding);
    const range = new vscode.Range(spec.start.line, spec.start.character, spec.end.line, spec.end.character);
    super(range, spec.message, SEVERITY[finding.severity]);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = { value: spec.ruleId, target: vscode.Uri.parse(spec.docsUrl) };
    // The seed passage each rule rests on, shown under the message in the Problems panel.
    this.relatedInformation = spec.related.map((text) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, range), text));
  }
}

export function toDiagnostics(findings: Finding[], document: vscode.TextDocument): FulcrumDiagnostic[] {
  return findings.map((f) => new FulcrumDiagnostic(f, document));
}

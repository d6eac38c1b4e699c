import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types.js';
import type { DiagnosticFeatures } from './clientFeatures.js';
import { findingRange, toDiagnostic } from './diagnostics.js';

/**
 * The diagnostics last published for each open document. A keystroke changes the findings of one
 * paragraph; every other finding comes back with the same rule, severity, message and range, and
 * gets the very Diagnostic object it had before. Building hundreds of diagnostics (their seed
 * quotes, links and ranges) is then done once per finding, not once per keystroke, and the
 * message encoder (cachingJsonEncoder) serialises each object once.
 */
export class PublishedDiagnostics {
  private readonly byDocument = new Map<string, Map<string, Diagnostic>>();

  constructor(private readonly features: DiagnosticFeatures) {}

  diagnosticsFor(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    const previous = this.byDocument.get(document.uri);
    const current = new Map<string, Diagnostic>();
    const diagnostics = findings.map((finding) => {
      const range = findingRange(document, finding);
      const key = `${finding.ruleId}\u0000${finding.severity}\u0000${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}\u0000${finding.message}`;
      const diagnostic = previous?.get(key) ?? current.get(key) ?? toDiagnostic(finding, document, this.features, range);
      current.set(key, diagnostic);
      return diagnostic;
    });
    this.byDocument.set(document.uri, current);
    return diagnostics;
  }

  forget(uri: string): void {
    this.byDocument.delete(uri);
  }
}

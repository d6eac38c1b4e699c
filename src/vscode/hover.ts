import * as vscode from 'vscode';
import type { RuleSpec } from '../core/types.js';
import { ruleHoverMarkdown } from '../report/explain.js';
import type { Analyzer } from './analyzer.js';

/** Hovering a finding shows why it matters, the seed passage and a before/after example. */
export class FulcrumHover implements vscode.HoverProvider {
  constructor(
    private readonly analyzer: Analyzer,
    private readonly rules: () => readonly RuleSpec[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyzer.current(document);
    if (!analysis) return undefined;
    const offset = document.offsetAt(position);
    const finding = analysis.result.findings.find((f) => f.scope === 'inline' && offset >= f.range.start.offset && offset < f.range.end.offset);
    const rule = finding && this.rules().find((r) => r.id === finding.ruleId);
    if (!finding || !rule) return undefined;
    const markdown = new vscode.MarkdownString(ruleHoverMarkdown(rule));
    const range = new vscode.Range(document.positionAt(finding.range.start.offset), document.positionAt(finding.range.end.offset));
    return new vscode.Hover(markdown, range);
  }
}

import * as vscode from 'vscode';
import { CATEGORIES } from '../core/types.js';
import type { ScoreReply } from '../editor/lspProtocol.js';
import { balanceSummary } from '../report/charts.js';

export const SCORE_DOCUMENT_COMMAND = 'fulcrum.scoreDocument';

/** "Fulcrum 72" for the active document; the tooltip lists the category sub-scores. */
export class ScoreStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fulcrum.score', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Fulcrum score';
    this.item.command = SCORE_DOCUMENT_COMMAND;
  }

  show(reply: ScoreReply): void {
    const { score } = reply;
    this.item.text = `$(pulse) Fulcrum ${score.overall}`;
    const tooltip = new vscode.MarkdownString(
      [
        `**Fulcrum score ${score.overall}/100** (${reply.profileLabel}${reply.profileSource === 'unsure' ? ': set `fulcrum.profile` or front matter `fulcrum: { profile: … }` to choose' : ''})`,
        '',
        '| Category | Score |',
        '| --- | ---: |',
        ...CATEGORIES.map((c) => `| ${c} | ${score.categories[c]} |`),
        '',
        balanceSummary(score.balance),
        '',
        'Click for the full report.',
      ].join('\n'),
    );
    this.item.tooltip = tooltip;
    this.item.backgroundColor = score.overall < 60 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** The active document was not checked (too large, or too slow): say so instead of a score. */
  showUnchecked(message: string): void {
    this.item.text = '$(circle-slash) Fulcrum';
    this.item.tooltip = message;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

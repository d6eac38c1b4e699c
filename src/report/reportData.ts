/** A score report's data, as the editor's report view and the browser's popup show it. */
import { CATEGORIES, type LintResult } from '../core/types.js';
import { balanceSummary, dimensionLabel } from './charts.js';
import { scoreLines, topGaps, type ScoredDocument, type ScoreLine } from './summary.js';
import { profileLabel } from '../core/profileLabel.js';

export interface ReportData {
  fileName: string;
  /** The kind of text assumed, "(guessed)" when the wording did not say (see profileLabel). */
  profile: string;
  overall: number;
  /** How the score was made, line by line. */
  scoreLines: ScoreLine[];
  categories: Array<{ name: string; score: number }>;
  balance: {
    summary: string;
    dimensions: Array<{ label: string; leadership: number; management: number; leadershipCues: string[]; managementCues: string[] }>;
  };
  gaps: Array<{ ruleId: string; message: string }>;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; offset: number; end: number }>;
  /** Findings too many to list (the score counts them). */
  omitted: number;
}

export interface FolderData {
  folder: string;
  mean: number;
  rows: Array<{ path: string; profile: string; score: number; gaps: string[] }>;
}


export function reportData(fileName: string, result: LintResult, omitted = 0): ReportData {
  return {
    fileName,
    profile: profileLabel(result),
    overall: result.score.overall,
    scoreLines: scoreLines(result.score),
    categories: CATEGORIES.map((name) => ({ name, score: result.score.categories[name] })),
    balance: {
      summary: balanceSummary(result.score.balance),
      dimensions: result.score.balance.dimensions.map((d) => ({
        label: dimensionLabel(d.dimension),
        leadership: d.leadership,
        management: d.management,
        leadershipCues: d.leadershipCues,
        managementCues: d.managementCues,
      })),
    },
    omitted,
    gaps: result.findings.filter((f) => f.scope === 'document').map((f) => ({ ruleId: f.ruleId, message: f.message })),
    findings: result.findings
      .filter((f) => f.scope === 'inline')
      .map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.range.start.line, column: f.range.start.column, offset: f.range.start.offset, end: f.range.end.offset })),
  };
}

export function folderData(folder: string, documents: ScoredDocument[]): FolderData {
  const mean = documents.length ? Math.round(documents.reduce((s, d) => s + d.result.score.overall, 0) / documents.length) : 0;
  return { folder, mean, rows: documents.map((d) => ({ path: d.path, profile: d.result.profile, score: d.result.score.overall, gaps: topGaps(d) })) };
}

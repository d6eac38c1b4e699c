import { CATEGORIES, type LintResult, type Score } from '../core/types.js';

/** What every score table needs per document: its path and its lint result. */
export interface ScoredDocument {
  path: string;
  result: LintResult;
}

/** The document-level gaps first, then the most frequent inline rules: what to fix first. */
export function topGaps(report: ScoredDocument, limit = 3): string[] {
  const gaps = report.result.findings.filter((f) => f.scope === 'document').map((f) => f.ruleId);
  const counts = new Map<string, number>();
  for (const f of report.result.findings) if (f.scope === 'inline') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const inline = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ×${n}`);
  return [...gaps, ...inline].slice(0, limit);
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas in text (=, +, -, @, a tab or a carriage
  // return at the start); a number such as a negative balance index stays a number.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatScoreCsv(reports: ScoredDocument[]): string {
  const header = ['path', 'profile', 'overall', ...CATEGORIES, 'balance_index', 'leadership_cues', 'management_cues', 'findings', 'top_gaps'];
  const rows = reports.map((r) => {
    const s = r.result.score;
    return [r.path, r.result.profile, s.overall, ...CATEGORIES.map((c) => s.categories[c]), s.balance.index, s.balance.leadership, s.balance.management, r.result.findings.length, topGaps(r).join('; ')];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n');
}

/** One line of "how the score was made". */
export interface ScoreLine {
  kind: 'base' | 'earned' | 'missed' | 'lost' | 'total';
  label: string;
  /** "+15", "0 of 5", "−3", or the number itself for the base and the total. */
  points: string;
  /** The rule a deduction came from. */
  ruleId?: string;
}

/** How each kind of line is marked: earned +, missed ☐, lost −. */
export const LINE_MARK: Record<ScoreLine['kind'], string> = { base: '', earned: '+ ', missed: '☐ ', lost: '− ', total: '' };

/** The score line by line: the base, each credit earned or missed, each deduction, the total. */
export function scoreLines(score: Score): ScoreLine[] {
  return [
    { kind: 'base', label: 'Start', points: String(score.base) },
    ...score.credits.map((c): ScoreLine => (c.points > 0 ? { kind: 'earned', label: c.label, points: `+${c.points}` } : { kind: 'missed', label: c.label, points: `0 of ${c.max}` })),
    ...score.deductions.filter((d) => d.points > 0).map((d): ScoreLine => ({ kind: 'lost', label: d.reason, points: `−${d.points}`, ruleId: d.ruleId })),
    { kind: 'total', label: 'Score', points: String(score.overall) },
  ];
}

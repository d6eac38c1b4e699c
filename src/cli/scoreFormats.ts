import { CATEGORIES } from '../core/index.js';
import { renderHtmlReport } from '../report/html.js';
import type { FileReport } from './checkFormats.js';
import { paint } from './terminal.js';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** The document-level gaps and the most frequent inline rules: what to fix first. */
export function topGaps(report: FileReport, limit = 3): string[] {
  const gaps = report.result.findings.filter((f) => f.scope === 'document').map((f) => f.ruleId);
  const counts = new Map<string, number>();
  for (const f of report.result.findings) if (f.scope === 'inline') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const inline = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ×${n}`);
  return [...gaps, ...inline].slice(0, limit);
}

export function formatScoreTable(reports: FileReport[], color: boolean): string {
  const header = ['Score', 'Profile', 'Balance', 'File', 'Top gaps'];
  const rows = reports.map((r) => [
    String(r.result.score.overall),
    r.result.profile,
    (r.result.score.balance.index >= 0 ? '+' : '') + r.result.score.balance.index.toFixed(2),
    r.path,
    topGaps(r).join(', ') || '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padStart(widths[i]) : i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const body = rows.map((row) => {
    const score = Number(row[0]);
    const tone = score >= 80 ? 'green' : score >= 60 ? 'yellow' : 'red';
    const text = line(row);
    return paint(text.slice(0, widths[0]), tone, color) + text.slice(widths[0]);
  });
  const mean = reports.length ? Math.round(reports.reduce((s, r) => s + r.result.score.overall, 0) / reports.length) : 0;
  return [paint(line(header), 'bold', color), ...body, '', `${reports.length} document${reports.length === 1 ? '' : 's'}, mean score ${mean}`].join('\n');
}

export function formatScoreJson(reports: FileReport[], version: string): string {
  return JSON.stringify(
    { version, files: reports.map((r) => ({ path: r.path, profile: r.result.profile, score: r.result.score, findings: r.result.findings.length })) },
    null,
    2,
  );
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatScoreCsv(reports: FileReport[]): string {
  const header = ['path', 'profile', 'overall', ...CATEGORIES, 'balance_index', 'leadership_cues', 'management_cues', 'findings', 'top_gaps'];
  const rows = reports.map((r) => {
    const s = r.result.score;
    return [r.path, r.result.profile, s.overall, ...CATEGORIES.map((c) => s.categories[c]), s.balance.index, s.balance.leadership, s.balance.management, r.result.findings.length, topGaps(r).join('; ')];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n');
}

export function formatScoreHtml(reports: FileReport[]): string {
  return renderHtmlReport(reports);
}

import { profileLabel } from '../core/profileLabel.js';
import { renderHtmlReport } from '../report/html.js';
import { formatScoreCsv, topGaps } from '../report/summary.js';

export { formatScoreCsv };
import type { FileReport } from './checkFormats.js';
import { paint, printable } from './terminal.js';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export function formatScoreTable(reports: FileReport[], color: boolean): string {
  const header = ['Score', 'Profile', 'Balance', 'File', 'Top gaps'];
  const rows = reports.map((r) => [
    String(r.result.score.overall),
    profileLabel(r.result),
    (r.result.score.balance.index >= 0 ? '+' : '') + r.result.score.balance.index.toFixed(2),
    printable(r.path),
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
    { version, files: reports.map((r) => ({ path: r.path, profile: r.result.profile, profileSource: r.result.profileSource, score: r.result.score, findings: r.result.findings.length })) },
    null,
    2,
  );
}

export function formatScoreHtml(reports: FileReport[]): string {
  return renderHtmlReport(reports);
}

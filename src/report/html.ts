import { profileLabel } from '../core/profileLabel.js';
import type { LintResult } from '../core/types.js';
import { balanceSummary, balanceSvg, categoryBarsSvg, escapeXml } from './charts.js';
import { LINE_MARK, scoreLines } from './summary.js';

/** A stand-alone HTML score report (no script, no remote resources): one section per document. */

export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --track: #e6e8eb; --good: #1a7f37; --fair: #9a6700; --poor: #cf222e; --lead: #8250df; --manage: #0969da; --card: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --track: #30363d; --good: #3fb950; --fair: #d29922; --poor: #f85149; --lead: #a371f7; --manage: #4493f8; --card: #161b22; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; } h3 { font-size: 1rem; color: var(--muted); }
.card { background: var(--card); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
.overall { font-size: 2.4rem; font-weight: 700; } .overall small { font-size: 1rem; color: var(--muted); font-weight: 400; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; }
.fulcrum-chart text { fill: var(--fg); font-size: 12px; } .fulcrum-chart .count, .fulcrum-chart .side { fill: var(--muted); }
.fulcrum-chart .track { fill: var(--track); } .good .bar { fill: var(--good); } .fair .bar { fill: var(--fair); } .poor .bar { fill: var(--poor); }
.fulcrum-chart .leadership { fill: var(--lead); } .fulcrum-chart .management { fill: var(--manage); } .fulcrum-chart .axis { stroke: var(--muted); }
ul.gaps { list-style: none; padding-left: 0; } ul.gaps li::before { content: "☐ "; color: var(--poor); }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--track); vertical-align: top; }
.sev-error { color: var(--poor); } .sev-warning { color: var(--fair); } .sev-info { color: var(--manage); } code { font-size: .9em; }
`;

export interface ReportEntry {
  path: string;
  result: LintResult;
}

export function documentSection(entry: ReportEntry): string {
  const { result } = entry;
  const gaps = result.findings.filter((f) => f.scope === 'document');
  const inline = result.findings.filter((f) => f.scope === 'inline');
  const rows = inline
    .map(
      (f) =>
        `<tr><td>${f.range.start.line}:${f.range.start.column}</td><td class="sev-${f.severity}">${f.severity}</td><td>${escapeXml(f.message)}</td><td><code>${escapeXml(f.ruleId)}</code></td></tr>`,
    )
    .join('');
  return `<section>
<h2>${escapeXml(entry.path)}</h2>
<div class="card"><span class="overall">${result.score.overall}<small>/100</small></span> <small>${escapeXml(profileLabel(result))}</small></div>
<div class="grid"><div class="card"><h3>Categories</h3>${categoryBarsSvg(result.score)}</div>
<div class="card"><h3>Leadership / management balance</h3>${balanceSvg(result.score.balance)}<p>${escapeXml(balanceSummary(result.score.balance))}</p></div></div>
<div class="card"><h3>How the score was made</h3>${scoreBreakdown(result)}</div>
<div class="card"><h3>Gaps in the document</h3>${gaps.length ? `<ul class="gaps">${gaps.map((g) => `<li>${escapeXml(g.message)}</li>`).join('')}</ul>` : '<p>None: next steps, check-ins and the why are all there.</p>'}</div>
<div class="card"><h3>Findings (${inline.length})</h3>${inline.length ? `<table><thead><tr><th>Where</th><th>Severity</th><th>Message</th><th>Rule</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No inline findings.</p>'}</div>
</section>`;
}

/** The score line by line: the base, each credit earned or missed, each deduction. */
export function scoreBreakdown(result: LintResult): string {
  const rows = scoreLines(result.score).map((line) => {
    if (line.kind === 'total') return `<tr><th>${line.label}</th><th>${line.points}</th></tr>`;
    const rule = line.ruleId ? ` <code>${escapeXml(line.ruleId)}</code>` : '';
    return `<tr><td>${LINE_MARK[line.kind]}${escapeXml(line.label)}${rule}</td><td>${line.points}</td></tr>`;
  });
  return `<table class="breakdown"><tbody>${rows.join('')}</tbody></table>`;
}

export function renderHtmlReport(entries: ReportEntry[], title = 'Fulcrum score report'): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title><style>${REPORT_CSS}</style></head>
<body><h1>${escapeXml(title)}</h1>
${entries.map(documentSection).join('\n')}
</body></html>
`;
}

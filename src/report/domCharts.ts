/// <reference lib="dom" />
/**
 * The score charts as DOM elements, for the editor's report view and the browser popup.
 * Built with createElementNS and textContent only: labels and phrases from a document
 * never become markup. (src/report/charts.ts draws the same charts as SVG text for the
 * CLI's static HTML report.)
 */
import type { ReportData } from './reportData.js';
import { LINE_MARK } from './summary.js';

const SVG = 'http://www.w3.org/2000/svg';

export function scoreTone(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

export function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface ChartSize {
  width: number;
  rowHeight: number;
  labelWidth: number;
  barHeight: number;
  /** Print the number of cues beside each balance bar. */
  counts: boolean;
}

export const REPORT_SIZE: ChartSize = { width: 370, rowHeight: 22, labelWidth: 120, barHeight: 14, counts: true };
export const POPUP_SIZE: ChartSize = { width: 300, rowHeight: 19, labelWidth: 104, barHeight: 11, counts: false };

/** A bar per category, 0–100. */
export function categoryChart(data: ReportData, size: ChartSize): SVGElement {
  const { rowHeight, labelWidth, barHeight, width } = size;
  const barWidth = width - labelWidth - 34;
  const chart = svg('svg', { class: 'chart categories', role: 'img', 'aria-label': 'Score per category', width, height: data.categories.length * rowHeight + 2 });
  data.categories.forEach(({ name, score }, i) => {
    const y = i * rowHeight + 1;
    const baseline = y + barHeight + 2;
    const row = svg('g', { class: `row ${scoreTone(score)}` });
    row.append(
      svg('title', {}, `${name}: ${score}/100`),
      svg('text', { x: labelWidth - 6, y: baseline, 'text-anchor': 'end', class: 'label' }, name),
      svg('rect', { x: labelWidth, y: y + 3, width: barWidth, height: barHeight, rx: 3, class: 'track' }),
      svg('rect', { x: labelWidth, y: y + 3, width: Math.round((barWidth * score) / 100), height: barHeight, rx: 3, class: 'bar' }),
      svg('text', { x: labelWidth + barWidth + 6, y: baseline, class: 'value' }, String(score)),
    );
    chart.append(row);
  });
  return chart;
}

/** Management cues grow left of the centre line, leadership cues right; the tooltip names the phrases. */
export function balanceChart(data: ReportData, size: ChartSize): SVGElement {
  const { rowHeight, labelWidth, barHeight, width } = size;
  const half = Math.floor((width - labelWidth - 20) / 2);
  const centre = labelWidth + half;
  const top = 18;
  const dims = data.balance.dimensions;
  const max = Math.max(1, ...dims.flatMap((d) => [d.leadership, d.management]));
  const height = top + dims.length * rowHeight + 4;
  const chart = svg('svg', { class: 'chart balance', role: 'img', 'aria-label': 'Leadership and management balance across nine dimensions', width, height });
  chart.append(
    svg('text', { x: centre - 4, y: 11, 'text-anchor': 'end', class: 'side' }, '◀ management'),
    svg('text', { x: centre + 4, y: 11, class: 'side' }, 'leadership ▶'),
    svg('line', { x1: centre, y1: top, x2: centre, y2: height - 2, class: 'axis' }),
  );
  dims.forEach((d, i) => {
    const y = top + i * rowHeight;
    const baseline = y + barHeight + 2;
    const m = Math.round((half * d.management) / max);
    const l = Math.round((half * d.leadership) / max);
    const row = svg('g', { class: 'dimension' });
    row.append(
      svg('title', {}, `${d.label}: management ${d.management}${d.managementCues.length ? ` (${d.managementCues.join(', ')})` : ''}; leadership ${d.leadership}${d.leadershipCues.length ? ` (${d.leadershipCues.join(', ')})` : ''}`),
      svg('text', { x: labelWidth - 6, y: baseline, 'text-anchor': 'end', class: 'label' }, d.label),
      svg('rect', { x: centre - m, y: y + 3, width: m, height: barHeight, class: 'management' }),
      svg('rect', { x: centre, y: y + 3, width: l, height: barHeight, class: 'leadership' }),
    );
    if (size.counts) {
      row.append(
        svg('text', { x: centre - m - 4, y: baseline, 'text-anchor': 'end', class: 'count' }, d.management ? String(d.management) : ''),
        svg('text', { x: centre + l + 4, y: baseline, class: 'count' }, d.leadership ? String(d.leadership) : ''),
      );
    }
    chart.append(row);
  });
  return chart;
}

/** "How the score was made" as a table: the base, credits earned (+) or missed (☐), deductions (−), the total. */
export function scoreTable(data: ReportData): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'breakdown';
  for (const line of data.scoreLines) {
    const row = table.insertRow();
    row.className = line.kind;
    const label = row.insertCell();
    label.textContent = `${LINE_MARK[line.kind]}${line.label}`;
    if (line.ruleId) {
      const code = document.createElement('code');
      code.textContent = ` ${line.ruleId}`;
      label.append(code);
    }
    row.insertCell().textContent = line.points;
  }
  return table;
}

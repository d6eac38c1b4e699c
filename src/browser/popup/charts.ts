/// <reference lib="dom" />
/**
 * The popup's charts, built with DOM calls from the same report data the editor's report
 * view uses (reportData in src/vscode/webview/protocol.ts): a bar per category and the
 * leadership/management balance over the nine dimensions of seed 004.
 */
import type { ReportData } from '../../vscode/webview/protocol.js';
import { scoreTone } from '../protocol.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function categoryChart(data: ReportData, width = 300): SVGElement {
  const rowHeight = 19;
  const labelWidth = 96;
  const barWidth = width - labelWidth - 34;
  const chart = svg('svg', { class: 'chart categories', role: 'img', 'aria-label': 'Score per category', width, height: data.categories.length * rowHeight + 2 });
  data.categories.forEach(({ name, score }, i) => {
    const y = i * rowHeight + 1;
    const row = svg('g', { class: `row ${scoreTone(score)}` });
    row.append(
      svg('title', {}, `${name}: ${score}/100`),
      svg('text', { x: labelWidth - 6, y: y + 13, 'text-anchor': 'end', class: 'label' }, name),
      svg('rect', { x: labelWidth, y: y + 3, width: barWidth, height: 11, rx: 3, class: 'track' }),
      svg('rect', { x: labelWidth, y: y + 3, width: Math.round((barWidth * score) / 100), height: 11, rx: 3, class: 'bar' }),
      svg('text', { x: labelWidth + barWidth + 6, y: y + 13, class: 'value' }, String(score)),
    );
    chart.append(row);
  });
  return chart;
}

/** Management cues grow left of the centre line, leadership cues right; the tooltip names the phrases. */
export function balanceChart(data: ReportData, width = 300): SVGElement {
  const rowHeight = 19;
  const labelWidth = 110;
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
    const m = Math.round((half * d.management) / max);
    const l = Math.round((half * d.leadership) / max);
    const row = svg('g', { class: 'dimension' });
    row.append(
      svg('title', {}, `${d.label}: management ${d.management}${d.managementCues.length ? ` (${d.managementCues.join(', ')})` : ''}; leadership ${d.leadership}${d.leadershipCues.length ? ` (${d.leadershipCues.join(', ')})` : ''}`),
      svg('text', { x: labelWidth - 6, y: y + 13, 'text-anchor': 'end', class: 'label' }, d.label),
      svg('rect', { x: centre - m, y: y + 3, width: m, height: 11, class: 'management' }),
      svg('rect', { x: centre, y: y + 3, width: l, height: 11, class: 'leadership' }),
    );
    chart.append(row);
  });
  return chart;
}

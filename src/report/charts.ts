import { CATEGORIES, DIMENSIONS, type Balance, type Score } from '../core/types.js';

/**
 * SVG charts drawn from score data, shared by the CLI's HTML report and the editor's
 * report view. Pure string building; every piece of text goes through escapeXml.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const DIMENSION_LABELS: Record<string, string> = {
  focus: 'Focus',
  approach: 'Approach',
  'decision-making': 'Decision-making',
  'goal-orientation': 'Goal orientation',
  'risk-tolerance': 'Risk tolerance',
  communication: 'Communication',
  relationships: 'Relationships',
  development: 'Development',
  success: 'Success',
};

export function dimensionLabel(dimension: string): string {
  return DIMENSION_LABELS[dimension] ?? dimension;
}

/** Horizontal bars, one per category, 0–100. */
export function categoryBarsSvg(score: Score): string {
  const rowHeight = 22;
  const labelWidth = 110;
  const barWidth = 240;
  const height = CATEGORIES.length * rowHeight + 4;
  const rows = CATEGORIES.map((category, i) => {
    const value = score.categories[category];
    const y = i * rowHeight + 2;
    const tone = value >= 80 ? 'good' : value >= 60 ? 'fair' : 'poor';
    return `<g class="row ${tone}"><title>${escapeXml(category)}: ${value}/100</title>
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeXml(category)}</text>
<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="14" rx="3" class="track"/>
<rect x="${labelWidth}" y="${y + 3}" width="${Math.round((barWidth * value) / 100)}" height="14" rx="3" class="bar"/>
<text x="${labelWidth + barWidth + 8}" y="${y + 15}" class="value">${value}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fulcrum-chart categories" role="img" aria-label="Score per category" viewBox="0 0 ${labelWidth + barWidth + 40} ${height}" width="${labelWidth + barWidth + 40}" height="${height}">${rows.join('')}</svg>`;
}

/**
 * Diverging bars over seed 004's nine dimensions: management cues grow left of the
 * centre line, leadership cues grow right. The tooltip lists the phrases that counted.
 */
export function balanceSvg(balance: Balance): string {
  const rowHeight = 24;
  const labelWidth = 130;
  const half = 130;
  const centre = labelWidth + half;
  const max = Math.max(1, ...balance.dimensions.flatMap((d) => [d.leadership, d.management]));
  const top = 22;
  const height = top + DIMENSIONS.length * rowHeight + 8;
  const rows = balance.dimensions.map((d, i) => {
    const y = top + i * rowHeight;
    const m = Math.round((half * d.management) / max);
    const l = Math.round((half * d.leadership) / max);
    const tip = `${dimensionLabel(d.dimension)} — management ${d.management}${d.managementCues.length ? ` (${d.managementCues.join(', ')})` : ''}; leadership ${d.leadership}${d.leadershipCues.length ? ` (${d.leadershipCues.join(', ')})` : ''}`;
    return `<g class="dimension"><title>${escapeXml(tip)}</title>
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeXml(dimensionLabel(d.dimension))}</text>
<rect x="${centre - m}" y="${y + 4}" width="${m}" height="14" class="management"/>
<rect x="${centre}" y="${y + 4}" width="${l}" height="14" class="leadership"/>
<text x="${centre - m - 4}" y="${y + 15}" text-anchor="end" class="count">${d.management || ''}</text>
<text x="${centre + l + 4}" y="${y + 15}" class="count">${d.leadership || ''}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fulcrum-chart balance" role="img" aria-label="Leadership and management balance across nine dimensions" viewBox="0 0 ${centre + half + 30} ${height}" width="${centre + half + 30}" height="${height}">
<text x="${centre - 6}" y="14" text-anchor="end" class="side">◀ management</text><text x="${centre + 6}" y="14" class="side">leadership ▶</text>
<line x1="${centre}" y1="${top}" x2="${centre}" y2="${height - 4}" class="axis"/>${rows.join('')}</svg>`;
}

export function balanceSummary(balance: Balance): string {
  if (balance.leadership + balance.management === 0) return 'No leadership or management language found yet.';
  const lean = balance.index > 0.2 ? 'leans leadership' : balance.index < -0.2 ? 'leans management' : 'is balanced';
  const base = `Balance index ${balance.index >= 0 ? '+' : ''}${balance.index.toFixed(2)}: the document ${lean} (${balance.leadership} leadership, ${balance.management} management cues).`;
  if (balance.missing === 'leadership') return `${base} Missing: the why, vision or growth that leadership brings.`;
  if (balance.missing === 'management') return `${base} Missing: the owners, dates and measures that management brings.`;
  return base;
}

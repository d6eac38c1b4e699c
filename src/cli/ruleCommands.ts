import { builtinRules, docsUrlFor, type RuleSpec } from '../core/index.js';
import { MEASURED, precisionOf } from '../core/measured.js';

export function listRules(format: string): string {
  if (format === 'json') return JSON.stringify(builtinRules.map((r) => ({ ...r, measured: MEASURED.rules[r.id] })), null, 2);
  const rows = builtinRules.map((r) => {
    const measured = MEASURED.rules[r.id];
    return [r.id, r.severity, r.scope, r.profiles.join(','), r.fix ? 'yes' : '', precisionOf(measured?.blind), precisionOf(measured?.realText), r.title];
  });
  const header = ['Rule', 'Severity', 'Scope', 'Profiles', 'Fix', 'Blind', 'Real', 'Title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const note = `Blind and Real: how often the rule's findings were right on the blind test set (${MEASURED.sets.blind.sentences} sentences and ${MEASURED.sets.blind.documents} documents nobody tuned on) and on ${MEASURED.sets.realText.texts} real texts by others; — where it made no finding.`;
  return [line(header), ...rows.map(line), '', note, `${builtinRules.length} rules. fulcrum explain <rule> tells more about one.`].join('\n');
}

function describeFix(rule: RuleSpec): string {
  if (!rule.fix) return 'No automatic fix: this needs the writer\'s judgement.';
  const f = rule.fix;
  const body = 'text' in f && f.text ? `: ${JSON.stringify(f.text)}` : f.kind === 'replace' ? ' with the phrase\'s replacement' : '';
  return `${f.title.replace(/\{match\}/g, '…')} (${f.kind}${body})`;
}

export function explainRule(id: string): string | null {
  const rule = builtinRules.find((r) => r.id === id);
  if (!rule) return null;
  const lines = [
    `${rule.id}: ${rule.title}`,
    `${rule.category} · ${rule.severity} · ${rule.scope} · profiles: ${rule.profiles.join(', ')} · dimensions: ${rule.dimensions.join(', ') || '—'}`,
    '',
    rule.rationale,
    '',
    'Sources:',
    ...rule.sources.seeds.map((s) => `  ${s.seed}: "${s.quote}"`),
    ...(rule.sources.research ?? []).map((r) => `  ${r.citation}${r.note ? ` — ${r.note}` : ''}`),
    '',
    'Flags:',
    ...rule.examples.invalid.map((e) => `  ✗ ${e.text}`),
    'Accepts:',
    ...rule.examples.valid.map((e) => `  ✓ ${e.text}`),
    '',
    `Fix: ${describeFix(rule)}`,
    '',
    'How often it is right:',
    ...(MEASURED.rules[rule.id]?.summary ?? ['Not measured yet.']).map((line) => `  ${line}`),
    '',
    `Turn it off: "rules": { "${rule.id}": "off" } in .fulcrumrc.json, or <!-- fulcrum-disable ${rule.id} --> in the document.`,
    `Docs: ${docsUrlFor(rule.id)}`,
  ];
  return lines.join('\n');
}

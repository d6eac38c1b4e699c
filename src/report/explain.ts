import { docsUrlFor } from '../core/docs.js';
import type { RuleSpec } from '../core/types.js';

/** A rule explained in Markdown: the editor's "Explain" view and hovers use it. */
export function ruleMarkdown(rule: RuleSpec): string {
  const seeds = rule.sources.seeds.map((s) => `> “${s.quote}”\n>\n> — *${s.seed}*`).join('\n\n');
  const research = (rule.sources.research ?? []).map((r) => `- ${r.citation}${r.note ? ` — ${r.note}` : ''}`).join('\n');
  return [
    `# ${rule.title}`,
    `\`${rule.id}\` · ${rule.category} · ${rule.severity} · ${rule.scope === 'document' ? 'whole document' : 'inline'} · ${rule.profiles.join(', ')}`,
    '',
    rule.rationale,
    '',
    '## Why: the sources',
    '',
    seeds,
    research ? `\n${research}` : '',
    '',
    '## Flagged',
    '',
    ...rule.examples.invalid.map((e) => `- ✗ ${e.text.replace(/\n+/g, ' ⏎ ')}`),
    '',
    '## Not flagged',
    '',
    ...rule.examples.valid.map((e) => `- ✓ ${e.text.replace(/\n+/g, ' ⏎ ')}`),
    '',
    '## Turning it off',
    '',
    `Setting \`"fulcrum.rules": { "${rule.id}": "off" }\`, or \`<!-- fulcrum-disable-next-line ${rule.id} -->\` above a line.`,
    '',
    `[Documentation](${docsUrlFor(rule.id)})`,
  ].join('\n');
}

/** The short version for a hover: why it matters, the seed quote, one before/after pair. */
export function ruleHoverMarkdown(rule: RuleSpec): string {
  const seed = rule.sources.seeds[0];
  const before = rule.examples.invalid[0]?.text.replace(/\n+/g, ' ⏎ ');
  const after = rule.examples.valid[0]?.text.replace(/\n+/g, ' ⏎ ');
  return [
    `**Fulcrum · ${rule.title}** (\`${rule.id}\`)`,
    '',
    rule.rationale,
    '',
    `> “${seed.quote}” — *${seed.seed}*`,
    '',
    before ? `✗ *${before}*` : '',
    '',
    after ? `✓ *${after}*` : '',
  ].join('\n');
}

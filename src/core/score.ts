import type { Balance, Category, Credit, Deduction, Finding, Score, Severity } from './types.js';
import { CATEGORIES } from './types.js';

/**
 * The document score: a base, plus credits for what good writing contains (rules/score.json),
 * minus traceable deductions. Every point won is listed with what earned it and every point
 * lost with the finding (or the balance) that cost it, so a user can see what to fix first.
 */

/** Points an inline finding costs in a short document. */
const INLINE_POINTS: Record<Severity, number> = { error: 6, warning: 3, info: 1 };
/** Points a missing piece of the document costs (no next steps, no why). */
const DOCUMENT_POINTS: Record<Severity, number> = { error: 12, warning: 8, info: 3 };
/** One rule's inline findings together cost at most this many times a single finding: ten vague phrases are one habit. */
const RULE_CAP_MULTIPLE = 2;
/** Inline costs shrink for long documents: four findings in 100 sentences are not as bad as four in 10. */
const SENTENCES_AT_FULL_COST = 20;
/** A lopsided leadership/management balance costs up to this much (seed 000: "Too much of either one can lead to problems"). */
const MAX_BALANCE_POINTS = 10;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function computeScore(findings: Finding[], sentenceCount: number, balance: Balance, base = 100, credits: Credit[] = []): Score {
  const lengthFactor = Math.min(1, Math.sqrt(SENTENCES_AT_FULL_COST / Math.max(sentenceCount, 1)));
  const spentByRule = new Map<string, number>();
  const deductions: Deduction[] = findings.map((finding, index) => {
    let points: number;
    if (finding.scope === 'document') points = DOCUMENT_POINTS[finding.severity];
    else {
      const each = INLINE_POINTS[finding.severity] * lengthFactor;
      const spent = spentByRule.get(finding.ruleId) ?? 0;
      points = round1(Math.max(0, Math.min(each, each * RULE_CAP_MULTIPLE - spent)));
      spentByRule.set(finding.ruleId, spent + points);
    }
    return { ruleId: finding.ruleId, category: finding.category, points, finding: index, reason: finding.message };
  });

  if (balance.missing) {
    const lopsidedness = Math.min(1, Math.max(0, (Math.abs(balance.index) - 0.4) / 0.6));
    const points = round1(Math.max(3, MAX_BALANCE_POINTS * lopsidedness));
    deductions.push({
      ruleId: 'balance',
      category: 'balance',
      points,
      finding: -1,
      reason:
        balance.missing === 'leadership'
          ? 'Management-heavy: owners and dates but little why, vision or growth.'
          : 'Leadership-heavy: vision but few owners, dates or measures.',
    });
  }

  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 100])) as Record<Category, number>;
  for (const d of deductions) {
    if (d.category !== 'balance') categories[d.category] = Math.max(0, round1(categories[d.category] - d.points * 2));
  }
  const lost = deductions.reduce((sum, d) => sum + d.points, 0);
  const earned = credits.reduce((sum, c) => sum + c.points, 0);
  const overall = Math.max(0, Math.min(100, Math.round(base + earned - lost)));
  for (const c of CATEGORIES) categories[c] = Math.round(categories[c]);
  return { overall, base, credits, categories, balance, deductions };
}

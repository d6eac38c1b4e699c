import type { Deduction, Finding, LintResult, Score } from '../core/types.js';
import type { LintReply } from './service.js';

/**
 * A lint result as it crosses a thread or process boundary (worker → editor host, engine →
 * browser tab). Every message is copied, and on a 20 KB review half of what was copied
 * repeated itself: each finding carried its rule's sources and docs link, and each deduction
 * its finding's message. Those now travel once per rule, and the receiver puts them back, so
 * both sides see a plain LintResult.
 */

type PackedFinding = Omit<Finding, 'sources' | 'docsUrl'>;
/** A deduction for a finding leaves out its reason: it is that finding's message. */
type PackedDeduction = Omit<Deduction, 'reason'> & { reason?: string };

export interface PackedResult extends Omit<LintResult, 'findings' | 'score'> {
  findings: PackedFinding[];
  score: Omit<Score, 'deductions'> & { deductions: PackedDeduction[] };
  /** Sources and docs link, once per rule that has findings. */
  rules: Record<string, Pick<Finding, 'sources' | 'docsUrl'>>;
}

export function packResult(result: LintResult): PackedResult {
  const rules: PackedResult['rules'] = {};
  const findings = result.findings.map(({ sources, docsUrl, ...rest }) => {
    rules[rest.ruleId] ??= { sources, docsUrl };
    return rest;
  });
  const deductions = result.score.deductions.map(({ reason, ...rest }) => (rest.finding >= 0 ? rest : { ...rest, reason }));
  return { ...result, findings, score: { ...result.score, deductions }, rules };
}

export function unpackResult(packed: PackedResult): LintResult {
  const { rules, ...result } = packed;
  const findings = packed.findings.map((finding) => ({ ...finding, ...rules[finding.ruleId] }));
  const deductions = packed.score.deductions.map((d) => ({ ...d, reason: d.reason ?? findings[d.finding]?.message ?? '' }));
  return { ...result, findings, score: { ...packed.score, deductions } };
}

/** A LintReply as the engine sends it. */
export type PackedReply = Omit<LintReply, 'result'> & { result: PackedResult };

export function packReply(reply: LintReply): PackedReply {
  return { ...reply, result: packResult(reply.result) };
}

export function unpackReply(packed: PackedReply): LintReply {
  return { ...packed, result: unpackResult(packed.result) };
}

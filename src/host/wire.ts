import type { Deduction, Finding, LintResult, Score } from '../core/types.js';
import type { LintReply } from './service.js';

/**
 * A lint result as it crosses a thread or process boundary (worker → editor host, engine →
 * browser tab). Every message is copied, and on a 20 KB review half of what was copied
 * repeated itself: each finding carried its rule's sources and docs link, and each deduction
 * its finding's message. Those now travel once per rule, and the receiver puts them back, so
 * both sides see a plain LintResult.
 *
 * The findings travel as JSON text, not as objects. A thread's message is copied with the
 * structured clone algorithm, whose reading end rebuilds objects several times slower than
 * JSON.parse builds the same ones: on a 100 KB review (866 findings) that was ~5 ms of the
 * language server's main thread per keystroke, against ~2 ms to parse the text; a string is
 * copied whole. Findings are plain JSON data (the wire tests check every example survives the
 * trip exactly). The score stays an object: it is small, and JSON would turn a -0 into 0.
 */

type PackedFinding = Omit<Finding, 'sources' | 'docsUrl'>;
/** A deduction for a finding leaves out its reason: it is that finding's message. */
type PackedDeduction = Omit<Deduction, 'reason'> & { reason?: string };

export interface PackedResult extends Omit<LintResult, 'findings' | 'score'> {
  /** JSON of the findings, each without its rule's sources and docs link. */
  findings: string;
  score: Omit<Score, 'deductions'> & { deductions: PackedDeduction[] };
  /** Sources and docs link, once per rule that has findings. */
  rules: Record<string, Pick<Finding, 'sources' | 'docsUrl'>>;
}

/** A LintReply as the engine sends it (unpackReply reads it). */
export type PackedReply = Omit<LintReply, 'result'> & { result: PackedResult };

/** Field by field rather than with a rest pattern, which V8 runs several times slower, for hundreds of findings. */
function packFinding(finding: Finding): PackedFinding {
  return { ruleId: finding.ruleId, category: finding.category, severity: finding.severity, scope: finding.scope, message: finding.message, range: finding.range, fixes: finding.fixes };
}

export function packResult(result: LintResult): PackedResult {
  const rules: PackedResult['rules'] = {};
  const findings = result.findings.map((finding) => {
    rules[finding.ruleId] ??= { sources: finding.sources, docsUrl: finding.docsUrl };
    return packFinding(finding);
  });
  const deductions = result.score.deductions.map(({ reason, ...rest }) => (rest.finding >= 0 ? rest : { ...rest, reason }));
  return { profile: result.profile, profileSource: result.profileSource, findings: JSON.stringify(findings), score: { ...result.score, deductions }, rules };
}

/**
 * Puts the rules' sources back into the parsed findings, in place (nobody else holds them, and
 * copying each again cost as much as the parse), last, where they were: key order stays the
 * engine's. Deductions get their findings' messages back as their reasons.
 */
export function unpackResult(packed: PackedResult): LintResult {
  const { rules } = packed;
  const findings = JSON.parse(packed.findings) as Finding[];
  for (const finding of findings) {
    const rule = rules[finding.ruleId];
    finding.sources = rule.sources;
    finding.docsUrl = rule.docsUrl;
  }
  for (const deduction of packed.score.deductions) deduction.reason ??= findings[deduction.finding]?.message ?? '';
  return { profile: packed.profile, profileSource: packed.profileSource, findings, score: packed.score as Score };
}

export function packReply(reply: LintReply): PackedReply {
  return { result: packResult(reply.result), omitted: reply.omitted, configProblems: reply.configProblems };
}

/** The reply, rebuilt in place: call it once per packed reply received. */
export function unpackReply(packed: PackedReply): LintReply {
  return { result: unpackResult(packed.result), omitted: packed.omitted, configProblems: packed.configProblems };
}

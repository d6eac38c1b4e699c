import type { Fix, Finding, TextEdit } from './types.js';

/**
 * One finding per problem. Hits of one rule that touch ("NOT ONE MORE TIME", "just a little bit")
 * become one finding, and rules that join ("no owner" and "no date" on one action item) report
 * one finding that names both gaps.
 */

/** What may stand between two hits of one rule for them to be one problem: spaces, a comma, a dash, one line break. */
const TOUCHING = /^[ \t,;:—–-]*(?:\r?\n[ \t]*)?$/;

export interface Span {
  start: number;
  end: number;
  values: Record<string, string>;
  fix: Fix | null;
}

/** Merges spans (of one rule, in document order) whose gap is only spaces and light punctuation. */
export function mergeTouching(spans: Span[], source: string, retitle: (values: Record<string, string>) => string): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && last.start >= 0 && span.start >= last.end && TOUCHING.test(source.slice(last.end, span.start))) {
      const values = { ...last.values, match: source.slice(last.start, span.end) };
      merged[merged.length - 1] = { start: last.start, end: span.end, values, fix: joinFixes(last.fix, span.fix, retitle(values)) };
    } else merged.push(span);
  }
  return merged;
}

/**
 * One fix doing what both do. Identical edits count once; overlapping deletions become one; any
 * other overlap cannot be done in one go, so the first fix stands alone.
 */
export function joinFixes(a: Fix | null, b: Fix | null, title: string): Fix | null {
  if (!a || !b) return a ?? b;
  const edits: TextEdit[] = [];
  for (const edit of [...a.edits, ...b.edits].sort((x, y) => x.start - y.start || x.end - y.end)) {
    const last = edits.at(-1);
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start < last.end) {
      if (last.text !== '' || edit.text !== '') return a;
      last.end = Math.max(last.end, edit.end);
      continue;
    }
    edits.push({ ...edit });
  }
  return { title, edits, safe: a.safe && b.safe };
}

/** A rule that joins another: its id, the joined message, and the other rule's id. */
export interface Join {
  rule: string;
  with: string;
  message: string;
}

/** Replaces each pair of joined findings on exactly the same words with one finding. */
export function joinFindings(findings: Finding[], joins: Join[]): Finding[] {
  if (joins.length === 0) return findings;
  const removed = new Set<Finding>();
  const out: Finding[] = [];
  // Findings by rule and exact range, so each partner is found in one look-up.
  const byPlace = new Map<string, Finding>();
  for (const f of findings) if (joins.some((j) => j.with === f.ruleId)) byPlace.set(placeOf(f.ruleId, f), f);
  for (const finding of findings) {
    const join = joins.find((j) => j.rule === finding.ruleId);
    const candidate = join && byPlace.get(placeOf(join.with, finding));
    const partner = candidate && !removed.has(candidate) ? candidate : undefined;
    if (join && partner) {
      removed.add(partner);
      const both = joinFixes(finding.fixes[0] ?? null, partner.fixes[0] ?? null, `${finding.fixes[0]?.title ?? ''} and ${lowerFirst(partner.fixes[0]?.title ?? '')}`.trim());
      out.push({ ...finding, message: join.message, fixes: both ? [both, ...finding.fixes, ...partner.fixes] : [...finding.fixes, ...partner.fixes] });
    } else out.push(finding);
  }
  return out.filter((f) => !removed.has(f));
}

const placeOf = (ruleId: string, f: Finding) => `${ruleId} ${f.range.start.offset} ${f.range.end.offset}`;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

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
  let run: Span[] = [];
  // Each run of touching spans is joined once, at its end: joining pair by pair copied the growing
  // list of edits at every step, quadratic in the run's length ("just a little bit" × 40).
  const closeRun = () => {
    if (run.length === 1) merged.push(run[0]);
    else if (run.length > 1) {
      const [first, last] = [run[0], run[run.length - 1]];
      const values = { ...first.values, match: source.slice(first.start, last.end) };
      merged.push({ start: first.start, end: last.end, values, fix: joinAllFixes(run.map((span) => span.fix), retitle(values)) });
    }
    run = [];
  };
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = run.at(-1);
    if (!(last && last.start >= 0 && span.start >= last.end && TOUCHING.test(source.slice(last.end, span.start)))) closeRun();
    run.push(span);
  }
  closeRun();
  return merged;
}

/** One fix doing what both do (see joinAllFixes). */
export function joinFixes(a: Fix | null, b: Fix | null, title: string): Fix | null {
  return joinAllFixes([a, b], title);
}

/**
 * One fix doing what all of them do. Identical edits count once; overlapping deletions become
 * one; any other overlap cannot be done in one go, so the first fix stands alone.
 */
function joinAllFixes(fixes: ReadonlyArray<Fix | null>, title: string): Fix | null {
  const present = fixes.filter((fix): fix is Fix => fix !== null);
  if (present.length <= 1) return present[0] ?? null;
  const edits: TextEdit[] = [];
  for (const edit of present.flatMap((fix) => fix.edits).sort((x, y) => x.start - y.start || x.end - y.end)) {
    const last = edits.at(-1);
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start < last.end) {
      if (last.text !== '' || edit.text !== '') return present[0];
      last.end = Math.max(last.end, edit.end);
      continue;
    }
    edits.push({ ...edit });
  }
  return { title, edits, safe: present.every((fix) => fix.safe) };
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

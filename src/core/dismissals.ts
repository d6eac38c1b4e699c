import type { Finding, Profile } from './types.js';

/**
 * "Not an issue": a finding the writer dismissed, kept only on their own machine (the editor's
 * storage, the browser's local storage) and never sent anywhere. A dismissed finding stays
 * hidden wherever the same rule flags the same words in the same sentence, and
 * `fulcrum feedback export` turns the notes into test cases for the rule that was wrong.
 */
export interface Dismissal {
  ruleId: string;
  /** The words the finding covered. */
  text: string;
  /** The sentence they are in: what a test case needs, and what tells two uses of a phrase apart. */
  sentence: string;
  profile: Profile;
  /** When it was dismissed (ISO 8601). */
  at: string;
}

/** Sentence-ending punctuation, or a line break, either side of a finding bounds its sentence. */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s|\n/g;
const FIRST_SENTENCE_END = /[.!?…]["'”’)\]]*\s|\n/;
/** How far to look either side: a sentence is shorter, and a long document is not rescanned per finding. */
const WINDOW = 1000;

/** The sentence around [start, end) in text: from the previous sentence end or line break to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  const windowStart = Math.max(0, start - WINDOW);
  let from = windowStart;
  for (const m of text.slice(windowStart, start).matchAll(SENTENCE_END)) from = windowStart + m.index + m[0].length;
  const rest = text.slice(end, end + WINDOW);
  const after = FIRST_SENTENCE_END.exec(rest);
  const to = after ? end + after.index + after[0].trimEnd().length : end + rest.length;
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

export function dismissalOf(finding: Finding, text: string, profile: Profile, at = new Date()): Dismissal {
  const { start, end } = { start: finding.range.start.offset, end: finding.range.end.offset };
  return { ruleId: finding.ruleId, text: text.slice(start, end), sentence: sentenceAround(text, start, end), profile, at: at.toISOString() };
}

const keyOf = (d: Pick<Dismissal, 'ruleId' | 'text' | 'sentence'>) => `${d.ruleId}\u0000${d.text}\u0000${d.sentence}`;

/** The findings not dismissed before: same rule, same words, same sentence. Document-level findings are kept. */
export function withoutDismissed(findings: Finding[], text: string, dismissals: readonly Dismissal[]): Finding[] {
  if (dismissals.length === 0) return findings;
  const dismissed = new Set(dismissals.map(keyOf));
  return findings.filter((f) => {
    if (f.scope !== 'inline') return true;
    const start = f.range.start.offset;
    const end = f.range.end.offset;
    return !dismissed.has(keyOf({ ruleId: f.ruleId, text: text.slice(start, end), sentence: sentenceAround(text, start, end) }));
  });
}

/**
 * Reads a list of dismissals (a file the editor or the browser exported). Entries that are not
 * dismissals are reported by index and left out; the rest are kept.
 */
export function parseDismissals(json: unknown): { dismissals: Dismissal[]; problems: string[] } {
  const list = Array.isArray(json) ? json : (json as { dismissals?: unknown })?.dismissals;
  if (!Array.isArray(list)) return { dismissals: [], problems: ['expected a list of dismissals (or { "dismissals": [...] })'] };
  const dismissals: Dismissal[] = [];
  const problems: string[] = [];
  list.forEach((entry, i) => {
    const d = entry as Partial<Dismissal>;
    const fields = ['ruleId', 'text', 'sentence', 'profile', 'at'] as const;
    const missing = fields.filter((k) => typeof d?.[k] !== 'string' || d[k] === '');
    if (missing.length) problems.push(`[${i}]: missing ${missing.join(', ')}`);
    else dismissals.push({ ruleId: d.ruleId!, text: d.text!, sentence: d.sentence!, profile: d.profile!, at: d.at! });
  });
  return { dismissals, problems };
}

/** A rule's `examples.valid` entries, as rules/<id>.json holds them: what the rule must not flag again. */
export interface DismissalTestCases {
  $comment: string;
  rules: Record<string, { valid: Array<{ text: string; profile: Profile; note: string }> }>;
}

export function testCasesFrom(dismissals: readonly Dismissal[]): DismissalTestCases {
  const rules: DismissalTestCases['rules'] = {};
  const seen = new Set<string>();
  for (const d of [...dismissals].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.at.localeCompare(b.at))) {
    if (seen.has(keyOf(d))) continue;
    seen.add(keyOf(d));
    (rules[d.ruleId] ??= { valid: [] }).valid.push({ text: d.sentence, profile: d.profile, note: `"${d.text}" dismissed as not an issue on ${d.at.slice(0, 10)}` });
  }
  return {
    $comment: 'Findings a writer dismissed as "Not an issue", as valid examples per rule: read each, and add the ones you agree with to the rule\'s examples.valid (or to a dev set), then fix the class of error.',
    rules,
  };
}

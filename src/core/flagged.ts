import type { Finding } from './types.js';

/**
 * Which rules' inline findings overlap each sentence (in document order), in one pass over both
 * sorted lists; undefined for a sentence no finding touches. What a flagged sentence says does
 * not count as the part of good writing it tried to be: "going forward, take more ownership"
 * looks ahead but is a vague ask, not a suggestion.
 */
export function flaggingRules(sentences: ReadonlyArray<{ start: number; end: number }>, findings: readonly Finding[]): Array<Set<string> | undefined> {
  const spans = findings
    .filter((f) => f.scope === 'inline')
    .map((f) => ({ from: f.range.start.offset, to: f.range.end.offset, ruleId: f.ruleId }))
    .sort((a, b) => a.from - b.from);
  const rules = new Array<Set<string> | undefined>(sentences.length);
  let first = 0;
  for (const { from, to, ruleId } of spans) {
    // Sentences are in order and spans sorted by start, so the first sentence a span can touch only moves forward.
    while (first < sentences.length && sentences[first].end <= from) first++;
    for (let i = first; i < sentences.length && sentences[i].start < to; i++) (rules[i] ??= new Set()).add(ruleId);
  }
  return rules;
}

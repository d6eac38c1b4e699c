import type { Finding } from './types.js';

/**
 * Which sentences (in document order) an inline finding overlaps: one pass over both sorted
 * lists. What a flagged sentence says does not count as the part of good writing it tried to
 * be: "going forward, take more ownership" looks ahead but is a vague ask, not a suggestion.
 */
export function flaggedSentences(sentences: ReadonlyArray<{ start: number; end: number }>, findings: readonly Finding[]): boolean[] {
  const spans = findings
    .filter((f) => f.scope === 'inline')
    .map((f) => [f.range.start.offset, f.range.end.offset] as const)
    .sort((a, b) => a[0] - b[0]);
  const flagged = new Array<boolean>(sentences.length).fill(false);
  let first = 0;
  for (const [from, to] of spans) {
    // Sentences are in order and spans sorted by start, so the first sentence a span can touch only moves forward.
    while (first < sentences.length && sentences[first].end <= from) first++;
    for (let i = first; i < sentences.length && sentences[i].start < to; i++) flagged[i] = true;
  }
  return flagged;
}

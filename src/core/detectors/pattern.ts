import nlp from 'compromise';
import { sentenceAt, type ParsedDocument } from '../document/parse.js';
import { phraseRegex, test } from '../phrases.js';
import type { PatternDetector } from '../types.js';
import { isQuoted, passesGuards, type Detection, type Hit } from './hit.js';

interface CompiledPattern {
  parsed: unknown;
  /** Match group 0 when the pattern has a [capture]: the span is the capture only. */
  group: number | undefined;
}

/** Replaces `{name}` with an alternation of the rule's list: `(abrasive|bossy|...)`. */
export function expandLists(pattern: string, lists: Record<string, string[]> = {}): string {
  return pattern.replace(/\{([\w-]+)\}/g, (whole, name: string) => {
    const words = lists[name];
    if (!words) throw new Error(`Pattern refers to unknown list {${name}}`);
    return `(${words.join('|')})`;
  });
}

/** Runs compromise match patterns over tagged blocks; spans come from term offsets, never match offsets. */
export function patternDetection(spec: PatternDetector): Detection {
  const compiled: CompiledPattern[] = spec.patterns.map((pattern) => {
    const expanded = expandLists(pattern, spec.lists);
    return {
      parsed: (nlp as unknown as { parseMatch(p: string): unknown }).parseMatch(expanded),
      group: expanded.includes('[') ? 0 : undefined,
    };
  });
  const trigger = spec.trigger?.length ? phraseRegex(spec.trigger, 'iu') : null;

  return {
    hits(doc: ParsedDocument): Hit[] {
      const hits: Hit[] = [];
      const seen = new Set<string>();
      for (const block of doc.blocks) {
        if (block.kind === 'heading' || block.sentences.length === 0) continue;
        if (trigger && !test(trigger, block.text)) continue;
        const view = block.taggedView();
        for (const pattern of compiled) {
          const match = pattern.group === undefined ? view.match(pattern.parsed) : view.match(pattern.parsed, pattern.group);
          for (const terms of match.docs) {
            const wordy = terms.filter((t) => (t.offset?.length ?? 0) > 0);
            if (wordy.length === 0) continue;
            const start = block.start + wordy[0].offset!.start;
            const last = wordy[wordy.length - 1];
            const end = block.start + last.offset!.start + last.offset!.length;
            const key = `${start}:${end}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const sentence = sentenceAt(doc, start);
            if (!sentence || isQuoted(sentence, start, doc.source) || !passesGuards(sentence, spec)) continue;
            hits.push({ start, end, sentence, values: { match: doc.source.slice(start, end) } });
          }
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}

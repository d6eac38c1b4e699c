import nlp from 'compromise';
import type { Block } from '../document/parse.js';
import { phraseRegex, test } from '../phrases.js';
import type { PatternDetector } from '../types.js';
import { isQuoted, passesGuards, sentenceIndexIn, type BlockDetection, type BlockHit } from './hit.js';

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
export function patternDetection(spec: PatternDetector): BlockDetection {
  const compiled: CompiledPattern[] = spec.patterns.map((pattern) => {
    const expanded = expandLists(pattern, spec.lists);
    return {
      parsed: (nlp as unknown as { parseMatch(p: string): unknown }).parseMatch(expanded),
      group: expanded.includes('[') ? 0 : undefined,
    };
  });
  const trigger = spec.trigger?.length ? phraseRegex(spec.trigger, 'iu') : null;

  const notAfter = new Set((spec.notAfter ?? []).map((w) => w.toLowerCase()));
  const detect = (block: Block, prose: string): BlockHit[] => {
    if (trigger && !test(trigger, block.text)) return [];
    const view = block.taggedView();
    const found: BlockHit[] = [];
    for (const pattern of compiled) {
      const match = pattern.group === undefined ? view.match(pattern.parsed) : view.match(pattern.parsed, pattern.group);
      for (const terms of match.docs) {
        const wordy = terms.filter((t) => (t.offset?.length ?? 0) > 0);
        if (wordy.length === 0) continue;
        const last = wordy[wordy.length - 1];
        const start = wordy[0].offset!.start;
        const end = last.offset!.start + last.offset!.length;
        // One finding per stretch of text: the first pattern that covers it wins.
        if (found.some((f) => start < f.end && f.start < end)) continue;
        const index = sentenceIndexIn(block, block.start + start);
        const sentence = block.sentences[index];
        if (!sentence || isQuoted(sentence, block.start + start, prose) || !passesGuards(sentence, spec)) continue;
        // "work that needs to be done": a relative clause defines the work, it does not assign it.
        if (notAfter.has(block.text.slice(Math.max(0, start - 40), start).match(/([\p{L}'’-]+)[^\p{L}]*$/u)?.[1]?.toLowerCase() ?? '')) continue;
        found.push({ start, end, sentence: index });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };

  return { inBlock: detect };
}

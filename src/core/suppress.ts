import type { LineIndex } from './document/lineIndex.js';

/**
 * Inline suppression, in HTML comments (they stay invisible in rendered Markdown):
 *   <!-- fulcrum-disable rule-id other-id -->  …  <!-- fulcrum-enable rule-id -->
 *   <!-- fulcrum-disable-next-line rule-id -->
 * With no rule id, the directive covers every rule.
 */

const DIRECTIVE = /<!--\s*fulcrum-(disable-next-line|disable|enable)\b([^>]*?)-->/g;
const ALL = '*';

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

interface Interval {
  start: number;
  end: number;
}

export function parseSuppressions(source: string, lines: LineIndex): Suppressions {
  const intervals = new Map<string, Interval[]>();
  const openSince = new Map<string, number>();
  const add = (id: string, start: number, end: number) => {
    const list = intervals.get(id) ?? [];
    list.push({ start, end });
    intervals.set(id, list);
  };

  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(source); m; m = DIRECTIVE.exec(source)) {
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const targets = ids.length ? ids : [ALL];
    const kind = m[1];
    if (kind === 'disable-next-line') {
      const line = lines.position(m.index).line;
      const nextStart = lines.position(source.indexOf('\n', m.index + m[0].length) + 1).offset;
      const nextLineEnd = source.indexOf('\n', nextStart);
      if (lines.position(nextStart).line === line + 1) {
        for (const id of targets) add(id, nextStart, nextLineEnd < 0 ? source.length + 1 : nextLineEnd);
      }
    } else if (kind === 'disable') {
      for (const id of targets) if (!openSince.has(id)) openSince.set(id, m.index);
    } else {
      for (const id of targets) {
        const since = openSince.get(id);
        if (since !== undefined) add(id, since, m.index);
        openSince.delete(id);
      }
    }
  }
  for (const [id, since] of openSince) add(id, since, source.length + 1);

  return {
    isSuppressed(ruleId: string, offset: number): boolean {
      for (const id of [ruleId, ALL]) {
        if (intervals.get(id)?.some((i) => offset >= i.start && offset < i.end)) return true;
      }
      return false;
    },
  };
}

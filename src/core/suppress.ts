import type { LineIndex } from './document/lineIndex.js';
import type { TextRange } from './document/mask.js';

/**
 * Inline suppression, in HTML comments (they stay invisible in rendered Markdown):
 *   <!-- fulcrum-disable rule-id other-id -->  …  <!-- fulcrum-enable rule-id -->
 *   <!-- fulcrum-disable-next-line rule-id -->
 * With no rule id, the directive covers every rule. As in ESLint, the last disable or
 * enable before a finding that names its rule (or names none) decides: an id-less
 * enable ends every disable, and `enable some-id` inside an id-less disable turns that
 * one rule back on. Only real comments count: a directive shown in a code block or a
 * code span is an example, not an instruction.
 */

const DIRECTIVE = /^<!--\s*fulcrum-(disable-next-line|disable|enable)\b([\s\S]*?)-->$/;

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

interface Directive {
  kind: 'disable' | 'enable';
  /** Empty: every rule. */
  ids: string[];
  offset: number;
}

interface LineSuppression extends TextRange {
  ids: string[];
}

function covers(ids: string[], ruleId: string): boolean {
  return ids.length === 0 || ids.includes(ruleId);
}

export function parseSuppressions(source: string, lines: LineIndex, comments: readonly TextRange[]): Suppressions {
  const directives: Directive[] = [];
  const nextLines: LineSuppression[] = [];

  for (const comment of comments) {
    const m = source.slice(comment.start, comment.end).match(DIRECTIVE);
    if (!m) continue;
    // Anything after " -- " is the writer's reason, as in ESLint.
    const ids = m[2].split(/\s--\s/)[0].split(/[\s,]+/).filter(Boolean);
    if (m[1] === 'disable-next-line') {
      // The line after the one the comment ends on, whatever its line break (LF, CRLF or CR).
      const next = lines.position(comment.end).line + 1;
      const end = next < lines.lineCount ? lines.lineStart(next + 1) : source.length + 1;
      if (next <= lines.lineCount) nextLines.push({ start: lines.lineStart(next), end, ids });
    } else {
      directives.push({ kind: m[1] as Directive['kind'], ids, offset: comment.start });
    }
  }

  return {
    isSuppressed(ruleId: string, offset: number): boolean {
      if (nextLines.some((s) => offset >= s.start && offset < s.end && covers(s.ids, ruleId))) return true;
      let disabled = false;
      for (const d of directives) {
        if (d.offset > offset) break;
        if (covers(d.ids, ruleId)) disabled = d.kind === 'disable';
      }
      return disabled;
    },
  };
}

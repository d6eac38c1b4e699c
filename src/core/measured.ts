import data from '../../rules/measured.json' with { type: 'json' };

/**
 * How often each rule was right where it was measured (rules/measured.json, written by
 * `npm run eval -- --write`): shown in `fulcrum rules`, `fulcrum explain` and the rule pages,
 * so a user knows how much to trust a finding before acting on it.
 */

export interface Tally {
  right: number;
  wrong: number;
}

export interface Found {
  found: number;
  missed: number;
}

export interface MeasuredRule {
  /** On the blind set; document checks count documents, inline rules findings. */
  blind?: Tally & { categoryRecall?: Found; recall?: Found };
  /** On real text by others (inline findings only). */
  realText?: Tally;
  /** The figures in sentences, as `fulcrum explain` and the rule pages print them. */
  summary: string[];
}

export interface MeasuredRules {
  $comment: string;
  sets: { blind: { sentences: number; documents: number }; realText: { texts: number } };
  rules: Record<string, MeasuredRule>;
}

export const MEASURED = data as MeasuredRules;

/** "95%", or "—" when the rule made no finding there. */
export function precisionOf(tally: Tally | undefined): string {
  const total = (tally?.right ?? 0) + (tally?.wrong ?? 0);
  return tally && total > 0 ? `${Math.round((tally.right / total) * 100)}%` : '—';
}

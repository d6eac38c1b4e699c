import scoring from '../../rules/score.json' with { type: 'json' };
import type { ParsedDocument } from './document/parse.js';
import { hasFeature } from './features.js';
import { flaggingRules } from './flagged.js';
import type { Credit, Finding, Profile } from './types.js';

/**
 * What a document earns for what good writing contains, from rules/score.json: each credit counts
 * the prose sentences that have all of its features, at `each` points a sentence, up to `max`.
 * A sentence with an inline finding earns nothing: "going forward, take more ownership" looks
 * ahead but is a vague ask, not a suggestion.
 */

interface CreditSpec {
  id: string;
  label: string;
  profiles: string[];
  features: string[];
  each: number;
  max: number;
}

export const SCORE_BASE: number = scoring.base;
const CREDITS = scoring.credits as CreditSpec[];

export function creditsFor(doc: ParsedDocument, profile: Profile, findings: readonly Finding[]): Credit[] {
  const prose = doc.sentences.filter((s) => s.block.kind !== 'heading' && s.block.kind !== 'label');
  const flagged = flaggingRules(prose, findings);
  const clean = prose.filter((_, i) => !flagged[i]);
  const credits: Credit[] = [];
  for (const spec of CREDITS) {
    if (!spec.profiles.includes(profile)) continue;
    // Counting stops once the credit is full: a long document need not be read to the end for it.
    let points = 0;
    for (let i = 0; i < clean.length && points < spec.max; i++) {
      if (spec.features.every((f) => hasFeature(clean[i], f))) points = Math.min(spec.max, points + spec.each);
    }
    credits.push({ id: spec.id, label: spec.label, points, max: spec.max });
  }
  return credits;
}

/** Every feature a credit names must exist: checked by the tests, as rule guards are. */
export function creditFeatures(): string[] {
  return [...new Set(CREDITS.flatMap((c) => c.features))];
}

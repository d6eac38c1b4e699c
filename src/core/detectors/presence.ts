import type { ParsedDocument } from '../document/parse.js';
import { phraseRegex, test } from '../phrases.js';
import type { PresenceDetector } from '../types.js';
import { allFeatures, type Detection, type Hit } from './hit.js';

/** Document-level check: the document must contain something (a heading, or a sentence with given features). */
export function presenceDetection(spec: PresenceDetector): Detection {
  const headingPatterns = spec.anyOf.map((c) => (c.heading?.length ? phraseRegex(c.heading, 'iu') : null));

  const satisfied = (doc: ParsedDocument): boolean =>
    spec.anyOf.some((condition, i) => {
      const heading = headingPatterns[i];
      if (heading && doc.sections.some((s) => s.title !== null && test(heading, s.title))) return true;
      if (condition.sentence?.length) return doc.sentences.some((s) => allFeatures(s, condition.sentence));
      return false;
    });

  return {
    hits(doc: ParsedDocument): Hit[] {
      const prose = doc.sentences.filter((s) => s.block.kind !== 'heading' && s.block.kind !== 'label');
      if (prose.length === 0 || prose.length < (spec.minSentences ?? 1)) return [];
      if (spec.onlyIf?.length && !prose.some((s) => allFeatures(s, spec.onlyIf))) return [];
      if (satisfied(doc)) return [];
      return [{ start: -1, end: -1, values: {} }];
    },
  };
}

import type { Detection } from './detectors/hit.js';
import { claimDetection } from './detectors/claim.js';
import { patternDetection } from './detectors/pattern.js';
import { phraseDetection } from './detectors/phrase.js';
import { presenceDetection } from './detectors/presence.js';
import { lengthDetection, proportionDetection, regexDetection } from './detectors/shape.js';
import { unitDetection } from './detectors/unit.js';
import { isKnownFeature } from './features.js';
import { CATEGORIES, DIMENSIONS, PROFILES, type PhraseEntry, type RuleSpec, type Severity } from './types.js';

/**
 * Checks a rule file's shape at run time. Custom rules arrive from users' config files,
 * and the browser extension's CSP forbids the code generation a schema validator uses,
 * so this is plain code. rules/rule.schema.json says the same for editors and tests.
 */
export function validateRuleSpec(value: unknown): string[] {
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['a rule must be a JSON object'];
  const rule = value as Partial<RuleSpec> & Record<string, unknown>;
  const need = (ok: boolean, message: string) => {
    if (!ok) errors.push(message);
  };
  const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

  need(typeof rule.id === 'string' && /^[a-z-]+\/[a-z0-9-]+$/.test(rule.id), '"id" must look like "category/name"');
  need(typeof rule.title === 'string' && rule.title.length > 0, '"title" must be a non-empty string');
  need(CATEGORIES.includes(rule.category as never), `"category" must be one of ${CATEGORIES.join(', ')}`);
  if (typeof rule.id === 'string' && rule.category) need(rule.id.startsWith(`${rule.category}/`), '"id" must start with its category');
  need(Array.isArray(rule.dimensions) && rule.dimensions.every((d) => DIMENSIONS.includes(d)), `"dimensions" must list seed-004 dimensions (${DIMENSIONS.join(', ')})`);
  need(['error', 'warning', 'info'].includes(rule.severity as string), '"severity" must be error, warning or info');
  need(Array.isArray(rule.profiles) && rule.profiles.length > 0 && rule.profiles.every((p) => PROFILES.includes(p)), `"profiles" must list some of ${PROFILES.join(', ')}`);
  need(rule.scope === 'inline' || rule.scope === 'document', '"scope" must be inline or document');
  need(typeof rule.message === 'string' && rule.message.length > 0, '"message" must be a non-empty string');
  need(typeof rule.rationale === 'string' && rule.rationale.length > 0, '"rationale" must be a non-empty string');
  const seeds = (rule.sources as RuleSpec['sources'] | undefined)?.seeds;
  need(Array.isArray(seeds) && seeds.length > 0 && seeds.every((s) => typeof s?.seed === 'string' && typeof s?.quote === 'string'), '"sources.seeds" must list { seed, quote } entries');

  if (rule.skipForKinds !== undefined) need(isStringArray(rule.skipForKinds) && rule.skipForKinds.every((k) => k === 'recognition'), '"skipForKinds" must list document kinds (recognition)');
  if (rule.joins !== undefined) {
    const joins = rule.joins as { rule?: unknown; message?: unknown };
    need(typeof joins.rule === 'string' && /^[a-z-]+\/[a-z0-9-]+$/.test(joins.rule) && typeof joins.message === 'string' && joins.message.length > 0, '"joins" must be { rule, message }');
  }
  if (rule.impliedBy !== undefined) {
    const implied = rule.impliedBy as { rules?: unknown; unless?: unknown };
    need(rule.scope === 'document', '"impliedBy" is for document checks');
    need(isStringArray(implied.rules) && implied.rules.length > 0 && implied.rules.every((id) => /^[a-z-]+\/[a-z0-9-]+$/.test(id)), '"impliedBy.rules" must list rule ids');
    need(isStringArray(implied.unless) && implied.unless.length > 0 && implied.unless.every(isKnownFeature), '"impliedBy.unless" must list known features');
  }
  if (rule.yieldsUnless !== undefined) need(rule.yieldsTo !== undefined && isStringArray(rule.yieldsUnless) && rule.yieldsUnless.every(isKnownFeature), '"yieldsUnless" must list known features, beside "yieldsTo"');
  if (rule.yieldsTo !== undefined) need(isStringArray(rule.yieldsTo) && rule.yieldsTo.every((id) => /^[a-z-]+\/[a-z0-9-]+$/.test(id)), '"yieldsTo" must list rule ids');
  const detector = rule.detector as RuleSpec['detector'] | undefined;
  if (!detector || typeof detector !== 'object') errors.push('"detector" is required');
  else {
    const guards = detector as { when?: unknown; unless?: unknown; unlessAdjacent?: unknown; requires?: unknown; onlyIf?: unknown; counted?: unknown; sentencesWith?: unknown };
    for (const key of ['when', 'unless', 'unlessAdjacent', 'requires', 'onlyIf', 'counted', 'sentencesWith'] as const) {
      const list = guards[key];
      if (list === undefined) continue;
      if (!isStringArray(list)) errors.push(`"detector.${key}" must be a list of feature names`);
      else for (const f of list as string[]) if (!isKnownFeature(f)) errors.push(`"detector.${key}" names unknown feature "${f}"`);
    }
    switch (detector.kind) {
      case 'phrase':
        need(
          Array.isArray(detector.phrases) && detector.phrases.length > 0 && detector.phrases.every((p) => typeof p === 'string' || typeof (p as PhraseEntry)?.text === 'string'),
          '"detector.phrases" must be a non-empty list of strings or { text, replacement }',
        );
        for (const group of (detector.phrasesWith ?? []) as unknown[]) {
          const { features, phrases } = (group ?? {}) as { features?: unknown; phrases?: unknown };
          need(isStringArray(features) && features.length > 0 && features.every(isKnownFeature), '"detector.phrasesWith" entries need "features" that name known features');
          need(isStringArray(phrases) && phrases.length > 0, '"detector.phrasesWith" entries need a non-empty "phrases" list');
        }
        break;
      case 'pattern':
        need(isStringArray(detector.patterns) && detector.patterns.length > 0, '"detector.patterns" must be a non-empty list of compromise patterns');
        break;
      case 'unit':
        need(detector.unit === 'action-item' || detector.unit === 'goal', '"detector.unit" must be action-item or goal');
        need(isStringArray(detector.requires) && detector.requires.length > 0, '"detector.requires" must list features');
        break;
      case 'presence':
        need(Array.isArray(detector.anyOf) && detector.anyOf.length > 0, '"detector.anyOf" must list conditions');
        break;
      case 'regex':
        try {
          new RegExp(detector.pattern, 'gu');
        } catch {
          errors.push('"detector.pattern" must be a valid regular expression');
        }
        break;
      case 'claim':
        need(
          Array.isArray(detector.claims) && detector.claims.length > 0 && detector.claims.every((c) => CLAIM_KINDS.includes(c)),
          `"detector.claims" must list claim kinds (${CLAIM_KINDS.join(', ')})`,
        );
        break;
      case 'length':
        need(Number.isInteger(detector.maxWords) && detector.maxWords > 0, '"detector.maxWords" must be a positive whole number');
        break;
      case 'proportion':
        need(isStringArray(detector.counted) && detector.counted.length > 0, '"detector.counted" must list features');
        need(typeof detector.minShare === 'number' && detector.minShare > 0 && detector.minShare <= 1, '"detector.minShare" must be a share between 0 and 1');
        need(Number.isInteger(detector.minCount) && detector.minCount > 0, '"detector.minCount" must be a positive whole number');
        need(detector.countTwice === undefined || isStringArray(detector.countTwice), '"detector.countTwice" must list features');
        break;
      default:
        errors.push('"detector.kind" must be claim, phrase, pattern, unit, presence, regex, length or proportion');
    }
  }
  const examples = rule.examples as RuleSpec['examples'] | undefined;
  need(Array.isArray(examples?.invalid) && Array.isArray(examples?.valid), '"examples" must have "invalid" and "valid" lists');
  return errors;
}

const CLAIM_KINDS: readonly string[] = ['trait', 'label', 'evaluation', 'motive', 'potential', 'comparison', 'bias', 'control', 'effort', 'absolute', 'vague-ask'];

export interface CompiledRule {
  spec: RuleSpec;
  severity: Severity;
  detection: Detection;
}

export function compileRule(spec: RuleSpec, severity: Severity = spec.severity, extraPhrases: Array<string | PhraseEntry> = []): CompiledRule {
  const d = spec.detector;
  const detection = (() => {
    switch (d.kind) {
      case 'phrase':
        return phraseDetection(d, extraPhrases);
      case 'pattern':
        return patternDetection(d);
      case 'claim':
        return claimDetection(d);
      case 'unit':
        return unitDetection(d);
      case 'presence':
        return presenceDetection(d);
      case 'regex':
        return regexDetection(d);
      case 'length':
        return lengthDetection(d);
      case 'proportion':
        return proportionDetection(d);
    }
  })();
  return { spec, severity, detection };
}

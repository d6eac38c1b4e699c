import { validateRuleSpec } from './rules.js';
import { isKnownFeature } from './features.js';
import { backtrackingRisk } from './regexRisk.js';
import type { ConfigProblem, Detector, FulcrumConfig, PhraseEntry, RuleSetting, RuleSpec } from './types.js';

/**
 * Validates a parsed .fulcrumrc.json. Whatever is wrong is reported (with a JSON path)
 * and left out; everything valid is kept, so one typo never switches Fulcrum off.
 *
 * A config comes with the repository a person opens, so it is treated as input from a
 * stranger: keys are looked up as own properties only ("constructor" is no fix kind), regular
 * expressions that can backtrack catastrophically are refused, and phrase lists are bounded.
 * What a config proposes as a rewrite is never applied on its own (see Linter).
 */

const SETTINGS: readonly RuleSetting[] = ['off', 'on', 'error', 'warning', 'info'];
const PROFILE_SETTINGS = ['auto', 'review', 'one-on-one', 'announcement'];
const KNOWN_KEYS = new Set(['$schema', 'profile', 'rules', 'phrases', 'customRules']);

/** A phrase as a string or { text, replacement? }; a replacement that is not text would crash the fix later. */
function isPhraseEntry(value: unknown): boolean {
  if (typeof value === 'string') return true;
  const entry = value as Partial<PhraseEntry> | null;
  return typeof entry?.text === 'string' && (entry.replacement === undefined || typeof entry.replacement === 'string');
}

/** Phrase lists beyond these sizes are someone's dictionary, not a team's wording: they cost seconds and megabytes per lint. */
export const MAX_PHRASES_PER_RULE = 1000;
const MAX_PHRASE_CHARS = 200;

/** What is wrong with a phrase list's size or lengths; the list is then cut or the long phrases left out. */
function phraseListProblems(list: ReadonlyArray<string | PhraseEntry>): { kept: Array<string | PhraseEntry>; problems: string[] } {
  const problems: string[] = [];
  let kept = list.filter((entry) => (typeof entry === 'string' ? entry : entry.text).length <= MAX_PHRASE_CHARS && (typeof entry === 'string' || (entry.replacement ?? '').length <= MAX_PHRASE_CHARS));
  if (kept.length < list.length) problems.push(`${list.length - kept.length} phrase(s) or replacement(s) longer than ${MAX_PHRASE_CHARS} characters left out`);
  if (kept.length > MAX_PHRASES_PER_RULE) {
    problems.push(`at most ${MAX_PHRASES_PER_RULE} phrases per rule: the first ${MAX_PHRASES_PER_RULE} of ${kept.length} are used`);
    kept = kept.slice(0, MAX_PHRASES_PER_RULE);
  }
  return { kept, problems };
}

/** The regular expressions inside compromise patterns ("/^(a+)+$/" as a term). */
const TERM_REGEX = /\/((?:\\.|[^/\\])+)\//g;

/** Regular expressions in a detector that can backtrack catastrophically: such a rule is refused. */
function regexProblems(detector: Detector): string[] {
  const sources: Array<{ field: string; source: string }> = [];
  if (detector.kind === 'regex') sources.push({ field: 'pattern', source: detector.pattern });
  if (detector.kind === 'pattern') for (const pattern of detector.patterns) for (const [, source] of pattern.matchAll(TERM_REGEX)) sources.push({ field: 'patterns', source });
  return sources.flatMap(({ field, source }) => {
    const risk = backtrackingRisk(source);
    return risk ? [`"detector.${field}" /${source}/: ${risk}`] : [];
  });
}

/** The text fields each fix kind fills in, besides its title. */
const FIX_TEXT_FIELDS: Record<string, string[]> = {
  replace: [],
  delete: [],
  'replace-sentence': ['text'],
  'insert-sentence-end': ['text'],
  'insert-after-match': ['text'],
  'insert-before-unit': ['text'],
  'append-document': ['markdown', 'text'],
  'insert-after-first-block': ['markdown', 'text'],
};

const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Detector fields beyond validateRuleSpec's checks, each of which would throw while linting. */
function detectorProblems(detector: Detector): string[] {
  const problems: string[] = [];
  const fields = detector as unknown as Record<string, unknown>;
  const needStringLists = (...keys: string[]) => {
    for (const key of keys) if (fields[key] !== undefined && !isStringList(fields[key])) problems.push(`"detector.${key}" must be a list of strings`);
  };
  if (detector.kind === 'phrase') {
    if (!detector.phrases.every(isPhraseEntry)) problems.push('"detector.phrases" replacements must be strings');
    else if (phraseListProblems(detector.phrases).problems.length) problems.push(`"detector.phrases" must hold at most ${MAX_PHRASES_PER_RULE} phrases of at most ${MAX_PHRASE_CHARS} characters`);
    needStringLists('notBefore', 'notAfter');
  } else if (detector.kind === 'pattern') {
    needStringLists('trigger');
    const lists = (fields.lists ?? {}) as Record<string, unknown>;
    if (typeof lists !== 'object' || Array.isArray(lists) || !Object.values(lists).every(isStringList)) problems.push('"detector.lists" must map names to lists of strings');
    for (const pattern of detector.patterns) {
      for (const [, name] of pattern.matchAll(/\{([\w-]+)\}/g)) if (!isStringList(lists[name])) problems.push(`"detector.patterns" refers to unknown list {${name}}`);
    }
  } else if (detector.kind === 'presence') {
    for (const condition of detector.anyOf as unknown[]) {
      const c = (condition ?? {}) as Record<string, unknown>;
      const features = (list: unknown) => list === undefined || (isStringList(list) && (list as string[]).every(isKnownFeature));
      const valid = typeof condition === 'object' && condition !== null && (c.heading === undefined || isStringList(c.heading)) && features(c.sentence) && features(c.unless);
      if (!valid) problems.push('"detector.anyOf" entries must be { heading?: [phrases], sentence?: [known features], unless?: [known features] }');
    }
    if (fields.minSentences !== undefined && typeof fields.minSentences !== 'number') problems.push('"detector.minSentences" must be a number');
  }
  return problems;
}

/**
 * What validateRuleSpec leaves to the rule files' JSON schema, but a hand-written custom
 * rule can still get wrong: a detector field, fix or phrase replacement of the wrong type
 * passes loading and then crashes linting at the first match.
 */
function customRuleProblems(rule: RuleSpec): string[] {
  const problems = [...detectorProblems(rule.detector), ...regexProblems(rule.detector)];
  if (rule.fix === undefined) return problems;
  const fix = rule.fix as unknown as Record<string, unknown> | null;
  const kind = typeof fix === 'object' && fix !== null ? String(fix.kind) : '';
  const fields = Object.hasOwn(FIX_TEXT_FIELDS, kind) ? FIX_TEXT_FIELDS[kind] : undefined;
  if (!fix || !fields) return [...problems, `"fix.kind" must be one of ${Object.keys(FIX_TEXT_FIELDS).join(', ')}`];
  for (const field of ['title', ...fields]) if (typeof fix[field] !== 'string') problems.push(`"fix.${field}" must be a string`);
  if (fix.text !== undefined && typeof fix.text !== 'string' && !fields.includes('text')) problems.push('"fix.text" must be a string');
  if (fix.safe !== undefined && typeof fix.safe !== 'boolean') problems.push('"fix.safe" must be true or false');
  return problems;
}

export function validateConfig(raw: unknown, knownRuleIds: ReadonlySet<string>): { config: FulcrumConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: FulcrumConfig = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, problems: [{ path: '$', message: 'the configuration must be a JSON object' }] };
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ path: key, message: `unknown setting "${key}" (expected one of ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})` });
  }

  if (input.profile !== undefined) {
    if (typeof input.profile === 'string' && PROFILE_SETTINGS.includes(input.profile)) config.profile = input.profile as FulcrumConfig['profile'];
    else problems.push({ path: 'profile', message: `"profile" must be one of ${PROFILE_SETTINGS.join(', ')}` });
  }

  const customIds = new Set<string>();
  if (input.customRules !== undefined) {
    if (!Array.isArray(input.customRules)) problems.push({ path: 'customRules', message: '"customRules" must be a list of rules' });
    else {
      config.customRules = [];
      input.customRules.forEach((rule: unknown, i: number) => {
        const shapeErrors = validateRuleSpec(rule);
        const errors = shapeErrors.length ? shapeErrors : customRuleProblems(rule as RuleSpec);
        const id = (rule as RuleSpec)?.id;
        if (errors.length) for (const message of errors) problems.push({ path: `customRules[${i}]`, message });
        else if (knownRuleIds.has(id) || customIds.has(id)) problems.push({ path: `customRules[${i}]`, message: `rule id "${id}" is already taken` });
        else {
          customIds.add(id);
          config.customRules!.push(rule as RuleSpec);
        }
      });
    }
  }

  const isRule = (id: string) => knownRuleIds.has(id) || customIds.has(id);
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push({ path: 'rules', message: '"rules" must map rule ids to off, on, info, warning or error' });
    } else {
      config.rules = {};
      for (const [id, setting] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!isRule(id)) problems.push({ path: `rules.${id}`, message: `unknown rule "${id}"` });
        else if (!SETTINGS.includes(setting as RuleSetting)) problems.push({ path: `rules.${id}`, message: `"${String(setting)}" is not one of ${SETTINGS.join(', ')}` });
        else config.rules[id] = setting as RuleSetting;
      }
    }
  }

  if (input.phrases !== undefined) {
    if (typeof input.phrases !== 'object' || input.phrases === null || Array.isArray(input.phrases)) {
      problems.push({ path: 'phrases', message: '"phrases" must map phrase-rule ids to lists of phrases' });
    } else {
      config.phrases = {};
      for (const [id, list] of Object.entries(input.phrases as Record<string, unknown>)) {
        const valid = Array.isArray(list) && list.every(isPhraseEntry);
        if (!isRule(id)) problems.push({ path: `phrases.${id}`, message: `unknown rule "${id}"` });
        else if (!valid) problems.push({ path: `phrases.${id}`, message: 'must be a list of phrases (strings or { text, replacement } with string values)' });
        else {
          const { kept, problems: sizeProblems } = phraseListProblems(list as Array<string | PhraseEntry>);
          for (const message of sizeProblems) problems.push({ path: `phrases.${id}`, message });
          config.phrases[id] = kept;
        }
      }
    }
  }
  return { config, problems };
}

/** Parses config text; a syntax error becomes a problem and the defaults apply. */
export function parseConfigText(text: string, knownRuleIds: ReadonlySet<string>): { config: FulcrumConfig; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, problems: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validateConfig(raw, knownRuleIds);
}

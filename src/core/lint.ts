import { computeBalance } from './balance.js';
import { parseDocument, type ParseCache, type ParsedDocument, type Sentence } from './document/parse.js';
import { buildFix, documentAnchor, unlessEmptyingMarkup } from './fixes.js';
import { documentKind } from './kinds.js';
import { profileOf } from './profile.js';
import { compileRule, type CompiledRule } from './rules.js';
import { joinFindings, mergeTouching, type Join, type Span } from './merge.js';
import { computeScore } from './score.js';
import { creditsFor, SCORE_BASE } from './credits.js';
import { parseSuppressions } from './suppress.js';
import { flaggingRules } from './flagged.js';
import { withoutDismissed, type Dismissal } from './dismissals.js';
import { allFeatures, anyFeature, blockwiseHits, wholeDocumentHit, type BlockwiseRule, type DetectionContext } from './detectors/hit.js';
import { PROFILES, type Finding, type FulcrumConfig, type LintResult, type ProfileSetting, type RuleSpec, type TextFormat } from './types.js';

import { docsUrlFor } from './docs.js';

export { docsUrlFor };

export interface LintOptions {
  format?: TextFormat;
  /** Overrides the configured profile. */
  profile?: ProfileSetting;
  /** Reuse block parses from earlier versions of the same document (editors pass one per open document). */
  cache?: ParseCache;
  /** Findings the writer marked "Not an issue": hidden, and they cost no points. */
  dismissals?: readonly Dismissal[];
}

function fillMessage(template: string, values: Record<string, string>): string {
  // Most messages have no placeholder, and this runs for every finding on every keystroke.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  });
}

/**
 * A configured rule set, compiled once and reused for every document. `lint` parses a
 * document once and runs every active rule against that one parse.
 */
export class Linter {
  readonly rules: CompiledRule[];
  private readonly inlineFirst: CompiledRule[];
  /** Each rule's sources and docs link, made once: a keystroke makes hundreds of findings. */
  private readonly about = new Map<string, Pick<Finding, 'sources' | 'docsUrl'>>();
  private readonly joins: Join[];

  constructor(
    builtinRules: readonly RuleSpec[],
    readonly config: FulcrumConfig = {},
  ) {
    // A custom rule's fix is offered as a quick fix, never applied by --fix or on save: the
    // config came with the repository, and its author's rewrites are not Fulcrum's to make.
    const custom = (config.customRules ?? []).map((spec) => (spec.fix && 'safe' in spec.fix ? { ...spec, fix: { ...spec.fix, safe: false } } : spec));
    const all = [...builtinRules, ...custom];
    this.rules = [];
    for (const spec of all) {
      const setting = config.rules?.[spec.id] ?? 'on';
      if (setting === 'off') continue;
      const severity = setting === 'on' ? spec.severity : setting;
      this.rules.push(compileRule(spec, severity, config.phrases?.[spec.id]));
    }
    for (const { spec } of this.rules) this.about.set(spec.id, { sources: spec.sources.seeds.map((s) => ({ seed: s.seed, quote: s.quote })), docsUrl: docsUrlFor(spec.id) });
    // Inline rules first, then document checks; a check another implies runs after the one that implies it.
    const documentChecks = this.rules.filter((r) => r.spec.scope !== 'inline');
    this.inlineFirst = [...this.rules.filter((r) => r.spec.scope === 'inline'), ...documentChecks.filter((r) => !r.spec.impliedBy), ...documentChecks.filter((r) => r.spec.impliedBy)];
    this.joins = this.rules.filter((r) => r.spec.joins).map((r) => ({ rule: r.spec.id, with: r.spec.joins!.rule, message: r.spec.joins!.message }));
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    return this.lintParsed(parseDocument(text, options.format ?? 'markdown', options.cache), options);
  }

  lintParsed(doc: ParsedDocument, options: LintOptions = {}): LintResult {
    const detection = profileOf(doc, options.profile ?? this.config.profile ?? 'auto');
    const { profile } = detection;
    const kind = documentKind(doc, profile);
    const suppressions = parseSuppressions(doc.source, doc.lines, doc.comments);
    const findings: Finding[] = [];
    let context: DetectionContext | undefined;
    const runs = ({ spec }: CompiledRule): boolean => {
      if (!spec.profiles.includes(profile)) return false;
      // Unsure what kind of text this is: a check only some kinds need (no strengths, no question channel) stays silent.
      if (detection.how === 'unsure' && spec.scope === 'document' && spec.profiles.length < PROFILES.length) return false;
      return !(kind && spec.skipForKinds?.includes(kind));
    };
    const blockwise: BlockwiseRule[] = [];
    for (const [slot, rule] of this.inlineFirst.entries()) if ('inBlock' in rule.detection && runs(rule)) blockwise.push({ slot, detection: rule.detection });
    const blockHits = blockwiseHits(doc, this, blockwise);
    // Inline rules first: document checks then know which sentences were flagged (see DetectionContext).
    for (const [slot, rule] of this.inlineFirst.entries()) {
      if (rule.spec.scope === 'document') context ??= { flaggedBy: flaggedByRule(doc, findings) };
      const { spec } = rule;
      if (!runs(rule)) continue;
      const spans: Span[] = [];
      const detected = 'inBlock' in rule.detection ? blockHits.get(slot)! : rule.detection.hits(doc, context);
      const hits = detected.length === 0 && isImplied(spec, findings, doc) ? [wholeDocumentHit()] : detected;
      for (const hit of hits) {
        const span = hit.start < 0 ? documentAnchor(spec.fix, doc) : { start: hit.start, end: hit.end };
        if (suppressions.isSuppressed(spec.id, span.start)) continue;
        spans.push({ start: span.start, end: span.end, values: hit.values, fix: buildFix(spec.fix, hit, doc) });
      }
      const retitle = (values: Record<string, string>) => fillMessage(spec.fix && 'title' in spec.fix ? spec.fix.title : '', values);
      const { sources, docsUrl } = this.about.get(spec.id)!;
      for (const span of spec.scope === 'inline' ? mergeTouching(spans, doc.source, retitle) : spans) {
        const fix = unlessEmptyingMarkup(span.fix, doc);
        findings.push({
          ruleId: spec.id,
          category: spec.category,
          severity: rule.severity,
          scope: spec.scope,
          message: fillMessage(spec.message, span.values),
          range: doc.lines.range(span.start, span.end),
          fixes: fix ? [fix] : [],
          sources,
          docsUrl,
        });
      }
    }
    const kept = withoutDismissed(findings, doc.source, options.dismissals ?? []);
    const shown = joinFindings(withoutYielded(kept, this.rules, doc), this.joins);
    shown.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
    const balance = computeBalance(doc);
    const proseSentences = doc.sentences.filter((s) => s.block.kind !== 'heading').length;
    return { profile, profileSource: detection.how, findings: shown, score: computeScore(shown, proseSentences, balance, SCORE_BASE, creditsFor(doc, profile, shown)) };
  }
}

/**
 * Another check's finding says this one's gap is there too: a vision with no path to it tells
 * nobody what changes for them, whatever its "that means every one of us …" says. Only a sentence
 * with the `unless` features (one that plainly says what changes or stays the same) answers it.
 */
function isImplied(spec: RuleSpec, findings: readonly Finding[], doc: ParsedDocument): boolean {
  const implied = spec.impliedBy;
  if (!implied || !findings.some((f) => f.scope === 'document' && implied.rules.includes(f.ruleId))) return false;
  return !doc.sentences.some((s) => allFeatures(s, implied.unless));
}

/**
 * One finding per stretch of text where two rules say the same thing: a finding is dropped when
 * it overlaps a finding of a rule its rule yields to ("Great job" is vague praise, not also a label;
 * "Improve communication" under Goals is an unmeasurable goal, not also a vague ask). A document
 * check is about the whole document, so it yields to a document finding anywhere in it (a vision
 * with no path to it has no change to date yet), unless a sentence has one of its `yieldsUnless`
 * features (a vision that also restructures the teams announces a change that needs its date).
 */
function withoutYielded(findings: Finding[], rules: ReadonlyArray<{ spec: RuleSpec }>, doc: ParsedDocument): Finding[] {
  const yieldsTo = new Map(rules.filter((r) => r.spec.yieldsTo?.length).map((r) => [r.spec.id, r.spec.yieldsTo!]));
  if (yieldsTo.size === 0) return findings;
  const documentWide = new Set(findings.filter((f) => f.scope === 'document').map((f) => f.ruleId));
  const yieldsUnless = new Map(rules.filter((r) => r.spec.yieldsUnless?.length).map((r) => [r.spec.id, r.spec.yieldsUnless!]));
  // Asked only of a finding that would yield, so the features are read in few documents.
  const keepsItsGround = (f: Finding) => yieldsUnless.has(f.ruleId) && doc.sentences.some((s) => anyFeature(s, yieldsUnless.get(f.ruleId)));
  const yieldsDocumentWide = (f: Finding) => (yieldsTo.get(f.ruleId) ?? []).some((id) => documentWide.has(id)) && !keepsItsGround(f);
  const standing = findings.filter((f) => f.scope !== 'document' || !yieldsDocumentWide(f));
  // Per stronger rule, its findings' starts in order and the furthest end reached so far:
  // f overlaps one of them exactly when some finding starting before f's end reaches past f's start.
  const stronger = new Map<string, { starts: number[]; reach: number[] }>();
  for (const ids of yieldsTo.values()) for (const id of ids) stronger.set(id, { starts: [], reach: [] });
  const sorted = standing.filter((f) => stronger.has(f.ruleId)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const f of sorted) {
    const list = stronger.get(f.ruleId)!;
    list.starts.push(f.range.start.offset);
    list.reach.push(Math.max(list.reach.at(-1) ?? -1, f.range.end.offset));
  }
  const overlapsAny = (f: Finding, { starts, reach }: { starts: number[]; reach: number[] }) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < f.range.end.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > f.range.start.offset;
  };
  return standing.filter((f) => !(yieldsTo.get(f.ruleId) ?? []).some((id) => overlapsAny(f, stronger.get(id)!)));
}

/** The rules with an inline finding on each sentence. */
function flaggedByRule(doc: ParsedDocument, findings: readonly Finding[]): Map<Sentence, Set<string>> {
  const rules = flaggingRules(doc.sentences, findings);
  return new Map(doc.sentences.flatMap((s, i) => (rules[i] ? [[s, rules[i]] as const] : [])));
}

/**
 * The public shapes of Fulcrum: what a rule file holds, what a finding looks like,
 * and what a score is made of. Every surface (CLI, VS Code, browser) speaks these.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Scope = 'inline' | 'document';
export type Profile = 'review' | 'one-on-one' | 'announcement';
export type ProfileSetting = Profile | 'auto';
export type TextFormat = 'markdown' | 'text';

export const CATEGORIES = [
  'expectations',
  'vision',
  'follow-up',
  'feedback',
  'empowerment',
  'development',
  'change',
  'recognition',
  'innovation',
  'clarity',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PROFILES: readonly Profile[] = ['review', 'one-on-one', 'announcement'];

/** The nine dimensions of the table in seed 004, in the table's order. */
export const DIMENSIONS = [
  'focus',
  'approach',
  'decision-making',
  'goal-orientation',
  'risk-tolerance',
  'communication',
  'relationships',
  'development',
  'success',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Position {
  /** 0-based offset in UTF-16 code units. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes need no human input (no placeholders) and keep the meaning; `fulcrum check --fix` applies only these. */
  safe: boolean;
}

export interface SeedSource {
  seed: string;
  quote: string;
}

export interface ResearchSource {
  citation: string;
  url?: string;
  note?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  scope: Scope;
  message: string;
  range: Range;
  fixes: Fix[];
  sources: SeedSource[];
  docsUrl: string;
}

/* ---------- rule files ---------- */

/** A sentence or document feature a detector can require ("when") or be silenced by ("unless"). */
export type FeatureName = string;

export interface PhraseEntry {
  text: string;
  /** Replacement offered by the fix (may use [placeholders]). */
  replacement?: string;
}

export interface PhraseDetector {
  kind: 'phrase';
  phrases: Array<string | PhraseEntry>;
  /** Whole sentences with all these features count as hits too; the span is their opening verb. */
  sentencesWith?: FeatureName[];
  /** Phrases that count only in a sentence with all of `features` ("sometime" after "let's talk"). */
  phrasesWith?: ContextPhrases[];
  when?: FeatureName[];
  unless?: FeatureName[];
  /** Silence the finding when the sentence before or after, in the same paragraph, has one of these features. */
  unlessAdjacent?: FeatureName[];
  /** Words that, right after the phrase, mean it is not what we look for ("aggressive timeline"). */
  notBefore?: string[];
  /** Words that, right before the phrase, mean it is not what we look for. */
  notAfter?: string[];
  /** Not inside an opening condition ("When someone … must be excluded, …"): a modal there sets no rule. */
  notInCondition?: boolean;
}

export interface ContextPhrases {
  features: FeatureName[];
  phrases: string[];
}

export interface PatternDetector {
  kind: 'pattern';
  /** compromise match patterns; `{list}` expands to one of the rule's `lists`. A `[capture]` narrows the span. */
  patterns: string[];
  lists?: Record<string, string[]>;
  /** Cheap pre-filter: blocks containing none of these phrases are not tagged or matched. */
  trigger?: string[];
  /** Words that, right before the match, mean it is not what we look for ("work that needs to be done"). */
  notAfter?: string[];
  when?: FeatureName[];
  unless?: FeatureName[];
  unlessAdjacent?: FeatureName[];
}

export type UnitKind = 'action-item' | 'goal';

export interface UnitDetector {
  kind: 'unit';
  unit: UnitKind;
  /** Every listed feature must be present in the unit; the first missing one is reported. */
  requires: FeatureName[];
}

export interface PresenceCondition {
  /** A heading whose text matches one of these phrases (case-insensitive). */
  heading?: string[];
  /** A sentence that has all these features … */
  sentence?: FeatureName[];
  /** … and none of these ("needs to improve" is a request with numbers in it, not a suggestion). */
  unless?: FeatureName[];
}

export interface PresenceDetector {
  kind: 'presence';
  /** The document passes when any condition holds. */
  anyOf: PresenceCondition[];
  /** Only check documents that have at least this many sentences. */
  minSentences?: number;
  /** Only check documents in which some sentence has all these features. */
  onlyIf?: FeatureName[];
  /** Inline rules whose finding on a sentence stops it satisfying this check ("let's talk again soon" is no check-in). */
  notFlaggedBy?: string[];
}

/** A regular expression over each prose block (for shapes no phrase list can hold, like capitals). */
export interface RegexDetector {
  kind: 'regex';
  /** JavaScript regex source, matched with the flags "gu" (add "i" with `ignoreCase`). */
  pattern: string;
  ignoreCase?: boolean;
  when?: FeatureName[];
  unless?: FeatureName[];
  unlessAdjacent?: FeatureName[];
}

/** A sentence longer than `maxWords` words. */
export interface LengthDetector {
  kind: 'length';
  maxWords: number;
  when?: FeatureName[];
  unless?: FeatureName[];
}

/** Document-level: too large a share of sentences have a feature (e.g. orders without reasons). */
export interface ProportionDetector {
  kind: 'proportion';
  /** Sentences counted: those with all of these features… */
  counted: FeatureName[];
  /** …and none of these. */
  unless?: FeatureName[];
  /** Fires when counted / prose sentences is at least this share… */
  minShare: number;
  /** …and at least this many sentences are counted. */
  minCount: number;
  /**
   * A counted sentence that also has one of these counts twice towards both thresholds: an order
   * and the sanction that enforces it ("no exceptions", "will be sent home") say the same thing twice.
   */
  countTwice?: FeatureName[];
}

/** Claims about people from the linguistic layer (src/core/language): "is lazy", "a real asset", "doesn't care". */
export interface ClaimDetector {
  kind: 'claim';
  claims: Array<'trait' | 'label' | 'evaluation' | 'motive' | 'potential' | 'comparison' | 'bias' | 'control' | 'effort' | 'absolute' | 'vague-ask'>;
  /** Only claims that praise, or only claims that criticise. */
  polarity?: 'praise' | 'criticism';
  /** Only claims about these subjects (person, maybe-person, work, group, implicit). */
  subjects?: Array<'person' | 'maybe-person' | 'work' | 'group' | 'implicit'>;
  when?: FeatureName[];
  unless?: FeatureName[];
  unlessAdjacent?: FeatureName[];
}

export type Detector = ClaimDetector | PhraseDetector | PatternDetector | UnitDetector | PresenceDetector | RegexDetector | LengthDetector | ProportionDetector;

export type FixSpec =
  | { kind: 'replace'; title: string; text?: string; safe?: boolean }
  | { kind: 'delete'; title: string; safe?: boolean }
  | { kind: 'replace-sentence'; title: string; text: string }
  | { kind: 'insert-sentence-end'; title: string; text: string }
  | { kind: 'insert-after-match'; title: string; text: string }
  | { kind: 'insert-before-unit'; title: string; text: string }
  | { kind: 'append-document'; title: string; markdown: string; text: string }
  | { kind: 'insert-after-first-block'; title: string; markdown: string; text: string };

export interface InvalidExample {
  text: string;
  /** The exact text the finding covers (inline rules). */
  span?: string;
  /** How many findings of this rule the text yields (default 1). */
  count?: number;
  /** The text once this rule's fixes are applied (ESLint RuleTester's `output`); pinned so a changed fix is reviewed. */
  output?: string;
  /** The finding offers no fix, though the rule has one (a wording with no safe rewrite). */
  noFix?: boolean;
  profile?: Profile;
}

export interface ValidExample {
  text: string;
  profile?: Profile;
}

export interface RuleSpec {
  $schema?: string;
  id: string;
  title: string;
  category: Category;
  dimensions: Dimension[];
  severity: Severity;
  profiles: Profile[];
  scope: Scope;
  message: string;
  rationale: string;
  sources: { seeds: SeedSource[]; research?: ResearchSource[] };
  detector: Detector;
  /** Rules that say the same thing more precisely: where their finding overlaps this rule's, only theirs is shown. */
  yieldsTo?: string[];
  /** A document check keeps its finding beside another's document-wide when a sentence has one of these features. */
  yieldsUnless?: string[];
  /** Document checks whose finding means this one's gap is there too, unless a sentence has all the `unless` features. */
  impliedBy?: { rules: string[]; unless: string[] };
  /** Sub-kinds of text this rule does not apply to ("recognition": a welcome or thank-you post needs no next steps). */
  skipForKinds?: Array<'recognition'>;
  /** A rule whose finding on exactly the same words joins this rule's: one finding naming both gaps. */
  joins?: { rule: string; message: string };
  fix?: FixSpec;
  examples: { invalid: InvalidExample[]; valid: ValidExample[] };
}

/* ---------- configuration ---------- */

export type RuleSetting = 'off' | 'on' | Severity;

export interface FulcrumConfig {
  profile?: ProfileSetting;
  rules?: Record<string, RuleSetting>;
  /** Extra phrases per phrase rule id, added to the rule's own list. */
  phrases?: Record<string, Array<string | PhraseEntry>>;
  customRules?: RuleSpec[];
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/* ---------- scores ---------- */

export interface Deduction {
  ruleId: string;
  category: Category | 'balance';
  points: number;
  /** Index into the findings array; -1 for the balance deduction. */
  finding: number;
  reason: string;
}

export interface DimensionBalance {
  dimension: Dimension;
  leadership: number;
  management: number;
  leadershipCues: string[];
  managementCues: string[];
}

export interface Balance {
  dimensions: DimensionBalance[];
  leadership: number;
  management: number;
  /** -1 all management … +1 all leadership; 0 when balanced or when there is no signal. */
  index: number;
  /** The side the document lacks, when it clearly lacks one. */
  missing: 'leadership' | 'management' | null;
}

/** Points a document earns for something good writing contains (a specific example, a dated next step, the why). */
export interface Credit {
  id: string;
  label: string;
  points: number;
  /** The most this credit can give. */
  max: number;
}

export interface Score {
  overall: number;
  /** Where every document starts, before credits and deductions. */
  base: number;
  credits: Credit[];
  categories: Record<Category, number>;
  balance: Balance;
  deductions: Deduction[];
}

export interface LintResult {
  profile: Profile;
  /**
   * How the profile was decided: `set` by the user, the config or front matter; `detected` from the
   * wording; `unsure` when no kind clearly led (then only the document checks every kind shares run).
   */
  profileSource: 'set' | 'detected' | 'unsure';
  findings: Finding[];
  score: Score;
}

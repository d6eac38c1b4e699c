import type { ParsedDocument } from './document/parse.js';
import { PROFILES, type Profile, type ProfileSetting } from './types.js';

/**
 * Which kind of document this is. Front matter (`fulcrum: { profile: review }`) decides
 * when present; otherwise headings and wording are weighed.
 */

const SIGNALS: Record<Profile, RegExp[]> = {
  review: [
    /\b(?:performance|annual|mid-?year|quarterly|year-end) review\b/i,
    /\bself[- ]assessment\b/i,
    /\b(?:strengths|areas? (?:for|of) (?:growth|improvement|development)|development areas?|growth areas?)\b/i,
    /\b(?:rating|meets expectations|exceeds expectations|below expectations|calibration)\b/i,
    /\b(?:this|over the past|over the last) (?:year|half|quarter|review period),? you\b/i,
    /\bfeedback (?:for|on) \p{Lu}/u,
  ],
  'one-on-one': [
    /\b(?:1:1|1-1|1-on-1|one[- ]on[- ]one)\b/i,
    /\b(?:agenda|talking points|discussion points|action items|notes from)\b/i,
    /\b(?:weekly sync|check-in notes|catch-up)\b/i,
    // Meeting minutes are notes too: who attended, who ran it, what was decided.
    /\b(?:minutes|attendees|attending|present|meeting (?:run|chaired) by)\s*:|\bminutes (?:written|taken) by\b|\bmeeting (?:notes|minutes)\b/i,
  ],
  announcement: [
    /\b(?:announcement|announcing|we're excited to share|we are excited to share|i'm excited to share|please welcome)\b/i,
    // No `i` flag: with `iu`, \p{Lu} matches lower-case letters too ("starting to poke").
    /\b(?:[Ee]ffective (?:immediately|today|from|on|\p{Lu})|[Ss]tarting (?:next|this|on|from|\p{Lu}))/u,
    /^\s*(?:hi|hello|hey) (?:all|everyone|team|folks)\b/im,
    /\b(?:what this means for you|what's changing|what is changing|why we're doing this|questions\?)/i,
    /\b(?:reorg|reorganization|we are moving to|we're moving to|new process|going forward, all)\b/i,
  ],
};

/**
 * Reads `fulcrum: { profile: review }` or the block form
 *   fulcrum:
 *     profile: review
 * from YAML front matter. Only this one key is needed, so a full YAML parser is not.
 * Line by line rather than one regex over the block: a regex with a repeated
 * "indented line" group backtracks exponentially when `fulcrum:` has no profile.
 */
const FULCRUM_KEY = /^fulcrum:[ \t]*(.*)$/;
const FLOW_PROFILE = /^\{[^}]*\bprofile:\s*["']?([\w-]+)["']?[^}]*\}$/;
const BLOCK_PROFILE = /^profile:\s*["']?([\w-]+)["']?$/;

/** A YAML value without its trailing `# comment`. */
function withoutComment(text: string): string {
  return text.replace(/(?:^|\s)#.*$/, '').trim();
}

/** The `profile:` key among the lines indented under `fulcrum:`, at their first level (not a nested key's). */
function blockProfile(lines: string[], from: number): string | undefined {
  let level: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const content = withoutComment(lines[i]);
    if (content === '') continue;
    const indent = lines[i].length - lines[i].trimStart().length;
    if (indent === 0) return undefined; // back at the top level: the block has ended
    level ??= indent;
    if (indent === level) {
      const value = content.match(BLOCK_PROFILE)?.[1];
      if (value) return value;
    }
  }
  return undefined;
}

export function profileFromFrontMatter(frontMatter: string | null): Profile | null {
  if (!frontMatter) return null;
  const lines = frontMatter.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i].match(FULCRUM_KEY);
    if (!key) continue;
    const inline = withoutComment(key[1]);
    const value = inline ? inline.match(FLOW_PROFILE)?.[1] : blockProfile(lines, i + 1);
    return value && (PROFILES as readonly string[]).includes(value) ? (value as Profile) : null;
  }
  return null;
}

export function detectProfile(doc: ParsedDocument, setting: ProfileSetting = 'auto'): Profile {
  if (setting !== 'auto') return setting;
  const fromFrontMatter = profileFromFrontMatter(doc.frontMatter);
  if (fromFrontMatter) return fromFrontMatter;
  const text = doc.prose;
  const headings = doc.sections.map((s) => s.title ?? '').join('\n');
  let best: Profile = 'review';
  let bestScore = 0;
  for (const profile of PROFILES) {
    // Headings weigh double: "## Action items" says more than a passing mention.
    const score = SIGNALS[profile].reduce((sum, re) => sum + (re.test(text) ? 1 : 0) + (re.test(headings) ? 1 : 0), 0);
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}

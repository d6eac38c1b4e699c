/**
 * Says whether a regular expression from a configuration can backtrack catastrophically, before
 * it ever runs: a JavaScript regular expression cannot be stopped once started, so one such
 * pattern in a custom rule would hang the CLI or the editor's engine on a line of forty letters.
 *
 * The check is the star-height test of safe-regex (Davis et al., "The impact of regular expression
 * denial of service (ReDoS) in practice", ESEC/FSE 2018), sharpened in two ways so that common,
 * harmless patterns pass:
 * - a repeated group is a risk when something inside it repeats a variable number of times
 *   ("(a+)+", "(\w+\s?)*"), unless each pass must begin with a character that no repeated part
 *   inside can match ("(?: [A-Z]{2,})*": every pass starts with a space the letters cannot take);
 * - a repeated group with alternatives is a risk when two alternatives can begin with the same
 *   character ("(a|aa)+"); "(?:very|really)+" is not.
 * Inner repetition a fixed number of times ("(?:,\d{3})*") is no risk. What the test misses
 * (overlapping neighbours such as "\s*\s*$" are polynomial, not exponential) is bounded by the
 * engine's block and sentence caps and the surfaces' time budgets.
 */

/** A piece of a pattern: what it matches, as far as the check needs to know. */
interface Atom {
  /** Its source, to test which characters it can match; null when it is a group. */
  source: string | null;
  /** The source of the atom every match begins with ("a", "[A-Z]", "\\d"), when that is certain. */
  first: string | null;
  /** A group with a part inside that repeats a variable number of times, or ambiguous alternatives. */
  ambiguous: boolean;
  /** The variable repeats inside a group, by source. */
  repeats: string[];
}

interface Frame {
  branchFirsts: Array<string | null>;
  /** What the branch being read begins with: undefined while it has no atom yet. */
  branchFirst: string | null | undefined;
  repeats: string[];
  ambiguous: boolean;
  lookaround: boolean;
}

const newFrame = (lookaround = false): Frame => ({ branchFirsts: [], branchFirst: undefined, repeats: [], ambiguous: false, lookaround });

/** Reads a quantifier at `i`: its bounds and length, or null. */
function quantifierAt(source: string, i: number): { min: number; max: number; length: number } | null {
  const ch = source[i];
  let q: { min: number; max: number; length: number } | null = null;
  if (ch === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (ch === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (ch === '?') q = { min: 0, max: 1, length: 1 };
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (m) q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), length: m[0].length };
  }
  if (q && source[i + q.length] === '?') q.length++;
  return q;
}

/** Characters to compare what two atoms can match: printable ASCII, whitespace and a few letters beyond it. */
const SAMPLE = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', '\u00a0', 'é', 'ß', 'Ж', 'ж', '日', '’', '😀'];

/** Can two atoms (by their sources) match a common character? Sources that do not compile are assumed to. */
function overlap(a: string, b: string): boolean {
  try {
    const [ra, rb] = [new RegExp(`^(?:${a})$`, 'u'), new RegExp(`^(?:${b})$`, 'u')];
    return SAMPLE.some((ch) => ra.test(ch) && rb.test(ch));
  } catch {
    return true;
  }
}

function endOfClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
  return j + 1;
}

function endOfEscape(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && (source[i + 2] === '{' || source[i + 2] === '<')) {
    const close = source.indexOf(source[i + 2] === '{' ? '}' : '>', i + 3);
    return close < 0 ? source.length : close + 1;
  }
  if (next === 'u') return i + 6;
  if (next === 'x') return i + 4;
  if (next === 'c') return i + 3;
  return i + 2;
}

/** An escape that matches one character: "\." or "\d", not a word boundary or a back-reference. */
function matchesOneCharacter(escape: string): boolean {
  return !/^\\(?:[bBk1-9])/.test(escape);
}

/** Why a pattern risks catastrophic backtracking, or null when it does not. */
export function backtrackingRisk(source: string): string | null {
  const stack: Frame[] = [newFrame()];
  const top = () => stack[stack.length - 1];
  let risk: string | null = null;

  const closeBranch = (frame: Frame) => {
    frame.branchFirsts.push(frame.branchFirst ?? null);
    frame.branchFirst = undefined;
  };

  for (let i = 0; i < source.length && !risk; ) {
    const ch = source[i];
    let atom: Atom | null = null;
    let end = i + 1;
    if (ch === '\\') {
      end = endOfEscape(source, i);
      const text = source.slice(i, end);
      atom = { source: text, first: matchesOneCharacter(text) ? text : null, ambiguous: false, repeats: [] };
    } else if (ch === '[') {
      end = endOfClass(source, i);
      atom = { source: source.slice(i, end), first: source.slice(i, end), ambiguous: false, repeats: [] };
    } else if (ch === '(') {
      const opener = /^\((\?(?:<?[=!]|:|<[^>]*>))?/.exec(source.slice(i, i + 64))!;
      stack.push(newFrame(/^\(\?<?[=!]/.test(opener[0])));
      i += opener[0].length;
      continue;
    } else if (ch === ')') {
      const frame = stack.length > 1 ? stack.pop()! : top();
      closeBranch(frame);
      const firsts = frame.branchFirsts;
      const overlapping = firsts.some((a, k) => firsts.some((b, l) => l > k && (a === null || b === null || overlap(a, b))));
      atom = {
        source: null,
        first: firsts.length === 1 ? firsts[0] : null,
        ambiguous: frame.ambiguous || frame.repeats.length > 0 || overlapping,
        repeats: frame.repeats,
      };
      if (frame.lookaround) atom = null;
    } else if (ch === '|') {
      closeBranch(top());
    } else if (ch === '^' || ch === '$') {
      // anchors match no character
    } else {
      const literal = ch === '.' ? '.' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      atom = { source: literal, first: literal, ambiguous: false, repeats: [] };
    }
    i = end;
    if (!atom) continue;
    const q = quantifierAt(source, i);
    if (q) i += q.length;
    const frame = top();
    const repeated = q !== null && q.max > 1;
    const variable = q !== null && q.max > 1 && q.max !== q.min;
    if (repeated && atom.ambiguous && !passesStartWithSeparator(atom)) risk = 'a repeated group holds a part that repeats or alternatives that overlap';
    if (variable) frame.repeats.push(atom.source ?? '.');
    frame.repeats.push(...atom.repeats);
    if (atom.ambiguous) frame.ambiguous = true;
    // An optional atom does not fix what its branch starts with.
    if (frame.branchFirst === undefined) frame.branchFirst = q && q.min === 0 ? null : atom.first;
  }
  return risk ? `${risk}: it can backtrack catastrophically (exponential time on a line of text)` : null;
}

/** "(?: [A-Z]{2,})*": each pass starts with a character no repeating part inside can match. */
function passesStartWithSeparator(group: Atom): boolean {
  const first = group.first;
  if (first === null || group.repeats.length === 0) return false;
  return group.repeats.every((repeat) => !overlap(repeat, first));
}

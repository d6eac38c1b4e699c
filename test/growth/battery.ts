/**
 * Input classes that have made text tools slow: each makes a document of a given size out of one
 * pattern repeated (or one long run), the way a pasted log, a PDF dump, a padded table, a key held
 * down or a hostile page would. The growth test lints each at two sizes and expects linear time.
 *
 * Rebuilt from the reliability issue's list (blank lines, padded table lines, backtick runs, "!" and
 * "." runs, capitals, emoji, quotes, repeated flagged words, LS/PS, unclosed code …) and widened to
 * every kind of markup and script the masker and the tokeniser see.
 */

export interface InputClass {
  name: string;
  make(size: number): string;
}

/** `unit` repeated until the text is `size` code units long (cut at a code point). */
export function fill(unit: string, size: number): string {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** A long run of one thing, closed by something that makes a pattern try again ("   …   |"). */
const run = (unit: string, tail = '') => (size: number) => fill(unit, size - tail.length) + tail;
/** The same line again and again. */
const lines = (line: string) => (size: number) => fill(`${line}\n`, size);
/** Units made by `unit(0)`, `unit(1)` … until the text is `size` long: no two alike. */
function distinct(unit: (i: number) => string, size: number): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += unit(i);
  return text.slice(0, size);
}
/** One paragraph made of the same words, with no line breaks. */
const words = (phrase: string) => (size: number) => fill(`${phrase} `, size);

/**
 * What every class is compared with: a review's sentences, none of them twice. Prose that repeats
 * would be analysed once (blocks of the same text share one parse), and the budget would be
 * measured against that cache instead of against the engine.
 */
export function ordinaryProse(size: number): string {
  const people = ['Ana', 'Ravi', 'Chen', 'Olu', 'Marta', 'Kenji', 'Sofia', 'Tariq', 'Ines', 'Dmitri', 'Amara', 'Luca'];
  const work = ['billing migration', 'search rewrite', 'payroll export', 'onboarding guide', 'warehouse rota', 'audit checklist', 'pricing page'];
  const months = ['March', 'May', 'June', 'September', 'October'];
  const sentences = [
    (i: number) => `${people[i % 12]} shipped the ${work[i % 7]} on ${(i % 28) + 1} ${months[i % 5]}, ${(i % 4) + 2} weeks early, and wrote the runbook ${i + 3} people on call now use. `,
    (i: number) => `Next quarter ${people[(i + 5) % 12]} will lead the ${work[(i + 3) % 7]}; we will review progress at our 1:1 on ${(i % 27) + 2} ${months[(i + 2) % 5]}. `,
    (i: number) => `I would like the design for the ${work[(i + 1) % 7]} shared ${(i % 9) + 2} days earlier, so the ${i + 4} reviewers can weigh in before the code is written. `,
  ];
  let text = '';
  for (let i = 0; text.length < size; i++) text += sentences[i % 3](i);
  return text.slice(0, size);
}

export const INPUT_CLASSES: InputClass[] = [
  // Whitespace and line structure
  { name: 'spaces then a pipe', make: run(' ', '|') },
  { name: 'spaces then a backtick', make: run(' ', '`') },
  { name: 'tabs', make: run('\t') },
  { name: 'blank lines', make: run('\n') },
  { name: 'CRLF blank lines', make: run('\r\n') },
  { name: 'lone CRs', make: run('\r') },
  { name: 'sentences on CRLF lines', make: lines('We ship on Friday.\r') },
  { name: 'sentences on CR lines', make: run('We ship on Friday.\r') },
  { name: 'hard-wrapped paragraph', make: lines('the team and the plan and the date and the owner and the reason for') },
  { name: 'line separators', make: run('Ship it\u2028') },
  { name: 'paragraph separators', make: run('Ship it\u2029') },
  { name: 'form feeds and vertical tabs', make: run('a\f\v') },
  { name: 'no-break spaces', make: run('\u00a0') },
  { name: 'zero-width spaces', make: run('\u200b') },
  { name: 'zero-width joiners between letters', make: run('a\u200d') },
  { name: 'byte order marks', make: run('\ufeff') },
  { name: 'soft hyphens in a word', make: run('a\u00ad') },
  { name: 'NUL and control characters', make: run('a\u0000\u0001\u001b') },
  // Punctuation runs
  { name: 'exclamation marks', make: run('!') },
  { name: 'full stops', make: run('.') },
  { name: 'question marks', make: run('?') },
  { name: '?!. mixed', make: run('?!.') },
  { name: 'one-letter sentences', make: run('a. ') },
  { name: 'ellipses', make: run('…') },
  { name: 'commas', make: run(',') },
  { name: 'semicolons', make: run(';') },
  { name: 'colons', make: run(':') },
  { name: 'hyphens', make: run('-') },
  { name: 'em dashes', make: run('—') },
  { name: 'straight double quotes', make: run('"') },
  { name: 'straight single quotes', make: run("'") },
  { name: 'curly quotes', make: run('“”') },
  { name: 'unclosed curly quote then words', make: (size) => `“${fill('he is lazy and ', size - 1)}` },
  { name: 'a quoted run-on', make: (size) => `"${fill('He is lazy and ', size - 2)}"` },
  { name: 'opening brackets', make: run('[') },
  { name: 'opening brackets then words', make: (size) => `[${fill('a ', size - 1)}` },
  { name: 'opening parentheses', make: run('(') },
  { name: 'closing parentheses', make: run(')') },
  { name: 'balanced parentheses', make: run('(a) ') },
  { name: 'angle brackets', make: run('<') },
  { name: 'backslashes', make: run('\\') },
  { name: 'ampersands', make: run('&') },
  { name: 'slashes', make: run('/') },
  // Markdown
  { name: 'backticks', make: run('`') },
  { name: 'backtick runs of growing length', make: (size) => Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1) + ' a ').join('').repeat(Math.ceil(size / 80400)).slice(0, size) },
  { name: 'double backticks then a word', make: run('`` a ') },
  { name: 'unclosed code fence', make: (size) => `\`\`\`\n${fill('code line\n', size - 4)}` },
  { name: 'code fences', make: run('```\n') },
  { name: 'tildes', make: run('~') },
  { name: 'asterisks', make: run('*') },
  { name: 'emphasis around words', make: run('**a** ') },
  { name: 'underscores', make: run('_') },
  { name: 'hash marks', make: run('#') },
  { name: 'headings', make: lines('# Plan') },
  { name: 'long heading', make: (size) => `# ${fill('plan ', size - 2)}` },
  { name: 'setext underlines', make: lines('Title\n=====') },
  { name: 'thematic breaks', make: lines('---') },
  { name: 'blockquote markers', make: run('>') },
  { name: 'quoted lines', make: lines('> We will ship soon.') },
  { name: 'list items', make: lines('- x') },
  // Units that cannot share a parse: what one short item or sentence costs on its own.
  { name: 'distinct list items', make: (size) => distinct((i) => `- item ${i}\n`, size) },
  { name: 'distinct one-word sentences', make: (size) => distinct((i) => `W${i}. `, size) },
  { name: 'numbered items', make: lines('1. Update the runbook.') },
  { name: 'task items', make: lines('- [ ] follow up ASAP') },
  { name: 'deeply indented item', make: (size) => `${fill('  ', size - 3)}- x` },
  { name: 'label lines', make: lines('Next steps:') },
  { name: 'pipes', make: run('|') },
  { name: 'padded table rows', make: lines(`| a${' '.repeat(200)}| b |`) },
  { name: 'table delimiter rows', make: lines('|---|---|') },
  { name: 'wide table row', make: (size) => `|${fill(' a |', size - 1)}` },
  { name: 'spaces and dashes then a pipe', make: run(' --', '|') },
  { name: 'links', make: run('[a](b) ') },
  { name: 'unclosed link targets', make: run('[a](') },
  { name: 'images', make: run('![a](b) ') },
  { name: 'HTML comments', make: run('<!-- c -->') },
  { name: 'unclosed HTML comment', make: (size) => `<!--${fill('x ', size - 4)}` },
  { name: 'comment closers', make: run('-->') },
  { name: 'HTML tags', make: run('<b>a</b> ') },
  { name: 'unclosed tag', make: (size) => `<a ${fill('x=1 ', size - 3)}` },
  { name: 'entities', make: run('&amp;') },
  { name: 'front matter that never closes', make: (size) => `---\n${fill('key: value\n', size - 4)}` },
  // Links, addresses, code-like text
  { name: 'URLs', make: words('https://example.com/a') },
  { name: 'one long URL', make: (size) => `https://example.com/${fill('a', size - 20)}` },
  { name: 'URL with nested parentheses', make: (size) => `https://x.org/${fill('(', size - 14)}` },
  { name: 'address-like run with no @', make: run('a.b_c') },
  { name: 'at signs', make: run('a@') },
  { name: 'paths', make: run('/usr/local/bin') },
  { name: 'dotted identifiers', make: words('foo.bar()') },
  { name: 'base64', make: run('QUJDRA+/') },
  // Words
  { name: 'ordinary prose', make: ordinaryProse },
  { name: 'repeated prose', make: (size) => fill(ordinaryProse(400), size) },
  { name: 'one run-on sentence', make: words('and the team') },
  { name: 'capitals', make: words('YOU MUST') },
  { name: 'one capital word', make: run('A') },
  { name: 'one long word', make: run('a') },
  { name: 'letterless word', make: run('-_') },
  { name: 'repeated flagged sentence', make: words('He is lazy.') },
  { name: 'repeated vague time', make: words('ASAP') },
  { name: 'repeated placeholder', make: words('[date]') },
  { name: 'repeated hedges', make: words('just a little bit') },
  { name: 'repeated jargon', make: words('circle back to leverage synergies') },
  { name: 'contractions', make: words("don't") },
  { name: 'names', make: words('Ana Miles Sage Ngozi') },
  { name: 'greetings', make: lines('Hi team,') },
  { name: 'owner lines', make: lines('Owner: TBD') },
  { name: 'numbers', make: run('1234567890') },
  { name: 'dates and times', make: words('2024-01-01 10:00') },
  { name: 'hyphenated word', make: run('a-') },
  { name: 'mixed case', make: run('Ab') },
  // Scripts
  { name: 'emoji', make: run('🎉') },
  { name: 'emoji ZWJ sequences', make: run('👩‍👩‍👧‍👦') },
  { name: 'combining marks', make: run('e\u0301') },
  { name: 'Turkish capitals', make: words('İSTANBUL') },
  { name: 'CJK', make: run('我们下周发布。') },
  { name: 'Arabic', make: words('سنطلق المنتج') },
  { name: 'Devanagari', make: words('हम शुक्रवार को') },
  { name: 'Cyrillic', make: words('Мы выпустим') },
  { name: 'lone surrogates', make: run('\ud800a') },
];

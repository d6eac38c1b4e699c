// `npm run docs`: regenerates the rules table in README.md (between the rules-table markers)
// from rules/<category>/*.json. `--check` changes nothing and exits 1 when the table is out
// of date, so tests and CI can catch a rule added without its README row. Each rule id links
// to its page under docs/rules/ (written by scripts/rule-docs.mjs).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = join(root, 'rules');
const readmePath = join(root, 'README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function ruleSpecs() {
  return readdirSync(rulesDir)
    .filter((name) => name !== 'lexicons' && statSync(join(rulesDir, name)).isDirectory())
    .flatMap((category) =>
      readdirSync(join(rulesDir, category))
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(rulesDir, category, f), 'utf8'))),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
function cell(value) {
  return String(value).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function rulesTable(rules = ruleSpecs()) {
  const header = '| Rule | Category | Severity | Scope | Profiles | Fix | What it checks |';
  const divider = '| --- | --- | --- | --- | --- | --- | --- |';
  const rows = rules.map(
    (r) => `| [\`${cell(r.id)}\`](docs/rules/${r.id}.md) | ${cell(r.category)} | ${cell(r.severity)} | ${cell(r.scope)} | ${cell(r.profiles.join(', '))} | ${r.fix ? 'yes' : '—'} | ${cell(r.title)} |`,
  );
  return [header, divider, ...rows, '', `${rules.length} rules. \`npx fulcrum explain <rule>\` shows the rationale, sources and examples of one.`].join('\n');
}

/** README text with the table between the markers replaced; throws when the markers are missing. */
function withRulesTable(readme, table = rulesTable()) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}, in that order`);
  const newline = readme.includes('\r\n') ? '\r\n' : '\n';
  const block = `${START}${newline}${table.split('\n').join(newline)}${newline}${END}`;
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

function main() {
  const check = process.argv.includes('--check');
  let readme;
  try {
    readme = readFileSync(readmePath, 'utf8');
  } catch {
    console.error('readme-rules: README.md not found');
    process.exit(1);
  }
  let updated;
  try {
    updated = withRulesTable(readme);
  } catch (error) {
    console.error(`readme-rules: ${error.message}`);
    process.exit(1);
  }
  const count = ruleSpecs().length;
  if (check) {
    if (updated !== readme) {
      console.error(`readme-rules: the rules table in README.md is out of date (${count} rules in rules/). Run \`npm run docs\` to regenerate it.`);
      process.exit(1);
    }
    console.log(`readme-rules: README.md rules table is up to date (${count} rules)`);
    return;
  }
  if (updated === readme) console.log(`readme-rules: README.md rules table already up to date (${count} rules)`);
  else {
    writeFileSync(readmePath, updated);
    console.log(`readme-rules: wrote ${count} rules to the README.md rules table`);
  }
}

main();

import { applyFixes, type LintResult, type ProfileSetting } from '../core/index.js';
import type { ConfigResolver } from './config.js';
import { formatOf } from './files.js';

/** Safe fixes can enable each other (a deletion next to a deletion); a few passes settle them. */
const MAX_FIX_PASSES = 5;

/** One document to check: its path (for the config lookup and the format), its text, and whether to fix it. */
export interface LintJob {
  path: string;
  text: string;
  fix: boolean;
  profile?: ProfileSetting;
}

export interface LintJobResult {
  /** The text with every safe fix applied (the text itself when fixing was not asked for). */
  fixed: string;
  /** The findings and score of the fixed text. */
  result: LintResult;
}

/** Lints a document, applying safe fixes pass after pass first when asked to. */
export function runLintJob(resolver: ConfigResolver, job: LintJob): LintJobResult {
  const { linter } = resolver.forDocument(job.path);
  const lint = (text: string) => linter.lint(text, { format: formatOf(job.path), profile: job.profile });
  let current = job.text;
  let result = lint(current);
  for (let pass = 0; job.fix && pass < MAX_FIX_PASSES; pass++) {
    const safe = result.findings.flatMap((f) => f.fixes.filter((x) => x.safe));
    if (safe.length === 0) break;
    const next = applyFixes(current, safe).text;
    if (next === current) break;
    current = next;
    result = lint(current);
  }
  return { fixed: current, result };
}

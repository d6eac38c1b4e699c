import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from out/test/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_DIR = join(ROOT, 'rules');
export const SEEDS_DIR = join(ROOT, '..', 'shared', 'seeds');

export function ruleFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((name) => name !== 'lexicons')
    .filter((name) => statSync(join(RULES_DIR, name)).isDirectory())
    .flatMap((category) => readdirSync(join(RULES_DIR, category)).filter((f) => f.endsWith('.json')).map((f) => join(RULES_DIR, category, f)));
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function seedsAvailable(): boolean {
  return existsSync(SEEDS_DIR);
}

/** Collapses whitespace and unifies quote styles, so a quote that wraps a line in the seed still matches. */
export function normaliseForQuote(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * A custom rule in the format of the files in rules/, as a .fulcrumrc.json would hold it: the
 * phrase "utilize" with a fix to "use", marked safe. `changes` replace whole fields.
 */
export function customRuleFixture(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'clarity/test-utilize',
    title: 'Utilize instead of use',
    category: 'clarity',
    dimensions: ['communication'],
    severity: 'warning',
    profiles: ['review', 'one-on-one', 'announcement'],
    scope: 'inline',
    message: 'Say "use", not "{match}".',
    rationale: 'Plain words are read faster.',
    sources: { seeds: [{ seed: 'test.txt', quote: 'plain words' }] },
    detector: { kind: 'phrase', phrases: [{ text: 'utilize', replacement: 'use' }] },
    fix: { kind: 'replace', title: 'Use "use"', safe: true },
    examples: { invalid: [{ text: 'We utilize it.' }], valid: [{ text: 'We use it.' }] },
    ...changes,
  };
}

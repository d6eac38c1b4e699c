import { builtinRules, Linter } from '../../src/core/index.js';

/**
 * How the growth test and `npm run growth` time a class: CPU time of one full lint in this
 * process, and what counts as growing faster than linearly.
 */
export const SMALL = 100_000;
export const LARGE = 200_000;
/** Below this, a time is mostly timer and scheduling noise: ratios of such times mean nothing. */
const NOISE_MS = 40;

const linter = new Linter(builtinRules);

/** The best CPU time, in milliseconds, of `runs` lints of `text`. */
export function lintCpuMs(text: string, runs = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    // Start from a collected heap (when node runs with --expose-gc), so that a collection of what
    // earlier lints left behind is not billed to this one.
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    linter.lint(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Doubling the size more than tripled the time (times under the noise floor are not judged). */
export function superLinear(smallMs: number, largeMs: number): boolean {
  return largeMs > NOISE_MS && largeMs > 3 * Math.max(smallMs, NOISE_MS / 3);
}

/** How many times ordinary prose of the same size any input class may take (the reliability budget). */
export const PROSE_BUDGET = 3;

/** The class took over PROSE_BUDGET times as long as ordinary prose of its size. */
export function overBudget(classMs: number, proseMs: number): boolean {
  return classMs > NOISE_MS && classMs > PROSE_BUDGET * proseMs;
}

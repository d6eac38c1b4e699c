import type { LintResult } from './types.js';

/**
 * "review", or "review (guessed)" when the wording did not clearly say: how every surface names
 * the kind of text it assumed. A module of its own so thin surfaces need not load the engine.
 */
export function profileLabel(result: Pick<LintResult, 'profile' | 'profileSource'>): string {
  return result.profileSource === 'unsure' ? `${result.profile} (guessed)` : result.profile;
}

import { OverTimeBudget, TextTooLarge } from './budgets.js';

/** Why a document was left unchecked: too large to send, or its lint ran past the time budget. */
export type LimitKind = 'size' | 'time';

export function limitKindOf(error: unknown): LimitKind | null {
  if (error instanceof TextTooLarge) return 'size';
  if (error instanceof OverTimeBudget) return 'time';
  return null;
}

/** The one line the user reads when a document is left unchecked. */
export function limitMessage(fileName: string, error: TextTooLarge | OverTimeBudget): string {
  if (error instanceof TextTooLarge) return `Fulcrum did not check ${fileName}: ${error.message} (fulcrum.maxDocumentKilobytes).`;
  return `Fulcrum stopped checking ${fileName}: ${error.message} (fulcrum.timeBudgetSeconds). It will try again when you save the file.`;
}

/**
 * The documents Fulcrum is not checking, and why. A document over a limit is re-checked on
 * every edit (size) or save (time) and may stay over it for a long while: the user is told
 * once when it goes over, not on every attempt, and again only if the reason changes.
 * The status bar shows the reason for as long as it holds.
 */
export class UncheckedDocuments {
  private readonly unchecked = new Map<string, { kind: LimitKind; message: string }>();

  /** Records why `key` is not checked; true when this is news the user should be told. */
  mark(key: string, kind: LimitKind, message: string): boolean {
    const before = this.unchecked.get(key);
    this.unchecked.set(key, { kind, message });
    return before?.kind !== kind;
  }

  /** The document was checked (or closed): it is no longer over a limit. */
  clear(key: string): void {
    this.unchecked.delete(key);
  }

  get(key: string): { kind: LimitKind; message: string } | undefined {
    return this.unchecked.get(key);
  }

  /**
   * A document whose last lint ran out of time is not re-checked on every keystroke (each
   * attempt would hold the engine for the whole budget, then restart it): only on save, on
   * a settings change (every open document is checked again then) or when it is opened again.
   */
  waitsForSave(key: string): boolean {
    return this.unchecked.get(key)?.kind === 'time';
  }
}

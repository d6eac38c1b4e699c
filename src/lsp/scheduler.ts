import { systemClock, type Clock } from '../host/supervisor.js';

/** Timers and the time now, injectable so tests can run the clock by hand. */
export interface SchedulerClock extends Clock {
  now(): number;
}

// The global `performance`: the server runs on Node and in web workers alike.
const schedulerClock: SchedulerClock = { ...systemClock, now: () => performance.now() };

interface Slot {
  timer?: unknown;
  running: boolean;
  /** A run was asked for while one was in flight: start one more when it ends. */
  again: boolean;
  /** When the document last changed (-Infinity: not since it opened). */
  changedAt: number;
}

/**
 * When to lint each document. A change that follows a pause is linted at once (a keystroke's
 * findings should follow it); a change that comes within `debounceMs` of the one before is
 * part of a burst (a paste, an editor's multi-edit, auto-repeat) and waits until the burst has
 * paused for `debounceMs`. A document never has two lints in flight: changes that arrive during
 * a lint are folded into one more lint of the newest text when it ends. So an outdated version
 * is never queued behind the current one, and however fast the writer types, each document
 * costs at most one lint at a time.
 */
export class LintScheduler {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly lint: (uri: string) => Promise<void>,
    private readonly debounceMs: number,
    private readonly clock: SchedulerClock = schedulerClock,
  ) {}

  /** The document changed: lint it now, after the lint in flight, or once a burst of changes pauses. */
  schedule(uri: string): void {
    const slot = this.slotOf(uri);
    const now = this.clock.now();
    const inBurst = now - slot.changedAt < this.debounceMs;
    slot.changedAt = now;
    if (slot.running) {
      slot.again = true;
      return;
    }
    if (slot.timer === undefined && !inBurst) return this.start(uri, slot);
    if (slot.timer !== undefined) this.clock.clearTimeout(slot.timer);
    slot.timer = this.clock.setTimeout(() => {
      slot.timer = undefined;
      this.start(uri, slot);
    }, this.debounceMs);
  }

  /** Lint without waiting (a document just opened, or someone asked for its score). */
  now(uri: string): void {
    const slot = this.slotOf(uri);
    if (slot.timer !== undefined) this.clock.clearTimeout(slot.timer);
    slot.timer = undefined;
    this.start(uri, slot);
  }

  /** A lint of the document is running or waiting for a burst to pause: its result is on its way. */
  isPending(uri: string): boolean {
    const slot = this.slots.get(uri);
    return slot !== undefined && (slot.running || slot.timer !== undefined);
  }

  /** The document closed: nothing more is started for it. A lint in flight finishes; its result is dropped by the caller. */
  cancel(uri: string): void {
    const slot = this.slots.get(uri);
    if (slot?.timer !== undefined) this.clock.clearTimeout(slot.timer);
    this.slots.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.slots.keys()]) this.cancel(uri);
  }

  private slotOf(uri: string): Slot {
    let slot = this.slots.get(uri);
    if (!slot) this.slots.set(uri, (slot = { running: false, again: false, changedAt: -Infinity }));
    return slot;
  }

  private start(uri: string, slot: Slot): void {
    if (slot.running) {
      slot.again = true;
      return;
    }
    slot.running = true;
    void this.lint(uri)
      .catch(() => undefined) // the caller reports its own failures; a failed lint must not stop later ones
      .finally(() => {
        slot.running = false;
        if (slot.again && this.slots.get(uri) === slot) {
          slot.again = false;
          this.start(uri, slot);
        }
      });
  }
}

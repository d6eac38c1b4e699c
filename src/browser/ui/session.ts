/// <reference lib="dom" />
/**
 * One checked field: its text, its latest analysis and its underlines. Typing moves the
 * underlines at once (no engine involved) and asks for a new analysis after a pause; the
 * engine re-parses only the paragraphs that changed, because each field keeps its own
 * parse cache on the engine side under its key.
 */
import { dismissalOf, type Dismissal } from '../../core/dismissals.js';
import type { Finding, Fix, LintResult } from '../../core/types.js';
import type { AnalysisTimings } from '../protocol.js';
import type { BrowserSettings } from '../settings.js';
import { OverLimit, Superseded, type EngineClient } from './engineClient.js';
import type { Box, FieldAdapter } from './field.js';
import { watchChanges } from './changeWatcher.js';
import { FieldLayer, type NoticeAction, type Overlay } from './overlay.js';
import { diffTexts, firstPlaceholder, mergeFixEdits, shiftSpans, type Span } from './textChanges.js';

/** Quiet time after a keystroke before the text is analysed again. */
export const DEBOUNCE_MS = 300;
/** During non-stop typing, analyse at least this often. */
export const MAX_WAIT_MS = 1500;
/**
 * Editors merge edits made close together into one undo step (Quill within a second,
 * Lexical within 300 ms). A fix waits until the text has been still this long, so that
 * Ctrl+Z takes back the fix alone, never the manager's last words with it.
 */
export const UNDO_GROUPING_MS = 1000;

interface Underline extends Span {
  /** Stable while the underline lives: it keeps its drawn elements across keystrokes. */
  id: number;
  finding: Finding;
  /** Where it was last measured; dropped when typing may have moved it. */
  boxes?: Box[];
}

export interface SessionHost {
  engine: EngineClient;
  settings(): BrowserSettings;
  /** Findings dismissed as "Not an issue" on this machine, and how to add one. */
  dismissals(): Dismissal[];
  remember(dismissal: Dismissal): void;
  /** Called after each analysis and each fix, with what it cost. */
  analysed(session: FieldSession, timings: AnalysisTimings): void;
  /** The engine did not check the field's text (over a limit): it has no score now. */
  unchecked(session: FieldSession): void;
}

export class FieldSession {
  readonly layer: FieldLayer;
  result: LintResult | null = null;
  omitted = 0;
  private text: string;
  private resultText = '';
  private underlines: Underline[] = [];
  private version = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private firstInputAt = 0;
  private lastEditAt = -Infinity;
  private renderQueued = false;
  private nextUnderlineId = 1;
  /** Main-thread time of keystrokes whose underlines are not yet redrawn. */
  private pendingKeystrokes: number[] = [];
  private readonly keystrokeMs: number[] = [];
  private readonly focusedAt = performance.now();
  private analysedOnce = false;
  private readonly resizeObserver: ResizeObserver;
  private readonly cleanup: Array<() => void> = [];
  private disposed = false;
  /** What ends the note shown on the field: a new analysis (a text left unchecked) or the next edit (a refused fix). */
  private noteLastsUntil: 'analysed' | 'edited' | null = null;

  constructor(
    readonly field: FieldAdapter,
    readonly key: string,
    overlay: Overlay,
    private readonly host: SessionHost,
  ) {
    this.layer = new FieldLayer(overlay, field.element);
    this.text = field.read();
    const element = field.element;
    const onScroll = () => this.layer.follow();
    element.addEventListener('scroll', onScroll, { passive: true });
    this.cleanup.push(watchChanges(element, (relayout) => this.onChange(relayout)), () => element.removeEventListener('scroll', onScroll));
    // A new width re-wraps the text: measure again.
    this.resizeObserver = new ResizeObserver(() => this.remeasure());
    this.resizeObserver.observe(element);
    void this.analyse('focus');
  }

  /**
   * The field changed (typing, paste, undo, a formatting command). Underlines the change
   * touched go at once, the others move with the text, and a new analysis follows after a
   * pause. `relayout` means text may have moved without changing (a word made bold), so
   * every underline is measured again.
   */
  private onChange(relayout: boolean): void {
    const started = performance.now();
    const text = this.field.read();
    const change = diffTexts(this.text, text);
    this.text = text;
    if (!change) {
      if (relayout) this.remeasure();
      return;
    }
    this.lastEditAt = performance.now();
    if (this.noteLastsUntil === 'edited') this.note(null);
    this.underlines = forgetMovedBoxes(shiftSpans(this.underlines, change), relayout ? 0 : change.start);
    this.queueRender();
    this.pendingKeystrokes.push(performance.now() - started);
    const now = performance.now();
    if (!this.debounce) this.firstInputAt = now;
    clearTimeout(this.debounce);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstInputAt + MAX_WAIT_MS - now));
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.analyse('input');
    }, wait);
  }

  async analyse(reason: AnalysisTimings['reason'], attempt = 1): Promise<void> {
    if (this.disposed) return;
    const version = ++this.version;
    const text = this.field.read();
    this.text = text;
    const sent = performance.now();
    let answer;
    try {
      answer = await this.host.engine.lint(this.key, text, this.field.format(text), this.host.settings(), this.host.dismissals());
    } catch (error) {
      if (error instanceof Superseded || this.disposed) return;
      if (error instanceof OverLimit) {
        if (version === this.version) this.leaveUnchecked(error.message);
        return;
      }
      // The engine host went away (the browser closed it, the extension was updated): try again, a few times.
      if (version === this.version && attempt < 3) setTimeout(() => void this.analyse(reason, attempt + 1), 500 * attempt);
      return;
    }
    if (version !== this.version || this.disposed) return;
    const roundTripMs = performance.now() - sent;
    if (this.noteLastsUntil === 'analysed') this.note(null);
    this.result = answer.reply.result;
    this.omitted = answer.reply.omitted;
    this.resultText = text;
    this.underlines = this.result.findings
      .filter((f) => f.scope === 'inline')
      .map((finding) => this.keepIdentity({ id: 0, start: finding.range.start.offset, end: finding.range.end.offset, finding }));
    // Typing that went on while the engine worked: move its answer along.
    const change = diffTexts(text, this.field.read());
    if (change) this.underlines = forgetMovedBoxes(shiftSpans(this.underlines, change), change.start);
    const renderStarted = performance.now();
    this.render(false);
    const renderMs = performance.now() - renderStarted;
    const timings: AnalysisTimings = { reason, textLength: text.length, engineMs: answer.engineMs, roundTripMs, renderMs, keystrokeMs: this.keystrokeMs.splice(0) };
    if (!this.analysedOnce) {
      this.analysedOnce = true;
      timings.focusToUnderlinesMs = performance.now() - this.focusedAt;
    }
    this.host.analysed(this, timings);
  }

  /**
   * The engine did not check this text (too large, too slow): no underlines (they would be
   * stale), no score, and the reason on the field. The next change tries again.
   */
  private leaveUnchecked(message: string): void {
    this.result = null;
    this.omitted = 0;
    this.underlines = [];
    this.render(false);
    this.note(message, 'analysed');
    this.host.unchecked(this);
  }

  /** Shows a line of text on the field (or takes it away), until an analysis or an edit ends it. */
  note(message: string | null, lastsUntil: 'analysed' | 'edited' = 'edited', action?: NoticeAction): void {
    this.layer.showNotice(message, action);
    this.noteLastsUntil = message === null ? null : lastsUntil;
  }

  /** An underline the last analysis also had (same rule, same place) keeps its id and its measured boxes. */
  private keepIdentity(fresh: Underline): Underline {
    const same = this.underlines.find((u) => u.start === fresh.start && u.end === fresh.end && u.finding.ruleId === fresh.finding.ruleId);
    return same ? { ...fresh, id: same.id, boxes: same.boxes } : { ...fresh, id: this.nextUnderlineId++ };
  }

  /** Redraws on the next frame: several keystrokes in one frame cost one redraw. */
  queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      if (this.disposed) return;
      const started = performance.now();
      this.render(false);
      // The redraw is part of what the keystrokes cost the page.
      const share = (performance.now() - started) / Math.max(1, this.pendingKeystrokes.length);
      this.keystrokeMs.push(...this.pendingKeystrokes.map((ms) => ms + share));
      this.pendingKeystrokes = [];
    });
  }

  /** The field changed size or look: every underline is measured again on the next frame. */
  remeasure(): void {
    for (const u of this.underlines) u.boxes = undefined;
    this.queueRender();
  }

  /** Measures the underlines that need it and draws them all; `reread` false when the text was read a moment ago. */
  render(reread = true): void {
    if (this.disposed) return;
    if (reread) {
      this.field.read();
      for (const u of this.underlines) u.boxes = undefined;
    }
    const unmeasured = this.underlines.filter((u) => !u.boxes);
    if (unmeasured.length) this.field.measure(unmeasured).forEach((boxes, i) => (unmeasured[i].boxes = boxes));
    this.layer.draw(this.underlines.map((u) => ({ id: u.id, severity: u.finding.severity, ruleId: u.finding.ruleId, boxes: u.boxes ?? [] })));
  }

  /** The finding under a point, with the rectangle of its word. */
  findingAt(clientX: number, clientY: number): { underline: Underline; rect: DOMRect; id: number } | null {
    const hit = this.layer.hit(clientX, clientY);
    const underline = hit ? this.underlines.find((u) => u.id === hit.id) : undefined;
    return hit && underline ? { underline, rect: hit.rect, id: hit.id } : null;
  }

  /** "Not an issue": hidden at once and remembered on this machine; from then on the engine leaves it out (and out of the score). */
  dismiss(underline: Underline): void {
    this.underlines = this.underlines.filter((u) => u !== underline);
    this.render(false);
    if (this.result) this.host.remember(dismissalOf(underline.finding, this.resultText, this.result.profile));
  }

  /**
   * Applies a fix through the field's own editing (see FieldAdapter.apply), then selects
   * the first [gap] the fix left, so the next keystrokes fill it in. A field that did not
   * take the fix exactly is left as it was: the answer is then the suggestion, for the
   * caller to offer to copy.
   */
  async applyFix(fix: Fix): Promise<string | undefined> {
    const stillFor = performance.now() - this.lastEditAt;
    if (stillFor < UNDO_GROUPING_MS) await new Promise((resolve) => setTimeout(resolve, UNDO_GROUPING_MS - stillFor));
    if (this.disposed) return undefined;
    const edit = mergeFixEdits(this.resultText, fix);
    if (!edit) return undefined;
    const current = this.field.read();
    const change = diffTexts(this.resultText, current);
    if (change) {
      if (change.start < edit.end && change.oldEnd > edit.start) return undefined; // the user already changed that text
      if (change.oldEnd <= edit.start) {
        const delta = change.newEnd - change.oldEnd;
        edit.start += delta;
        edit.end += delta;
      }
    }
    const applied = await this.field.apply(edit);
    if (this.disposed) return undefined;
    if (applied) {
      const after = this.field.read();
      const gap = firstPlaceholder(after, edit.start, edit.start + edit.text.length);
      if (gap) this.field.select(gap.start, gap.end);
    }
    this.onChange(true);
    clearTimeout(this.debounce);
    this.debounce = undefined;
    void this.analyse('fix');
    return applied ? undefined : edit.text;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    this.resizeObserver.disconnect();
    for (const undo of this.cleanup) undo();
    this.layer.dispose();
    this.field.dispose();
  }
}

/**
 * After an edit at `from`, text before it is laid out as before (wrapping is decided from
 * the start of a line onwards), so only underlines reaching the edit or after it can have
 * moved. The one ending right at the edit may wrap with the word being typed.
 */
function forgetMovedBoxes(underlines: Underline[], from: number): Underline[] {
  for (const u of underlines) if (u.end >= from) u.boxes = undefined;
  return underlines;
}

/// <reference lib="dom" />
/**
 * One checked field: its text, its latest analysis and its underlines. Typing moves the
 * underlines at once (no engine involved) and asks for a new analysis after a pause; the
 * engine re-parses only the paragraphs that changed, because each field keeps its own
 * parse cache on the engine side under its key.
 */
import type { Finding, Fix, LintResult } from '../../core/types.js';
import type { AnalysisTimings } from '../protocol.js';
import type { BrowserSettings } from '../settings.js';
import { Superseded, type EngineClient } from './engineClient.js';
import type { FieldAdapter } from './field.js';
import { FieldLayer, type Overlay } from './overlay.js';
import { diffTexts, firstPlaceholder, mergeFixEdits, shiftSpans, type Span } from './textChanges.js';

/** Quiet time after a keystroke before the text is analysed again. */
export const DEBOUNCE_MS = 300;
/** During non-stop typing, analyse at least this often. */
export const MAX_WAIT_MS = 1500;

interface Underline extends Span {
  finding: Finding;
}

export interface SessionHost {
  engine: EngineClient;
  settings(): BrowserSettings;
  /** Called after each analysis and each fix, with what it cost. */
  analysed(session: FieldSession, timings: AnalysisTimings): void;
}

export class FieldSession {
  readonly layer: FieldLayer;
  result: LintResult | null = null;
  omitted = 0;
  private text: string;
  private resultText = '';
  private underlines: Underline[] = [];
  private readonly dismissed = new Set<string>();
  private version = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private firstInputAt = 0;
  private renderQueued = false;
  private readonly keystrokeMs: number[] = [];
  private readonly focusedAt = performance.now();
  private analysedOnce = false;
  private readonly resizeObserver: ResizeObserver;
  private readonly cleanup: Array<() => void> = [];
  private disposed = false;

  constructor(
    readonly field: FieldAdapter,
    readonly key: string,
    overlay: Overlay,
    private readonly host: SessionHost,
  ) {
    this.layer = new FieldLayer(overlay, field.element);
    this.text = field.read();
    const element = field.element;
    const onInput = () => this.onInput();
    const onScroll = () => this.layer.follow();
    element.addEventListener('input', onInput);
    element.addEventListener('scroll', onScroll, { passive: true });
    this.cleanup.push(() => element.removeEventListener('input', onInput), () => element.removeEventListener('scroll', onScroll));
    // A new width re-wraps the text: measure again.
    this.resizeObserver = new ResizeObserver(() => this.queueRender());
    this.resizeObserver.observe(element);
    void this.analyse('focus');
  }

  private onInput(): void {
    const started = performance.now();
    const text = this.field.read();
    const change = diffTexts(this.text, text);
    this.text = text;
    if (!change) return;
    this.underlines = shiftSpans(this.underlines, change);
    this.render(false);
    this.keystrokeMs.push(performance.now() - started);
    const now = performance.now();
    if (!this.debounce) this.firstInputAt = now;
    clearTimeout(this.debounce);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstInputAt + MAX_WAIT_MS - now));
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.analyse('input');
    }, wait);
  }

  async analyse(reason: AnalysisTimings['reason']): Promise<void> {
    if (this.disposed) return;
    const version = ++this.version;
    const text = this.field.read();
    this.text = text;
    const sent = performance.now();
    let answer;
    try {
      answer = await this.host.engine.lint(this.key, text, this.field.format(text), this.host.settings());
    } catch (error) {
      if (error instanceof Superseded || this.disposed) return;
      // The engine host went away (browser closed it, extension updated): one more try.
      if (version === this.version && reason !== 'settings') setTimeout(() => void this.analyse(reason), 500);
      return;
    }
    if (version !== this.version || this.disposed) return;
    const roundTripMs = performance.now() - sent;
    this.result = answer.reply.result;
    this.omitted = answer.reply.omitted;
    this.resultText = text;
    this.underlines = this.result.findings
      .filter((f) => f.scope === 'inline')
      .map((finding) => ({ start: finding.range.start.offset, end: finding.range.end.offset, finding }));
    // Typing that went on while the engine worked: move its answer along.
    const change = diffTexts(text, this.field.read());
    if (change) this.underlines = shiftSpans(this.underlines, change);
    const renderStarted = performance.now();
    this.render();
    const renderMs = performance.now() - renderStarted;
    const timings: AnalysisTimings = { reason, textLength: text.length, engineMs: answer.engineMs, roundTripMs, renderMs, keystrokeMs: this.keystrokeMs.splice(0) };
    if (!this.analysedOnce) {
      this.analysedOnce = true;
      timings.focusToUnderlinesMs = performance.now() - this.focusedAt;
    }
    this.host.analysed(this, timings);
  }

  private dismissKey(u: Underline): string {
    return `${u.finding.ruleId}\u0000${this.text.slice(u.start, u.end)}`;
  }

  private visible(): Underline[] {
    return this.underlines.filter((u) => !this.dismissed.has(this.dismissKey(u)));
  }

  queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      if (!this.disposed) this.render();
    });
  }

  /** Measures and draws the underlines; `reread` false when the text was read a moment ago. */
  render(reread = true): void {
    if (this.disposed) return;
    if (reread) this.field.read();
    const specs = this.visible().map((u, index) => ({ index, severity: u.finding.severity, ruleId: u.finding.ruleId, boxes: this.field.boxes(u.start, u.end) }));
    this.layer.draw(specs);
  }

  /** The finding under a point, with the rectangle of its word. */
  findingAt(clientX: number, clientY: number): { underline: Underline; rect: DOMRect; index: number } | null {
    const hit = this.layer.hit(clientX, clientY);
    const underline = hit ? this.visible()[hit.index] : undefined;
    return hit && underline ? { underline, rect: hit.rect, index: hit.index } : null;
  }

  dismiss(underline: Underline): void {
    this.dismissed.add(this.dismissKey(underline));
    this.render();
  }

  /**
   * Applies a fix through the field's own editing (see FieldAdapter.apply), then selects
   * the first [gap] the fix left, so the next keystrokes fill it in.
   */
  applyFix(fix: Fix): void {
    const edit = mergeFixEdits(this.resultText, fix);
    if (!edit) return;
    const current = this.field.read();
    const change = diffTexts(this.resultText, current);
    if (change) {
      if (change.start < edit.end && change.oldEnd > edit.start) return; // the user already changed that text
      if (change.oldEnd <= edit.start) {
        const delta = change.newEnd - change.oldEnd;
        edit.start += delta;
        edit.end += delta;
      }
    }
    this.field.apply(edit);
    const after = this.field.read();
    const insertedEnd = edit.start + edit.text.length;
    if (after.slice(edit.start, insertedEnd) === edit.text) {
      const gap = firstPlaceholder(after, edit.start, insertedEnd);
      if (gap) this.field.select(gap.start, gap.end);
    }
    this.onInput();
    clearTimeout(this.debounce);
    this.debounce = undefined;
    void this.analyse('fix');
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

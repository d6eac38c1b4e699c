/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * field-ui.js: injected into a frame the first time someone focuses a multi-line field
 * there. It checks every eligible field focused from then on, draws the underlines and the
 * card, applies fixes, reports the score for the toolbar badge and answers the popup. In
 * the top frame of a granted site it is also injected when a field in a child frame is
 * focused, to draw that frame's cards where no frame edge cuts them.
 */
import type { AnalysisTimings, BackgroundMessage, FieldReport, TabMessage, ViewportRect } from '../protocol.js';
import { DEFAULT_BROWSER_SETTINGS, DISMISSALS_KEY, normaliseSettings, readDismissals, SETTINGS_KEY, SITES_KEY, type BrowserSettings } from '../settings.js';
import type { Dismissal } from '../../core/dismissals.js';
import type { Finding } from '../../core/types.js';
import { patternMatches } from '../sites.js';
import { deepActiveElement, eligibleField, type EligibleField } from '../content/eligibility.js';
import { Card, type CardView } from './card.js';
import { CardHost } from './cardHost.js';
import { copyToClipboard } from './clipboard.js';
import { EditableField } from './editableField.js';
import { EngineClient } from './engineClient.js';
import { Overlay } from './overlay.js';
import { RelayedCard } from './relayedCard.js';
import { FieldSession } from './session.js';
import { TextareaField } from './textareaField.js';

/** How long the pointer rests on an underline before the card opens. */
const HOVER_MS = 250;

class FieldUi {
  private overlay: Overlay | null = null;
  private ownCard: Card | null = null;
  /** In a child frame, the card is drawn by the top frame when it can (see RelayedCard). */
  private card: CardView | null = null;
  /** In the top frame: draws the cards of fields in child frames. */
  private readonly cardHost = new CardHost(() => this.drawnCard());
  private readonly sessions = new Map<EligibleField, FieldSession>();
  private active: FieldSession | null = null;
  private settings: BrowserSettings = DEFAULT_BROWSER_SETTINGS;
  private dismissals: Dismissal[] = [];
  private readonly engine = new EngineClient();
  private nextKey = 1;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private hovered: string | null = null;
  private frameQueued = false;
  private readonly listeners: Array<() => void> = [];
  private watchdog: ReturnType<typeof setInterval> | undefined;

  async start(): Promise<void> {
    // First: a child frame may ask for its card before the settings are read.
    chrome.runtime.onMessage.addListener(this.onMessage);
    const stored = await chrome.storage.local.get([SETTINGS_KEY, DISMISSALS_KEY]);
    this.settings = normaliseSettings(stored[SETTINGS_KEY]);
    this.dismissals = readDismissals(stored[DISMISSALS_KEY]);
    chrome.storage.onChanged.addListener(this.onStorage);
    this.listen(document, 'focusin', (event) => this.onFocus(event), true);
    this.listen(document, 'pointermove', (event) => this.onPointerMove(event as PointerEvent), { capture: true, passive: true });
    this.listen(document, 'click', (event) => this.onClick(event as MouseEvent), true);
    this.listen(document, 'keydown', (event) => this.onKey(event as KeyboardEvent), true);
    this.listen(window, 'scroll', () => this.queueFollow(), { capture: true, passive: true });
    this.listen(window, 'resize', () => this.queueFollow(), { passive: true });
    // Layout can move a field without a scroll or resize event (content loading above it).
    this.watchdog = setInterval(() => this.checkFields(), 500);
    const active = deepActiveElement();
    if (active) this.focusField(active);
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void, options: boolean | AddEventListenerOptions): void {
    target.addEventListener(type, handler, options);
    this.listeners.push(() => target.removeEventListener(type, handler, options));
  }

  private onFocus(event: Event): void {
    this.focusField(event.composedPath()[0]);
  }

  private focusField(target: EventTarget | null | undefined): void {
    const element = eligibleField(target);
    if (!element) return;
    let session = this.sessions.get(element);
    if (!session) {
      this.card ??= window === window.top ? this.drawnCard() : new RelayedCard(() => this.drawnCard());
      const overlay = (this.overlay ??= new Overlay(document));
      const adapter = element.tagName === 'TEXTAREA' ? new TextareaField(element as HTMLTextAreaElement, overlay.root) : new EditableField(element);
      session = new FieldSession(adapter, `field-${this.nextKey++}`, overlay, {
        engine: this.engine,
        settings: () => this.settings,
        dismissals: () => this.dismissals,
        remember: (dismissal) => this.remember(dismissal),
        analysed: (s, timings) => this.onAnalysed(s, timings),
        unchecked: (s) => {
          if (s === this.active) this.report(null);
        },
      });
      this.sessions.set(element, session);
    }
    if (this.active !== session) {
      this.active = session;
      if (session.result) this.report(session.result.score.overall);
    }
  }

  /** This frame's own card, in its own overlay. */
  private drawnCard(): Card {
    this.overlay ??= new Overlay(document);
    return (this.ownCard ??= new Card(this.overlay));
  }

  private onAnalysed(session: FieldSession, timings: AnalysisTimings): void {
    if (session !== this.active) return;
    this.report(session.result?.score.overall ?? null, timings);
  }

  /** Tells the background the focused field's score (for the badge) and what the analysis cost. */
  private report(score: number | null, timings?: AnalysisTimings): void {
    const message: BackgroundMessage = { type: 'fulcrum:analysed', score, timings };
    chrome.runtime.sendMessage(message).catch(() => {});
  }

  private sessionAt(x: number, y: number) {
    for (const session of this.sessions.values()) {
      const hit = session.findingAt(x, y);
      if (hit) return { session, ...hit };
    }
    return null;
  }

  private showCard(x: number, y: number): boolean {
    const hit = this.sessionAt(x, y);
    if (!hit || !this.card) return false;
    const { session, underline, rect, id } = hit;
    this.card.show(underline.finding, rect, {
      onFix: (fix) => {
        void session.applyFix(fix).then((refused) => {
          if (refused !== undefined) this.offerToCopy(session, underline.finding, rect, refused);
        });
      },
      onDismiss: () => session.dismiss(underline),
      onClose: () => session.layer.setActive(null),
    });
    // After show: the card it replaced un-highlights its own word as it closes.
    for (const s of this.sessions.values()) s.layer.setActive(s === session ? id : null);
    return true;
  }

  /**
   * The editor did not take the fix and was left as it was: the card comes back with the
   * suggestion and a button to copy it, and the field keeps a note with the same button.
   * Copying waits for that click, the user's gesture the clipboard asks for.
   */
  private offerToCopy(session: FieldSession, finding: Finding, word: ViewportRect, suggestion: string): void {
    session.note(`This editor did not take the fix, so its text is unchanged. Suggested wording: “${suggestion}”.`, 'edited', {
      label: 'Copy suggestion',
      run: (button) => void copyToClipboard(suggestion).then((copied) => (button.textContent = copied ? 'Copied' : 'Could not copy')),
    });
    this.card?.show(finding, word, { onFix: () => {}, onDismiss: () => {} }, suggestion);
  }

  /** The card on show in this frame: a field's here, or (top frame) one drawn for a child frame. */
  private get anyCard(): CardView | null {
    return this.card ?? this.ownCard;
  }

  private hideCard(): void {
    this.anyCard?.hide();
    for (const s of this.sessions.values()) s.layer.setActive(null);
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.sessions.size === 0 || !this.card) return;
    const { clientX: x, clientY: y } = event;
    if (this.card.contains(x, y)) {
      this.card.cancelHide();
      return;
    }
    const hit = this.sessionAt(x, y);
    const id = hit ? `${hit.session.key}:${hit.id}` : null;
    if (id === this.hovered) return;
    this.hovered = id;
    clearTimeout(this.hoverTimer);
    if (hit) {
      this.card.cancelHide();
      this.hoverTimer = setTimeout(() => this.showCard(x, y), HOVER_MS);
    } else if (this.card.visibleFinding) {
      // Unless the pointer reaches the card first; its closing un-highlights the word.
      this.card.hideSoon();
    }
  }

  private onClick(event: MouseEvent): void {
    const card = this.anyCard;
    if (!card || card.contains(event.clientX, event.clientY)) return;
    // A click that only placed the caret on an underlined word opens its card; a drag that selected text does not.
    const active = deepActiveElement();
    const selecting = active?.tagName === 'TEXTAREA' ? (active as HTMLTextAreaElement).selectionStart !== (active as HTMLTextAreaElement).selectionEnd : !(document.getSelection()?.isCollapsed ?? true);
    if (selecting) return;
    if (!this.showCard(event.clientX, event.clientY)) this.hideCard();
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.anyCard?.visibleFinding) return;
    if (event.key === 'Escape' || (event.key.length === 1 && !event.ctrlKey && !event.metaKey) || event.key === 'Backspace' || event.key === 'Enter') this.hideCard();
  }

  private queueFollow(): void {
    if (this.frameQueued) return;
    this.frameQueued = true;
    requestAnimationFrame(() => {
      this.frameQueued = false;
      for (const session of this.sessions.values()) session.layer.follow();
      if (this.anyCard?.visibleFinding) this.hideCard();
    });
  }

  /** Follows fields that moved and forgets fields that left the page. */
  private checkFields(): void {
    for (const [element, session] of this.sessions) {
      if (element.isConnected) session.layer.follow();
      else {
        session.dispose();
        this.sessions.delete(element);
        if (this.active === session) {
          this.active = null;
          this.report(null);
        }
      }
    }
  }

  /** Stored on this machine; the storage change then re-analyses every field (in this tab and others). */
  private remember(dismissal: Dismissal): void {
    this.dismissals = [...this.dismissals, dismissal];
    void chrome.storage.local.set({ [DISMISSALS_KEY]: this.dismissals });
  }

  private readonly onStorage = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    if (area !== 'local') return;
    if (changes[DISMISSALS_KEY]) {
      this.dismissals = readDismissals(changes[DISMISSALS_KEY].newValue);
      for (const session of this.sessions.values()) void session.analyse('dismiss');
    }
    if (changes[SETTINGS_KEY]) {
      this.settings = normaliseSettings(changes[SETTINGS_KEY].newValue);
      for (const session of this.sessions.values()) void session.analyse('settings');
    }
    const sites = changes[SITES_KEY]?.newValue as string[] | undefined;
    if (sites && !sites.some((pattern) => patternMatches(pattern, location.href))) this.stop();
  };

  private readonly onMessage = (message: TabMessage, _sender: chrome.runtime.MessageSender, respond: (answer: FieldReport | boolean) => void): boolean => {
    if (message?.type === 'fulcrum:card') {
      respond(window === window.top && this.cardHost.handle(message.frameId, message.command));
      return false;
    }
    if (message?.type === 'fulcrum:card-action') {
      if (this.card instanceof RelayedCard) this.card.onAction(message.action);
      return false;
    }
    if (message?.type !== 'fulcrum:report' || !this.active?.result) return false;
    respond({ result: this.active.result, field: this.active.field.describe(), omitted: this.active.omitted });
    return false;
  };

  /** The user took the site away: remove every trace from the page. */
  stop(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.active = null;
    for (const undo of this.listeners) undo();
    clearInterval(this.watchdog);
    chrome.storage.onChanged.removeListener(this.onStorage);
    chrome.runtime.onMessage.removeListener(this.onMessage);
    this.engine.dispose();
    this.overlay?.dispose();
    this.overlay = null;
    this.ownCard = null;
    this.card = null;
    marker.__fulcrumUi = undefined;
  }
}

const marker = globalThis as unknown as { __fulcrumUi?: FieldUi };
if (!marker.__fulcrumUi) {
  marker.__fulcrumUi = new FieldUi();
  void marker.__fulcrumUi.start();
}

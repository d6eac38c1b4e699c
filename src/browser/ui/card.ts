/// <reference lib="dom" />
/**
 * The card shown over an underline: what is wrong, why (the seed passage the rule rests
 * on), and the fix as a button. Built with DOM calls; finding text only ever becomes text.
 */
import type { Finding, Fix } from '../../core/types.js';
import type { Overlay } from './overlay.js';

/** Below this height a scrolling card is too cramped to read: it covers the word instead. */
const MIN_SCROLLING_HEIGHT = 110;

export interface CardHandlers {
  onFix(fix: Fix): void;
  onDismiss(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "002_cb568d17d9a0bd27.txt" → "seed 002". */
function seedName(seed: string): string {
  return `seed ${seed.slice(0, 3)}`;
}

export class Card {
  readonly element: HTMLDivElement;
  private shownFor: Finding | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly overlay: Overlay) {
    const doc = overlay.host.ownerDocument;
    this.element = el(doc, 'div', 'card');
    this.element.hidden = true;
    this.element.setAttribute('role', 'dialog');
    this.element.setAttribute('aria-label', 'Fulcrum suggestion');
    this.element.addEventListener('pointerenter', () => this.cancelHide());
    this.element.addEventListener('pointerleave', () => this.hideSoon());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    overlay.root.append(this.element);
  }

  get visibleFinding(): Finding | null {
    return this.element.hidden ? null : this.shownFor;
  }

  show(finding: Finding, anchor: DOMRect, handlers: CardHandlers): void {
    this.cancelHide();
    this.overlay.ensureAttached();
    const doc = this.element.ownerDocument;
    const rule = el(doc, 'div', 'rule');
    rule.append(el(doc, 'span', `dot ${finding.severity}`), el(doc, 'span', undefined, `${finding.category} · ${finding.ruleId}`));
    const brand = el(doc, 'span', 'brand', 'Fulcrum');
    const children: Node[] = [brand, rule, el(doc, 'p', 'message', finding.message)];
    const source = finding.sources[0];
    if (source) {
      const why = el(doc, 'p', 'why');
      why.append(el(doc, 'b', undefined, 'Why: '), doc.createTextNode(`“${source.quote}” — ${seedName(source.seed)}`));
      children.push(why);
    }
    const actions = el(doc, 'div', 'actions');
    for (const fix of finding.fixes.slice(0, 2)) {
      const button = el(doc, 'button', 'fix', fix.title);
      button.type = 'button';
      button.title = fix.safe ? 'Apply this fix' : 'Apply this fix, then fill in the [gaps]';
      // mousedown would move focus out of the field first; keep the field focused.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        this.hide();
        handlers.onFix(fix);
      });
      actions.append(button);
    }
    const dismiss = el(doc, 'button', 'dismiss', 'Not an issue');
    dismiss.type = 'button';
    dismiss.title = 'Hide it, here and wherever these words come back in this sentence; remembered on this computer only';
    dismiss.addEventListener('mousedown', (event) => event.preventDefault());
    dismiss.addEventListener('click', () => {
      this.hide();
      handlers.onDismiss();
    });
    actions.append(dismiss);
    children.push(actions);
    this.element.replaceChildren(...children);
    this.shownFor = finding;
    this.element.hidden = false;
    this.place(anchor);
  }

  /**
   * Below the word, or above it when there is no room; always inside the viewport. In a
   * short frame (an editor's iframe) where it fits on neither side, it takes the roomier
   * side and scrolls inside, so the word stays visible and clickable.
   */
  private place(anchor: DOMRect): void {
    const view = this.element.ownerDocument.defaultView!;
    this.element.style.maxHeight = '';
    const { width, height } = this.element.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - width - 8));
    const below = anchor.bottom + 6;
    const roomBelow = view.innerHeight - 8 - below;
    const roomAbove = anchor.top - 6 - 8;
    let top: number;
    if (height <= roomBelow) top = below;
    else if (height <= roomAbove) top = anchor.top - 6 - height;
    else if (Math.max(roomBelow, roomAbove) >= MIN_SCROLLING_HEIGHT) {
      const room = Math.max(roomBelow, roomAbove);
      this.element.style.maxHeight = `${room}px`;
      top = room === roomBelow ? below : 8;
    } else top = Math.max(8, view.innerHeight - height - 8);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  contains(clientX: number, clientY: number): boolean {
    if (this.element.hidden) return false;
    const r = this.element.getBoundingClientRect();
    return clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom;
  }

  hideSoon(delay = 350): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), delay);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  hide(): void {
    this.cancelHide();
    this.element.hidden = true;
    this.shownFor = null;
  }
}

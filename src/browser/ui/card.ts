/// <reference lib="dom" />
/**
 * The card shown over an underline: what is wrong, why (the seed passage the rule rests
 * on), and the fix as a button. Built with DOM calls; finding text only ever becomes text.
 */
import type { Finding, Fix } from '../../core/types.js';
import type { ViewportRect } from '../protocol.js';
import { placeCard } from './cardPlacement.js';
import { copyToClipboard } from './clipboard.js';
import type { Overlay } from './overlay.js';

export interface CardHandlers {
  onFix(fix: Fix): void;
  onDismiss(): void;
  /** The card went away, whatever the reason: its word is no longer highlighted. */
  onClose?(): void;
}

/**
 * What the field UI needs of a card: this frame's own (Card), or one the top frame draws
 * for it (RelayedCard). `anchor` is the word's rectangle in this frame's viewport;
 * `refusal` the suggestion of a fix the editor did not take, offered to copy instead.
 */
export interface CardView {
  readonly visibleFinding: Finding | null;
  show(finding: Finding, anchor: ViewportRect, handlers: CardHandlers, refusal?: string): void;
  contains(clientX: number, clientY: number): boolean;
  hideSoon(): void;
  cancelHide(): void;
  hide(): void;
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

export class Card implements CardView {
  readonly element: HTMLDivElement;
  private shownFor: Finding | null = null;
  private handlers: CardHandlers | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the pointer is on the card, a request to hide it soon waits for the pointer to leave. */
  private pointerInside = false;

  constructor(private readonly overlay: Overlay) {
    const doc = overlay.host.ownerDocument;
    this.element = el(doc, 'div', 'card');
    this.element.hidden = true;
    this.element.setAttribute('role', 'dialog');
    this.element.setAttribute('aria-label', 'Fulcrum suggestion');
    this.element.addEventListener('pointerenter', () => {
      this.pointerInside = true;
      this.cancelHide();
    });
    this.element.addEventListener('pointerleave', () => {
      this.pointerInside = false;
      this.hideSoon();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    overlay.root.append(this.element);
  }

  get visibleFinding(): Finding | null {
    return this.element.hidden ? null : this.shownFor;
  }

  show(finding: Finding, anchor: ViewportRect, handlers: CardHandlers, refusal?: string): void {
    if (this.handlers && this.handlers !== handlers) this.close();
    this.cancelHide();
    this.handlers = handlers;
    this.overlay.ensureAttached();
    const doc = this.element.ownerDocument;
    const rule = el(doc, 'div', 'rule');
    rule.append(el(doc, 'span', `dot ${finding.severity}`), el(doc, 'span', undefined, `${finding.category} · ${finding.ruleId}`));
    const brand = el(doc, 'span', 'brand', 'Fulcrum');
    const children: Node[] = [brand, rule, el(doc, 'p', 'message', finding.message)];
    if (refusal !== undefined) {
      children.push(
        el(doc, 'p', 'refusal', 'This editor did not take the fix, so its text is unchanged. Copy the suggestion, select the words and paste it:'),
        el(doc, 'p', 'suggestion', `“${refusal}”`),
        this.copyActions(refusal),
      );
    } else {
      const source = finding.sources[0];
      if (source) {
        const why = el(doc, 'p', 'why');
        why.append(el(doc, 'b', undefined, 'Why: '), doc.createTextNode(`“${source.quote}” — ${seedName(source.seed)}`));
        children.push(why);
      }
      children.push(this.fixActions(finding, handlers));
    }
    this.element.replaceChildren(...children);
    this.shownFor = finding;
    this.element.hidden = false;
    this.place(anchor);
  }

  private fixActions(finding: Finding, handlers: CardHandlers): HTMLDivElement {
    const doc = this.element.ownerDocument;
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
    return actions;
  }

  /** The click on "Copy suggestion" is the user's gesture the clipboard asks for. */
  private copyActions(suggestion: string): HTMLDivElement {
    const doc = this.element.ownerDocument;
    const actions = el(doc, 'div', 'actions');
    const copy = el(doc, 'button', 'copy', 'Copy suggestion');
    copy.type = 'button';
    copy.title = 'Put the suggested wording on the clipboard';
    copy.addEventListener('mousedown', (event) => event.preventDefault());
    copy.addEventListener('click', () => {
      void copyToClipboard(suggestion).then((copied) => (copy.textContent = copied ? 'Copied' : 'Could not copy: select the wording above'));
    });
    actions.append(copy);
    return actions;
  }

  /** Next to the word, inside the viewport (see placeCard); measured at its full height first. */
  private place(anchor: ViewportRect): void {
    const view = this.element.ownerDocument.defaultView!;
    this.element.style.maxHeight = '';
    const { width, height } = this.element.getBoundingClientRect();
    const placement = placeCard(anchor, { width, height }, { width: view.innerWidth, height: view.innerHeight });
    if (placement.maxHeight !== undefined) this.element.style.maxHeight = `${placement.maxHeight}px`;
    this.element.style.left = `${placement.left}px`;
    this.element.style.top = `${placement.top}px`;
  }

  contains(clientX: number, clientY: number): boolean {
    if (this.element.hidden) return false;
    const r = this.element.getBoundingClientRect();
    return clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom;
  }

  hideSoon(delay = 350): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      if (!this.pointerInside) this.hide();
    }, delay);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  hide(): void {
    this.cancelHide();
    this.element.hidden = true;
    this.shownFor = null;
    this.pointerInside = false;
    this.close();
  }

  private close(): void {
    const handlers = this.handlers;
    this.handlers = null;
    handlers?.onClose?.();
  }
}

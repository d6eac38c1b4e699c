/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The card of a field in a child frame (an editor's about:srcdoc or about:blank iframe),
 * drawn by the top frame in the top document: there no frame edge cuts it and it has the
 * whole window to stay clear of its word. The top frame sends back what the user chose.
 * Where the top frame cannot draw it (the top page is not a granted site, or the frame
 * cannot see its parent to say where its word is), the frame draws it itself.
 */
import type { Finding } from '../../core/types.js';
import type { BackgroundMessage, CardAction, CardCommand, ViewportRect } from '../protocol.js';
import type { CardHandlers, CardView } from './card.js';
import { inTopViewport, offsetInTopViewport } from './frameOffset.js';

interface Relayed {
  id: number;
  finding: Finding;
  handlers: CardHandlers;
  visible: boolean;
}

function send(command: CardCommand): Promise<boolean> {
  const message: BackgroundMessage = { type: 'fulcrum:card-to-top', command };
  return chrome.runtime.sendMessage(message).then(
    (drawn: unknown) => drawn === true,
    () => false,
  );
}

export class RelayedCard implements CardView {
  private relayed: Relayed | null = null;
  private nextId = 1;
  /** The top frame could not draw the card on show (no field UI there): this frame's own card has it. */
  private drawsHere = false;

  constructor(private readonly ownCard: () => CardView) {}

  get visibleFinding(): Finding | null {
    if (this.drawsHere) return this.ownCard().visibleFinding;
    return this.relayed?.visible ? this.relayed.finding : null;
  }

  show(finding: Finding, anchor: ViewportRect, handlers: CardHandlers, refusal?: string): void {
    const offset = offsetInTopViewport();
    if (this.drawsHere && offset) this.ownCard().hide();
    this.drawsHere = !offset;
    if (!offset) {
      this.ownCard().show(finding, anchor, handlers, refusal);
      return;
    }
    const previous = this.relayed;
    const id = this.nextId++;
    this.relayed = { id, finding, handlers, visible: true };
    if (previous?.visible && previous.handlers !== handlers) previous.handlers.onClose?.();
    const rect = inTopViewport(anchor, offset);
    void send({ kind: 'show', id, finding, anchor: rect, refusal }).then((drawn) => {
      if (drawn || this.relayed?.id !== id) return;
      this.drawsHere = true;
      this.relayed = null;
      this.ownCard().show(finding, anchor, handlers, refusal);
    });
  }

  /** A card in the top document is never under this frame's pointer coordinates. */
  contains(clientX: number, clientY: number): boolean {
    return this.drawsHere && this.ownCard().contains(clientX, clientY);
  }

  hideSoon(): void {
    if (this.drawsHere) this.ownCard().hideSoon();
    else if (this.relayed?.visible) void send({ kind: 'hide-soon' });
  }

  cancelHide(): void {
    if (this.drawsHere) this.ownCard().cancelHide();
    else if (this.relayed?.visible) void send({ kind: 'cancel-hide' });
  }

  hide(): void {
    if (this.drawsHere) {
      this.ownCard().hide();
      return;
    }
    if (!this.relayed?.visible) return;
    this.relayed.visible = false;
    void send({ kind: 'hide' });
    this.relayed.handlers.onClose?.();
  }

  /**
   * What the user chose in the top frame's card. The card closes before a fix is reported,
   * so the handlers of the last card stay known after it closed.
   */
  onAction(action: CardAction): void {
    const relayed = this.relayed;
    if (!relayed || action.id !== relayed.id) return;
    if (action.kind === 'closed') {
      if (!relayed.visible) return;
      relayed.visible = false;
      relayed.handlers.onClose?.();
    } else if (action.kind === 'fix') relayed.handlers.onFix(action.fix);
    else relayed.handlers.onDismiss();
  }
}

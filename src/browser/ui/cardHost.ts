/// <reference types="chrome" />
/**
 * The top frame's side of RelayedCard: draws the card a child frame asks for, in the top
 * document (its word's rectangle already in the top viewport), and sends the user's choice
 * back to that frame through the background.
 */
import type { BackgroundMessage, CardAction, CardCommand } from '../protocol.js';
import type { CardView } from './card.js';

function sendAction(frameId: number, action: CardAction): void {
  const message: BackgroundMessage = { type: 'fulcrum:card-action', frameId, action };
  chrome.runtime.sendMessage(message).catch(() => {});
}

export class CardHost {
  /** The frame whose card is showing, if it is another frame's. */
  private showingFor: { frameId: number; id: number } | null = null;

  constructor(private readonly card: () => CardView) {}

  /** Carries out a frame's command; true when it was drawn (the frame then draws nothing itself). */
  handle(frameId: number, command: CardCommand): boolean {
    if (command.kind === 'show') {
      const request = { frameId, id: command.id };
      this.card().show(
        command.finding,
        command.anchor,
        {
          onFix: (fix) => sendAction(frameId, { id: command.id, kind: 'fix', fix }),
          onDismiss: () => sendAction(frameId, { id: command.id, kind: 'dismiss' }),
          onClose: () => {
            if (this.showingFor === request) this.showingFor = null;
            sendAction(frameId, { id: command.id, kind: 'closed' });
          },
        },
        command.refusal,
      );
      this.showingFor = request;
      return true;
    }
    // Only the frame whose card is showing may hide it.
    if (this.showingFor?.frameId !== frameId) return true;
    if (command.kind === 'hide') this.card().hide();
    else if (command.kind === 'hide-soon') this.card().hideSoon();
    else this.card().cancelHide();
    return true;
  }
}

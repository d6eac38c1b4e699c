/**
 * Where the card goes, given the word it explains and the viewport it must stay in: next
 * to the word (below, above, then beside it), never over it when there is room anywhere
 * around it, and always wholly inside the viewport. Pure arithmetic, so it is tested
 * without a browser.
 */
import type { ViewportRect } from '../protocol.js';

/** Kept free between the card and the viewport's edges. */
const MARGIN = 8;
/** Between the card and its word. */
const GAP = 6;
/** Below this height a scrolling card is too cramped to read: it covers the word instead. */
const MIN_SCROLLING_HEIGHT = 110;

export interface CardPlacement {
  left: number;
  top: number;
  /** Set when the card fits nowhere whole: it scrolls inside this height. */
  maxHeight?: number;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

export function placeCard(word: ViewportRect, card: { width: number; height: number }, view: { width: number; height: number }): CardPlacement {
  const right = word.left + word.width;
  const bottom = word.top + word.height;
  const lowestTop = view.height - MARGIN - card.height;
  const rightmostLeft = view.width - MARGIN - card.width;
  const alongWord = clamp(word.left, MARGIN, Math.max(MARGIN, rightmostLeft));
  const besideWord = clamp(word.top, MARGIN, Math.max(MARGIN, lowestTop));
  const fitsHeight = card.height <= view.height - 2 * MARGIN;
  const candidates: Array<CardPlacement & { fits: boolean }> = [
    { left: alongWord, top: bottom + GAP, fits: bottom + GAP <= lowestTop },
    { left: alongWord, top: word.top - GAP - card.height, fits: word.top - GAP - card.height >= MARGIN },
    { left: right + GAP, top: besideWord, fits: fitsHeight && right + GAP <= rightmostLeft },
    { left: word.left - GAP - card.width, top: besideWord, fits: fitsHeight && word.left - GAP - card.width >= MARGIN },
  ];
  const whole = candidates.find((c) => c.fits);
  if (whole) return { left: whole.left, top: whole.top };
  // A short viewport (an editor's frame): the roomier side, the card scrolling inside it,
  // so the word stays visible and clickable.
  const roomBelow = view.height - MARGIN - (bottom + GAP);
  const roomAbove = word.top - GAP - MARGIN;
  const room = Math.max(roomBelow, roomAbove);
  if (room >= MIN_SCROLLING_HEIGHT) return { left: alongWord, top: room === roomBelow ? bottom + GAP : MARGIN, maxHeight: room };
  return { left: alongWord, top: Math.max(MARGIN, lowestTop) };
}

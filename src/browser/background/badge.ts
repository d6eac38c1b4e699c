/// <reference types="chrome" />
/** The toolbar badge: the focused field's score in this tab, coloured like the report. */
import { scoreTone } from '../protocol.js';

const COLOURS = { good: '#1a7f37', fair: '#9a6700', poor: '#cf222e' } as const;

export async function showScore(tabId: number, score: number | null): Promise<void> {
  await chrome.action.setBadgeText({ tabId, text: score === null ? '' : String(score) });
  if (score !== null) await chrome.action.setBadgeBackgroundColor({ tabId, color: COLOURS[scoreTone(score)] });
}

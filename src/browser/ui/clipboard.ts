/// <reference lib="dom" />
/**
 * Puts text on the clipboard. Called from a click (the user's gesture browsers require);
 * false when the browser refused, so the caller can say so instead of claiming success.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/// <reference lib="dom" />
/**
 * The ways a fix can enter an editor, each the way the editor itself takes input, so its
 * model, its undo history and the page stay in step:
 *
 * - a paste: rich-text editors (Quill, ProseMirror/Tiptap, Lexical, Draft.js, CKEditor 5,
 *   Slate, TinyMCE) handle the paste event themselves and turn the pasted text into one
 *   change of their model, one step for Ctrl+Z. Chromium's execCommand('insertText')
 *   sends them no beforeinput, so editors that take edits only from beforeinput never see it.
 * - typing (execCommand): a plain contenteditable or text area, which has no paste handler
 *   and whose edits the browser's own undo history records.
 */

/**
 * Offers `text` to the editor as a paste over the current selection. True when the editor
 * took it (it cancels the event to do the pasting itself); false when nothing handled it, in
 * which case nothing happened: a synthetic paste event has no default action.
 */
export function pasteOverSelection(doc: Document, text: string): boolean {
  const target = selectionElement(doc);
  if (!target) return false;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  return !target.dispatchEvent(paste);
}

/**
 * Inserts text where the selection is, as if typed: execCommand goes through the browser's
 * editing machinery, so the page gets input events (React and Vue update their state) and
 * the change joins the field's undo history.
 */
export function typeOverSelection(doc: Document, text: string): boolean {
  return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
}

/**
 * Takes back the last change (or puts it back), through whichever history the editor listens
 * to: its Ctrl+Z / Ctrl+Shift+Z key binding, a historyUndo / historyRedo input event, or the
 * browser's own undo. A step one path handles (cancels) is not offered to the next.
 */
export function stepHistory(element: HTMLElement, direction: 'undo' | 'redo'): void {
  const doc = element.ownerDocument;
  const target = selectionElement(doc) ?? element;
  const mac = /Mac/.test(navigator.platform);
  const redo = direction === 'redo';
  const key = new KeyboardEvent('keydown', { key: redo ? 'Z' : 'z', code: 'KeyZ', keyCode: 90, ctrlKey: !mac, metaKey: mac, shiftKey: redo, bubbles: true, cancelable: true, composed: true });
  if (!target.dispatchEvent(key)) return;
  const beforeInput = new InputEvent('beforeinput', { inputType: redo ? 'historyRedo' : 'historyUndo', bubbles: true, cancelable: true, composed: true });
  if (!target.dispatchEvent(beforeInput)) return;
  doc.execCommand(direction, false);
}

/** The element holding the selection's focus, where an editor's event handlers listen. */
function selectionElement(doc: Document): HTMLElement | null {
  const node = doc.getSelection()?.focusNode;
  if (!node) return null;
  return (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement) as HTMLElement | null;
}

/**
 * Editors keep a selection of their own, copied from the page's on each selectionchange
 * event, which the browser sends a moment after the selection moved (and Slate reads at
 * most every 100 ms). A paste must wait for that copy, or it lands where the caret was.
 */
const SELECTION_SYNC_MS = 120;

export function selectionReachedEditor(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SELECTION_SYNC_MS));
}

/**
 * Editors swap spaces and non-breaking spaces freely around an edit (TinyMCE keeps a space
 * typed at the end of a line as &nbsp; until more text follows): the same words either way.
 */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');
}

/**
 * Waits for the editor to finish: some apply a paste at once, others on their next render.
 * Resolves with the field's text once it is `expected`, or with whatever it is when
 * `timeoutMs` passes.
 */
export function settledText(read: () => string, expected: string, timeoutMs = 1000): Promise<string> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const text = read();
      if (sameText(text, expected) || performance.now() - started > timeoutMs) resolve(text);
      else setTimeout(check, 16);
    };
    check();
  });
}

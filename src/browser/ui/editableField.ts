/// <reference lib="dom" />
/** A rich-text editor (contenteditable): positions come straight from DOM ranges over its own text. */
import type { TextEdit, TextFormat } from '../../core/types.js';
import { domRange, extractText, type EditableText } from './editableText.js';
import { pasteOverSelection, sameText, selectionReachedEditor, settledText, stepHistory, typeOverSelection } from './editorInput.js';
import { fieldLabel, paddingBox, type Box, type FieldAdapter } from './field.js';
import { applyEdit, withInsertedText } from './textChanges.js';

export class EditableField implements FieldAdapter {
  private extracted: EditableText = { text: '', segments: [] };

  constructor(readonly element: HTMLElement) {}

  read(): string {
    this.extracted = extractText(this.element);
    return this.extracted.text;
  }

  /** The extracted text carries Markdown markers for headings and list items. */
  format(): TextFormat {
    return 'markdown';
  }

  measure(spans: ReadonlyArray<{ start: number; end: number }>): Box[][] {
    const origin = paddingBox(this.element);
    const { scrollLeft, scrollTop } = this.element;
    return spans.map(({ start, end }) => {
      const range = domRange(this.extracted, start, end);
      if (!range) return [];
      return Array.from(range.getClientRects())
        .filter((r) => r.width >= 1)
        .map((r) => ({ left: r.left - origin.left + scrollLeft, top: r.top - origin.top + scrollTop, width: r.width, height: r.height }));
    });
  }

  private selectRange(start: number, end: number): boolean {
    this.read();
    const range = domRange(this.extracted, start, end);
    const selection = this.element.ownerDocument.getSelection();
    if (!range || !selection) return false;
    this.element.focus({ preventScroll: true });
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }

  /**
   * An editor with a model of its own takes the fix as a paste (see editorInput.ts); a plain
   * contenteditable, which ignores a synthetic paste, takes it as typing. Either way the
   * result is checked against what the fix meant, and a wrong result is undone.
   */
  async apply(requested: TextEdit): Promise<boolean> {
    const before = this.read();
    // An empty paste is ignored by some editors: a deletion carries a neighbouring character along.
    const edit = withInsertedText(before, requested);
    const expected = applyEdit(before, edit);
    const doc = this.element.ownerDocument;
    if (!this.selectRange(edit.start, edit.end)) return false;
    await selectionReachedEditor();
    if (!pasteOverSelection(doc, edit.text)) typeOverSelection(doc, edit.text);
    const after = await settledText(() => this.read(), expected);
    if (sameText(after, expected)) return true;
    if (!sameText(after, before)) {
      stepHistory(this.element, 'undo');
      const undone = await settledText(() => this.read(), before);
      // An undo that took more than the attempt (typing the editor had not closed as a step
      // of its own) is put back: a wrong fix on screen is better than lost words.
      if (!sameText(undone, before)) stepHistory(this.element, 'redo');
    }
    return false;
  }

  select(start: number, end: number): void {
    this.selectRange(start, end);
  }

  describe(): string {
    const label = fieldLabel(this.element);
    return label ? `${label} (rich text)` : 'Rich-text field';
  }

  dispose(): void {}
}

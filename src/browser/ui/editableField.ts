/// <reference lib="dom" />
/** A rich-text editor (contenteditable): positions come straight from DOM ranges over its own text. */
import type { TextEdit, TextFormat } from '../../core/types.js';
import { domRange, extractText, type EditableText } from './editableText.js';
import { fieldLabel, paddingBox, typeOverSelection, type Box, type FieldAdapter } from './field.js';

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

  apply(edit: TextEdit): void {
    if (!this.selectRange(edit.start, edit.end)) return;
    if (!typeOverSelection(this.element.ownerDocument, edit.text)) {
      const range = this.element.ownerDocument.getSelection()?.getRangeAt(0);
      if (!range) return;
      range.deleteContents();
      range.insertNode(this.element.ownerDocument.createTextNode(edit.text));
      this.element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: edit.text }));
    }
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

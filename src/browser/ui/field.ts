/// <reference lib="dom" />
import type { TextEdit, TextFormat } from '../../core/types.js';

/** A rectangle in a field's content coordinates: from the top-left of its padding box, as if scrolled to the top. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the field UI needs from a text area or a rich-text editor, whichever it is. */
export interface FieldAdapter {
  readonly element: HTMLElement;
  /** The field's text as the engine sees it (offsets in UTF-16 code units). */
  read(): string;
  format(text: string): TextFormat;
  /** Where each span [start, end) of the text last read is drawn, one box per line it covers. */
  measure(spans: ReadonlyArray<{ start: number; end: number }>): Box[][];
  /**
   * Replaces [start, end) through the field's own input path (the page and its editor see
   * the change, one Ctrl+Z undoes it). True when the field's text is then exactly what the
   * edit meant; otherwise the field is left as it was and the answer is false.
   */
  apply(edit: TextEdit): Promise<boolean>;
  select(start: number, end: number): void;
  /** "Feedback (text area)", for the popup. */
  describe(): string;
  dispose(): void;
}

/** The field's padding box in viewport coordinates: where its text can be drawn. */
export function paddingBox(element: HTMLElement): DOMRect {
  const rect = element.getBoundingClientRect();
  return new DOMRect(rect.left + element.clientLeft, rect.top + element.clientTop, element.clientWidth, element.clientHeight);
}

/** A field's name as a person would read it: its label, placeholder or aria-label. */
export function fieldLabel(element: HTMLElement): string {
  const labelled = element.getAttribute('aria-label') ?? (element.id ? element.ownerDocument.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ?? element.closest('label')?.textContent ?? element.getAttribute('placeholder') ?? element.getAttribute('name');
  return (labelled ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
}

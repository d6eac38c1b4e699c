/// <reference lib="dom" />
/**
 * A <textarea>. Browsers do not say where a character inside a text area is drawn, so a
 * hidden mirror <div> with the same font, padding, width and wrapping lays the same text
 * out, and DOM ranges over the mirror's text give the positions.
 */
import type { TextEdit, TextFormat } from '../../core/types.js';
import { typeOverSelection } from './editorInput.js';
import { applyEdit, guessFormat } from './textChanges.js';
import { fieldLabel, type Box, type FieldAdapter } from './field.js';

/** Every computed property that changes where a character lands. */
const COPIED = [
  'direction', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontFeatureSettings', 'fontKerning', 'fontVariationSettings',
  'lineHeight', 'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'textAlign', 'tabSize', 'textRendering', 'wordBreak', 'overflowWrap', 'hyphens',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
] as const;

export class TextareaField implements FieldAdapter {
  private readonly mirror: HTMLDivElement;
  private readonly mirrorText: Text;
  private measuredText: string | null = null;
  private appliedStyle = '';

  constructor(readonly element: HTMLTextAreaElement, mirrorParent: Node) {
    const doc = element.ownerDocument;
    this.mirror = doc.createElement('div');
    this.mirror.setAttribute('aria-hidden', 'true');
    this.mirrorText = doc.createTextNode('');
    this.mirror.append(this.mirrorText);
    mirrorParent.appendChild(this.mirror);
  }

  read(): string {
    return this.element.value;
  }

  format(text: string): TextFormat {
    return guessFormat(text);
  }

  /** Copies the field's current look onto the mirror; only what changed is written, so an unchanged mirror needs no new layout. */
  private sync(text: string): void {
    const style = getComputedStyle(this.element);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    // clientWidth leaves out the scroll bar, as the text area's own wrapping does.
    const width = `${Math.max(0, this.element.clientWidth - padding)}px`;
    const signature = `${COPIED.map((p) => style[p]).join('|')}|${width}`;
    if (signature !== this.appliedStyle) {
      this.appliedStyle = signature;
      this.applyStyle(style, width);
    }
    if (this.measuredText !== text) {
      this.mirrorText.data = text;
      this.measuredText = text;
    }
  }

  private applyStyle(style: CSSStyleDeclaration, width: string): void {
    const mirror = this.mirror.style;
    for (const property of COPIED) mirror[property] = style[property];
    mirror.position = 'absolute';
    mirror.visibility = 'hidden';
    mirror.top = '0';
    mirror.left = '0';
    mirror.boxSizing = 'content-box';
    mirror.border = '0';
    mirror.margin = '0';
    mirror.whiteSpace = 'pre-wrap';
    if (style.overflowWrap === 'normal' && style.wordBreak === 'normal') mirror.overflowWrap = 'break-word';
    mirror.width = width;
  }

  measure(spans: ReadonlyArray<{ start: number; end: number }>): Box[][] {
    const text = this.read();
    this.sync(text);
    const range = this.mirror.ownerDocument.createRange();
    const origin = this.mirror.getBoundingClientRect();
    return spans.map(({ start, end }) => {
      range.setStart(this.mirrorText, Math.min(start, text.length));
      range.setEnd(this.mirrorText, Math.min(end, text.length));
      return Array.from(range.getClientRects())
        .filter((r) => r.width >= 1)
        .map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }));
    });
  }

  async apply(edit: TextEdit): Promise<boolean> {
    const area = this.element;
    const expected = applyEdit(area.value, edit);
    area.focus();
    area.setSelectionRange(edit.start, edit.end);
    if (!typeOverSelection(area.ownerDocument, edit.text)) {
      // A browser without insertText for text areas: still change the text and tell the page, without undo.
      area.setRangeText(edit.text, edit.start, edit.end, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: edit.text }));
    }
    return area.value === expected;
  }

  select(start: number, end: number): void {
    this.element.focus();
    this.element.setSelectionRange(start, end);
  }

  describe(): string {
    const label = fieldLabel(this.element);
    return label ? `${label} (text area)` : 'Text area';
  }

  dispose(): void {
    this.mirror.remove();
  }
}

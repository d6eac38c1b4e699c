/// <reference lib="dom" />
/**
 * Everything Fulcrum draws on a page lives in one <fulcrum-overlay> element at the end of
 * the document, in a shadow root: the underlines (one layer per field, clipped to the
 * field and moved with its scrolling) and the card. The page's own elements and text are
 * never touched. The overlay lets every pointer event through, except on the card.
 */
import type { Severity } from '../../core/types.js';
import { paddingBox, type Box } from './field.js';
import { OVERLAY_CSS } from './styles.js';
import { visibleArea } from './visibleArea.js';

const SVG = 'http://www.w3.org/2000/svg';

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;

  constructor(doc: Document) {
    this.host = doc.createElement('fulcrum-overlay');
    // Inline styles through the CSSOM are allowed under any page CSP.
    const style = this.host.style;
    style.setProperty('position', 'fixed', 'important');
    style.setProperty('inset', '0 auto auto 0', 'important');
    style.setProperty('width', '0', 'important');
    style.setProperty('height', '0', 'important');
    style.setProperty('z-index', '2147483647', 'important');
    style.setProperty('pointer-events', 'none', 'important');
    style.setProperty('display', 'block', 'important');
    this.root = this.host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(OVERLAY_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      const element = doc.createElement('style');
      element.textContent = OVERLAY_CSS;
      this.root.append(element);
    }
    // Outside <body>, so frameworks that own the body's children never see it.
    doc.documentElement.append(this.host);
  }

  /** Puts the overlay back if the page replaced the document's children. */
  ensureAttached(): void {
    if (!this.host.isConnected) this.host.ownerDocument.documentElement.append(this.host);
  }

  dispose(): void {
    this.host.remove();
  }
}

export interface MarkSpec {
  /** Stable for as long as the underline exists, so an unchanged underline keeps its elements. */
  id: number;
  severity: Severity;
  ruleId: string;
  boxes: Box[];
}

/** A drawn underline: which finding it belongs to and where it is, in the field's content coordinates. */
interface DrawnMark {
  spec: MarkSpec;
  elements: HTMLElement[];
}

const sameBoxes = (a: Box[], b: Box[]) => a.length === b.length && a.every((box, i) => box.left === b[i].left && box.top === b[i].top && box.width === b[i].width && box.height === b[i].height);

function wavePath(width: number): string {
  let d = 'M0 2.5';
  for (let x = 0; x < width; x += 4) d += ' q1 -2.5 2 0 t2 0';
  return d;
}

export interface NoticeAction {
  label: string;
  /** Called on click with the button, so it can say what happened. */
  run(button: HTMLButtonElement): void;
}

/** The underlines of one field. */
export class FieldLayer {
  private readonly layer: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private marks = new Map<number, DrawnMark>();
  private lastPosition = '';
  /** The part of the field that can be seen, in viewport coordinates: underlines are cut to it. */
  private visible = new DOMRect();
  private notice: HTMLDivElement | null = null;

  constructor(
    private readonly overlay: Overlay,
    private readonly field: HTMLElement,
  ) {
    const doc = overlay.host.ownerDocument;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.content = doc.createElement('div');
    this.content.className = 'content';
    this.layer.append(this.content);
    overlay.root.append(this.layer);
    this.follow();
  }

  /**
   * Moves the layer onto the field and its content by the field's scroll, and cuts it to
   * the part of the field that can be seen. Cheap: no text is measured.
   */
  follow(): void {
    this.overlay.ensureAttached();
    const box = paddingBox(this.field);
    const visible = (this.visible = visibleArea(this.field, box));
    const hidden = !this.field.isConnected || visible.width === 0 || visible.height === 0;
    const position = `${box.left},${box.top},${box.width},${box.height},${this.field.scrollLeft},${this.field.scrollTop},${visible.left},${visible.top},${visible.width},${visible.height},${hidden}`;
    if (position === this.lastPosition) return;
    this.lastPosition = position;
    const style = this.layer.style;
    style.display = hidden ? 'none' : 'block';
    style.clipPath = `inset(${visible.top - box.top}px ${box.right - visible.right}px ${box.bottom - visible.bottom}px ${visible.left - box.left}px)`;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    style.width = `${box.width}px`;
    style.height = `${box.height}px`;
    this.content.style.transform = `translate(${-this.field.scrollLeft}px, ${-this.field.scrollTop}px)`;
  }

  private createMark(spec: MarkSpec): DrawnMark {
    const doc = this.overlay.host.ownerDocument;
    const elements = spec.boxes.map((box) => {
      const mark = doc.createElement('div');
      mark.className = `mark ${spec.severity}`;
      mark.dataset.rule = spec.ruleId;
      mark.dataset.finding = String(spec.id);
      Object.assign(mark.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
      const svg = doc.createElementNS(SVG, 'svg');
      svg.setAttribute('width', String(Math.ceil(box.width)));
      svg.setAttribute('height', '4');
      const path = doc.createElementNS(SVG, 'path');
      path.setAttribute('d', wavePath(box.width));
      svg.append(path);
      mark.append(svg);
      return mark;
    });
    return { spec, elements };
  }

  /**
   * Shows exactly these underlines. An underline whose place, rule and severity did not
   * change keeps its elements, so typing far from most underlines touches almost no DOM.
   */
  draw(specs: MarkSpec[]): void {
    const next = new Map<number, DrawnMark>();
    const added: HTMLElement[] = [];
    for (const spec of specs) {
      const drawn = this.marks.get(spec.id);
      if (drawn && drawn.spec.severity === spec.severity && drawn.spec.ruleId === spec.ruleId && sameBoxes(drawn.spec.boxes, spec.boxes)) {
        next.set(spec.id, drawn);
        this.marks.delete(spec.id);
        continue;
      }
      const mark = this.createMark(spec);
      next.set(spec.id, mark);
      added.push(...mark.elements);
    }
    for (const old of this.marks.values()) for (const element of old.elements) element.remove();
    this.marks = next;
    if (added.length) this.content.append(...added);
    this.follow();
  }

  /** The underline under a point in the viewport, if any, and the rectangle of its word there. */
  hit(clientX: number, clientY: number): { id: number; rect: DOMRect } | null {
    const box = paddingBox(this.field);
    const visible = this.visible;
    if (clientX < visible.left || clientX > visible.right || clientY < visible.top || clientY > visible.bottom) return null;
    const x = clientX - box.left + this.field.scrollLeft;
    const y = clientY - box.top + this.field.scrollTop;
    for (const { spec } of this.marks.values()) {
      for (const b of spec.boxes) {
        if (x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height + 3) {
          return { id: spec.id, rect: new DOMRect(b.left + box.left - this.field.scrollLeft, b.top + box.top - this.field.scrollTop, b.width, b.height) };
        }
      }
    }
    return null;
  }

  /**
   * A line of text in the field's bottom corner (why it was not checked, a fix the editor
   * refused), or none; `action` adds a button to it (the one part of the note that takes clicks).
   */
  showNotice(message: string | null, action?: NoticeAction): void {
    if (message === null) {
      this.notice?.remove();
      this.notice = null;
      return;
    }
    if (!this.notice) {
      this.notice = this.overlay.host.ownerDocument.createElement('div');
      this.notice.className = 'notice';
      this.notice.setAttribute('role', 'status');
      this.layer.append(this.notice);
    }
    this.notice.textContent = message;
    if (action) {
      const button = this.overlay.host.ownerDocument.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      // Keep the field focused: the manager goes on typing after copying.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => action.run(button));
      this.notice.append(button);
    }
  }

  setActive(id: number | null): void {
    for (const [markId, mark] of this.marks) for (const element of mark.elements) element.classList.toggle('active', markId === id);
  }

  dispose(): void {
    this.layer.remove();
  }
}

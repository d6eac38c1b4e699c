import type { Position, Range } from '../types.js';

/** Maps 0-based UTF-16 offsets to 1-based line/column positions (CR, LF and CRLF end a line). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { offset: clamped, line: low + 1, column: clamped - this.lineStarts[low] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset where a 1-based line starts; past the last line, the end of the text. */
  lineStart(line: number): number {
    return line >= 1 && line <= this.lineStarts.length ? this.lineStarts[line - 1] : this.text.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

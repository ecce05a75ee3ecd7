/**
 * Offsets -> 1-based line and column. Lines end at LF, CR LF or a lone CR (XML 1.0 §2.11 reads all
 * three as one line break); columns count UTF-16 code units from 1, as editors and LSP do.
 */

/** Line starts of a text, computed once; `at(offset)` is a binary search. */
export class LineIndex {
  private readonly starts: Int32Array;
  constructor(text: string) {
    const starts: number[] = [0];
    const cr = text.indexOf('\r') !== -1;
    if (!cr) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = Int32Array.from(starts);
  }

  /** Number of lines. */
  get lines(): number {
    return this.starts.length;
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }

  /** The offset of a 1-based line and column (clamped to the line). */
  offset(line: number, column: number): number {
    return this.lineStart(line) + Math.max(0, column - 1);
  }
}

/**
 * Where each value of a JSON text starts, by JSON pointer (RFC 6901), so problems found on the
 * parsed value (instant-clone specs, vmparams.config.json) can say `file:line:column`. JSON.parse
 * keeps no positions, hence this scan of the same text. Iterative (no recursion: deep nesting is
 * safe) and lenient: on text that is not valid JSON it returns what it read up to the fault.
 */

/** A 1-based line and column (UTF-16 code units, as the XML positions count). */
export interface JsonPlace {
  line: number;
  column: number;
}

/** Positions of one value: where the value starts, and for an object member where its key starts. */
interface Entry {
  value: number;
  key?: number;
}

/** The positions of every value in one JSON text. */
export class JsonPositions {
  private readonly lineStarts: number[] = [0];

  private constructor(
    text: string,
    private readonly entries: Map<string, Entry>,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Scan `text` (a leading BOM is skipped, as the readers skip it). */
  static of(text: string): JsonPositions {
    return new JsonPositions(text, scan(text));
  }

  /**
   * Where to report a problem at `pointer`: the member's key (or the array item) when it exists;
   * otherwise, for a field that is missing, the nearest enclosing value that exists. Undefined only
   * when not even the root was read.
   */
  locate(pointer: string): JsonPlace | undefined {
    let p = pointer;
    for (;;) {
      const e = this.entries.get(p);
      if (e) return this.place(e.key ?? e.value);
      if (p === '') return undefined;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  private place(offset: number): JsonPlace {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}

/** One open container while scanning: its pointer, kind, next array index, and the pending key. */
interface Frame {
  pointer: string;
  array: boolean;
  index: number;
  key?: { name: string; at: number };
}

function scan(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const stack: Frame[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  /** Read a string starting at the quote; returns its value (undefined when unterminated). */
  const str = (): string | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          return undefined;
        }
      }
      i += c === 0x5c ? 2 : 1;
    }
    return undefined;
  };
  /** Record a value starting at `i` under the current container; returns its pointer. */
  const value = (): string => {
    const top = stack[stack.length - 1];
    if (!top) {
      entries.set('', { value: i });
      return '';
    }
    if (top.array) {
      const ptr = `${top.pointer}/${top.index++}`;
      entries.set(ptr, { value: i });
      return ptr;
    }
    const key = top.key!;
    top.key = undefined;
    const ptr = `${top.pointer}/${pointerSegment(key.name)}`;
    // A repeated key: JSON.parse keeps the last one, and so do we.
    entries.set(ptr, { value: i, key: key.at });
    return ptr;
  };
  for (;;) {
    ws();
    if (i >= n) return entries;
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === ',' || c === ':') {
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      i++;
      continue;
    }
    if (top && !top.array && top.key === undefined) {
      // In an object, before a member: this must be the key.
      if (c !== '"') return entries;
      const at = i;
      const name = str();
      if (name === undefined) return entries;
      top.key = { name, at };
      continue;
    }
    const ptr = value();
    if (c === '{' || c === '[') {
      stack.push({ pointer: ptr, array: c === '[', index: 0 });
      i++;
    } else if (c === '"') {
      if (str() === undefined) return entries;
    } else {
      const m = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) return entries;
      i += m[0].length;
    }
  }
}

/**
 * Problems with the line and column of their JSON pointer `path` in `text` (those that have one
 * already, or no path, are kept as they are). The validator works on the parsed value, which has
 * no positions: hence 0:0 before this.
 */
export function placeProblems<P extends { line: number; column: number; path: string }>(problems: readonly P[], text: string): P[] {
  if (!problems.some((p) => p.line === 0)) return [...problems];
  const positions = JsonPositions.of(text);
  return problems.map((p) => {
    if (p.line !== 0) return p;
    const at = positions.locate(p.path);
    return at ? { ...p, line: at.line, column: at.column } : p;
  });
}

/** One JSON pointer segment (RFC 6901 escaping); here rather than from form.ts, which loads zod. */
function pointerSegment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

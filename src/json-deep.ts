/**
 * Copy and print JSON-like data of any depth without recursion: V8's structuredClone and
 * JSON.stringify recurse and throw "Maximum call stack size exceeded" on deep trees (a 100,000-deep
 * `$any` that the reader accepts with --max-depth 200000; issue 11, item 9).
 */

type Json = unknown;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of plain data (objects, arrays, primitives), iteratively. */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const root: Json = Array.isArray(value) ? new Array(value.length) : {};
  const stack: [Json, Json][] = [[value, root]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    if (Array.isArray(from)) {
      const out = to as Json[];
      for (let i = 0; i < from.length; i++) {
        const v = from[i];
        if (typeof v === 'object' && v !== null) {
          const c = Array.isArray(v) ? new Array(v.length) : {};
          out[i] = c;
          stack.push([v, c]);
        } else out[i] = v;
      }
    } else {
      const out = to as Record<string, Json>;
      for (const k of Object.keys(from as object)) {
        const v = (from as Record<string, Json>)[k];
        const c = typeof v === 'object' && v !== null ? (Array.isArray(v) ? new Array(v.length) : {}) : v;
        // An own "__proto__" key (JSON.parse makes one) must stay a key, not become the prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
        if (c !== v) stack.push([v, c]);
      }
    }
  }
  return root as T;
}

/** Below this depth the text is indented; deeper subtrees are written on one line (indentation alone would grow with the square of the depth). */
const INDENT_DEPTH = 64;

/**
 * `JSON.stringify(value, null, 2)`, the same text, for any depth (native first: it is faster).
 * Only for a tree too deep for the native one, levels below INDENT_DEPTH are written compactly.
 */
export function stringifyJson(value: Json): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const parts: string[] = [];
  type Item = { v: Json; depth: number } | string;
  const stack: Item[] = [{ v: value, depth: 0 }];
  const skip = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const { v, depth } = item;
    const pretty = depth < INDENT_DEPTH;
    const indent = pretty ? '  '.repeat(depth) : '';
    const inner = pretty ? indent + '  ' : '';
    const nl = pretty ? '\n' : '';
    const work: Item[] = [];
    if (Array.isArray(v)) {
      if (v.length === 0) {
        parts.push('[]');
        continue;
      }
      work.push('[' + nl);
      v.forEach((x, i) => {
        work.push(inner, { v: skip(x) ? null : x, depth: depth + 1 }, i < v.length - 1 ? ',' + nl : nl);
      });
      work.push(indent + ']');
    } else if (isPlainObject(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      const keys = Object.keys(v).filter((k) => !skip(v[k]));
      if (keys.length === 0) {
        parts.push('{}');
        continue;
      }
      work.push('{' + nl);
      keys.forEach((k, i) => {
        work.push(`${inner}${JSON.stringify(k)}:${pretty ? ' ' : ''}`, { v: v[k], depth: depth + 1 }, i < keys.length - 1 ? ',' + nl : nl);
      });
      work.push(indent + '}');
    } else {
      parts.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]);
  }
  return parts.join('');
}

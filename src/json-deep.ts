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
        if (typeof v === 'object' && v !== null) {
          const c = Array.isArray(v) ? new Array(v.length) : {};
          out[k] = c;
          stack.push([v, c]);
        } else out[k] = v;
      }
    }
  }
  return root as T;
}

/** `JSON.stringify(value, null, 2)`, the same text, for any depth (native first: it is faster). */
export function stringifyJson(value: Json): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const parts: string[] = [];
  // Work items: a value to write at an indent, or literal text.
  const stack: ({ v: Json; indent: string } | string)[] = [{ v: value, indent: '' }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const { v, indent } = item;
    const inner = indent + '  ';
    if (Array.isArray(v)) {
      if (v.length === 0) {
        parts.push('[]');
        continue;
      }
      const work: ({ v: Json; indent: string } | string)[] = ['[\n'];
      v.forEach((x, i) => {
        work.push(inner);
        work.push({ v: x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : x, indent: inner });
        work.push(i < v.length - 1 ? ',\n' : '\n');
      });
      work.push(indent + ']');
      for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]);
    } else if (isPlainObject(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      const keys = Object.keys(v).filter((k) => v[k] !== undefined && typeof v[k] !== 'function' && typeof v[k] !== 'symbol');
      if (keys.length === 0) {
        parts.push('{}');
        continue;
      }
      const work: ({ v: Json; indent: string } | string)[] = ['{\n'];
      keys.forEach((k, i) => {
        work.push(`${inner}${JSON.stringify(k)}: `);
        work.push({ v: v[k], indent: inner });
        work.push(i < keys.length - 1 ? ',\n' : '\n');
      });
      work.push(indent + '}');
      for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]);
    } else parts.push(JSON.stringify(v) ?? 'null');
  }
  return parts.join('');
}

/** Copy and print JSON of any depth (src/json-deep.ts): the same results as structuredClone and JSON.stringify where those work. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloneJson, stringifyJson } from '../src/json-deep.js';

const deep = (n: number) => {
  const root: Record<string, unknown> = { name: 'a' };
  let cur = root;
  for (let i = 1; i < n; i++) {
    const c = { name: 'a', n: i };
    cur.children = [c];
    cur = c;
  }
  return root;
};

describe('json-deep', () => {
  it('agree with structuredClone and JSON.stringify on ordinary values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(cloneJson(v)).toEqual(structuredClone(v));
        expect(stringifyJson(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('copy and print a 100,000-deep tree, indenting the top 64 levels', () => {
    const v = deep(100_000);
    expect(() => JSON.stringify(v)).toThrow(RangeError);
    const copy = cloneJson(v);
    expect(copy === v).toBe(false);
    const text = stringifyJson(copy);
    expect(text.length).toBeLessThan(5_000_000);
    expect(text.startsWith('{\n  "name": "a",\n  "children": [\n    {\n')).toBe(true);
    let back: any = JSON.parse(text);
    let depth = 1;
    while (back.children) (back = back.children[0]), depth++;
    expect(depth).toBe(100_000);
  });
});

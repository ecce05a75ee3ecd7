/**
 * Properties of fmt (fast-check; the long run is bench/fuzz-fmt.mjs):
 * - the children of any element of a canonical fixture, shuffled (each particle's elements kept in
 *   their order) and re-indented, format back to the fixture exactly;
 * - with comments, PIs and line ends added anywhere, fmt is idempotent, keeps every comment, PI and
 *   text, keeps what the document means, and the schema finds the same problems before and after.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { format } from '../../src/fmt/index.js';
import { contentOf, slotOf } from '../../src/fmt/describe.js';
import { NodeKind, type XmlDoc } from '../../src/xml/doc.js';
import { readDocument } from '../../src/xml/reader.js';
import { ROOT, kept, meaning } from './helpers.js';

const dir = join(ROOT, 'fixtures/valid');
const FIXTURES = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

/** Elements whose children are all described: shuffling them within the schema's rules is meaningful. */
function shufflable(doc: XmlDoc): number[] {
  const out: number[] = [];
  for (let n = 1; n < doc.count; n++) {
    if (doc.kinds[n] !== NodeKind.Element) continue;
    const kids = doc.elementChildren(n);
    const content = contentOf(doc, n);
    if (kids.length < 2 || content?.kind !== 'complex') continue;
    if (kids.every((k) => slotOf(doc, content, k))) out.push(n);
  }
  return out;
}

/** The text with element `n`'s children interleaved at random (per particle in order), and random whitespace between them. */
function shuffled(doc: XmlDoc, n: number, tape: number[]): string {
  const content = contentOf(doc, n);
  if (content?.kind !== 'complex') throw new Error('not complex');
  const groups = new Map<number, number[]>();
  for (const k of doc.elementChildren(n)) {
    const i = slotOf(doc, content, k)!.index;
    groups.set(i, [...(groups.get(i) ?? []), k]);
  }
  const queues = [...groups.values()];
  let t = 0;
  const next = () => tape[t++ % tape.length]!;
  let inner = '';
  while (queues.some((q) => q.length)) {
    const live = queues.filter((q) => q.length);
    const q = live[next() % live.length]!;
    inner += ['', ' ', '\n', '\n\t\t', '\r\n    '][next() % 5] + doc.raw(q.shift()!);
  }
  return doc.text.slice(0, doc.heads[n]) + inner + doc.text.slice(doc.tails[n]);
}

const GAPS = /(?<=>)/g;
/** The text with comments, PIs and whitespace added after random `>`. */
function decorated(text: string, tape: number[]): string {
  const gaps = [...text.matchAll(GAPS)].map((m) => m.index).filter((i) => i > text.indexOf('?>') + 2);
  const at = new Set(tape.slice(0, 6).map((v) => gaps[v % gaps.length]));
  let out = '';
  let last = 0;
  let k = 0;
  for (const i of [...at].sort((a, b) => a - b)) {
    const piece = ['<!-- note -->', '\n  <!-- own line -->\n', '<?pi data?>', ' <!-- ü\n  multi -->', '\r\n<!---->'][tape[6 + k++ % 6]! % 5];
    out += text.slice(last, i) + piece;
    last = i;
  }
  return out + text.slice(last);
}

describe('fmt properties', () => {
  it('a shuffled, re-indented canonical fixture formats back to itself', () => {
    let reordered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(fc.nat(), { minLength: 8, maxLength: 64 }), (fixture, tape) => {
        const doc = readDocument(fixture.text);
        const candidates = shufflable(doc);
        const n = candidates[tape[0]! % candidates.length]!;
        const input = shuffled(doc, n, tape.slice(1));
        const order = (d: XmlDoc, e: number) => d.elementChildren(e).map((c) => d.raw(c));
        const moved = readDocument(input);
        if (order(moved, moved.nodeAt(doc.starts[n])).join() !== order(doc, n).join()) reordered++;
        expect(format(input).text).toBe(fixture.text);
      }),
      { numRuns: 200 },
    );
    // The property is not vacuous: most runs put children out of order.
    expect(reordered).toBeGreaterThan(50);
  });

  it('with comments and PIs anywhere: idempotent, nothing lost, same meaning, still valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), fc.constantFrom(40, 100, 160), async (fixture, tape, printWidth) => {
        const input = decorated(fixture.text, tape);
        const once = format(input, { printWidth });
        const twice = format(once.bytes, { printWidth });
        expect(twice.changed).toBe(false);
        const a = readDocument(input);
        const b = readDocument(once.bytes);
        expect(kept(b)).toEqual(kept(a));
        expect(meaning(b)).toBe(meaning(a));
        // A comment put inside a value changes the value (' NORMAL'): only a valid input must give a valid output.
        const key = (p: { path: string; messageId?: string }) => `${p.path} ${p.messageId}`;
        const before = (await validate(input, { lint: false })).problems.map(key);
        expect((await validate(once.bytes, { lint: false })).problems.map(key)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});

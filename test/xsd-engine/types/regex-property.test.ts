/**
 * Property tests of the regex translation (fast-check): escaped literals match exactly
 * themselves, class subtraction is set difference, negation is complement, and \i \c agree with
 * the Name / NMTOKEN checks of the datatypes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinType, translateRegex } from '../../../src/xsd/types/index.js';

const seed = process.env.VMPARAMS_FC_SEED === 'random' ? undefined : Number(process.env.VMPARAMS_FC_SEED ?? 20241122);
const params = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

function re(xsd: string): RegExp {
  const { source, flags } = translateRegex(xsd);
  return new RegExp(source, flags);
}

const META = new Set('.\\?*+{}()|[]^-'.split(''));
const escapeXsd = (s: string) => Array.from(s, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : META.has(c) ? `\\${c}` : c)).join('');
/** XML characters (what a value can contain), surrogate pairs included. */
const xmlChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0xd7ff }),
  fc.constantFrom(0x9, 0xa, 0xd),
  fc.integer({ min: 0xe000, max: 0xfffd }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
).map((cp) => String.fromCodePoint(cp));
const xmlString = fc.array(xmlChar, { maxLength: 12 }).map((a) => a.join(''));
const ascii = fc.integer({ min: 0x21, max: 0x7e });

describe('regex translation properties', () => {
  it('an escaped literal matches itself and nothing longer or shorter', () => {
    fc.assert(
      fc.property(xmlString, xmlChar, (s, extra) => {
        const r = re(escapeXsd(s));
        expect(r.test(s)).toBe(true);
        expect(r.test(s + extra)).toBe(false);
        if (s.length > 0) expect(r.test(Array.from(s).slice(1).join(''))).toBe(false);
      }),
      params(300),
    );
  });

  it('[A-[B]] is set difference and [^A] complement, for ranges of code points', () => {
    const range = fc.tuple(ascii, ascii).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
    fc.assert(
      fc.property(range, range, ascii, (a, b, c) => {
        const lit = (cp: number) => escapeXsd(String.fromCodePoint(cp));
        const set = (r: [number, number]) => `${lit(r[0])}-${lit(r[1])}`;
        const inA = c >= a[0] && c <= a[1];
        const inB = c >= b[0] && c <= b[1];
        const ch = String.fromCodePoint(c);
        expect(re(`[${set(a)}-[${set(b)}]]`).test(ch)).toBe(inA && !inB);
        expect(re(`[^${set(a)}]`).test(ch)).toBe(!inA);
        expect(re(`[^${set(a)}-[${set(b)}]]`).test(ch)).toBe(!inA && !inB);
      }),
      params(500),
    );
  });

  it('\\i\\c* accepts exactly the Names, \\c+ exactly the NMTOKENs', () => {
    const nameChar = fc.oneof(fc.constantFrom('a', 'Z', '_', ':', '-', '.', '1', '·', 'é', '\u0300', '\u037e', '\u2070', '\u3000', '\u{10000}', '\u{f0000}', ' ', '?'));
    const name = re('\\i\\c*');
    const token = re('\\c+');
    fc.assert(
      fc.property(fc.array(nameChar, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), (s) => {
        expect(name.test(s)).toBe(builtinType('Name')!.validate(s).ok && !/\s/.test(s));
        expect(token.test(s)).toBe(builtinType('NMTOKEN')!.validate(s).ok && !/\s/.test(s));
      }),
      params(500),
    );
  });
});

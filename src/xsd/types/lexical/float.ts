/**
 * xs:float and xs:double (XSD 1.0 Part 2 §3.2.4-3.2.5). The lexical space is a decimal with an
 * optional exponent, or `INF`, `-INF`, `NaN` (XSD 1.0 has no `+INF`; that came with 1.1). A float
 * value is rounded to single precision. Order and equality follow 1.0: -0 < +0, and NaN equals
 * itself and is greater than every other value (including INF).
 */

/** A float or double value (the two value spaces are distinct: float 1 is not double 1). */
export class FloatValue {
  constructor(
    readonly kind: 'float' | 'double',
    readonly n: number,
  ) {}
}

const NUMERAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Parse a float/double lexical form; undefined when invalid. Magnitudes beyond the range round to INF. */
export function parseFloatLexical(s: string, kind: 'float' | 'double'): FloatValue | undefined {
  let n: number;
  if (s === 'INF') n = Infinity;
  else if (s === '-INF') n = -Infinity;
  else if (s === 'NaN') n = NaN;
  else if (NUMERAL.test(s)) n = Number(s);
  else return undefined;
  return new FloatValue(kind, kind === 'float' ? Math.fround(n) : n);
}

/** Order of two floats of the same kind under XSD 1.0 (NaN greatest, -0 below +0): -1, 0, 1. */
export function compareFloat(a: FloatValue, b: FloatValue): number {
  const x = a.n;
  const y = b.n;
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  if (Number.isNaN(y)) return -1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === 0 && y === 0) return Object.is(x, y) ? 0 : Object.is(x, -0) ? -1 : 1;
  return 0;
}

/** Canonical-ish text of a float value (used in keys and messages). */
export function floatString(v: FloatValue): string {
  if (Number.isNaN(v.n)) return 'NaN';
  if (v.n === Infinity) return 'INF';
  if (v.n === -Infinity) return '-INF';
  return Object.is(v.n, -0) ? '-0' : String(v.n);
}

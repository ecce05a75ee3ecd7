/**
 * Value spaces: equality (valuesEqual, valueKey) and order (compareValues), including the partial
 * orders of date/time (XSD 1.0 Part 2 §3.2.7.4) and duration (§3.2.6.2), the float rules of 1.0,
 * exact big decimals, and property tests of decimal canonical forms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinType, compareValues, valueFromJSON, valueKey, valueToJSON, valuesEqual, type Value } from '../../../src/xsd/types/index.js';

function v(type: string, lexical: string): Value {
  const r = builtinType(type)!.validate(lexical);
  if (!r.ok) throw new Error(`${lexical} is not a valid ${type}`);
  return r.value;
}

const cmp = (type: string, a: string, b: string) => compareValues(v(type, a), v(type, b));

describe('equality', () => {
  const equal: [string, string, string][] = [
    ['decimal', '1.0', '1'],
    ['decimal', '-0', '0.000'],
    ['decimal', '0012.50', '12.5'],
    ['decimal', '123456789012345678901234567890.10', '123456789012345678901234567890.1'],
    ['integer', '+007', '7'],
    ['float', '1.1', '1.10000000001'],
    ['float', 'NaN', 'NaN'],
    ['double', '1e3', '1000'],
    ['boolean', 'true', '1'],
    ['dateTime', '2000-01-01T12:00:00Z', '2000-01-01T13:00:00+01:00'],
    ['dateTime', '2000-01-01T12:00:00.500Z', '2000-01-01T12:00:00.5Z'],
    ['dateTime', '1999-12-31T24:00:00', '2000-01-01T00:00:00'],
    ['date', '2000-01-01+13:00', '1999-12-31-11:00'],
    ['time', '24:00:00', '00:00:00'],
    ['duration', 'P1Y', 'P12M'],
    ['duration', 'P1D', 'PT24H'],
    ['duration', 'PT1.50S', 'PT1.5S'],
    ['hexBinary', 'abcd', 'ABCD'],
    ['base64Binary', 'YW Jj', 'YWJj'],
    ['token', ' a  b ', 'a b'],
  ];
  for (const [t, a, b] of equal) {
    it(`${t}: ${a} = ${b}`, () => {
      expect(valuesEqual(v(t, a), v(t, b))).toBe(true);
      expect(valueKey(v(t, a))).toBe(valueKey(v(t, b)));
    });
  }
  const different: [string, string, string][] = [
    ['decimal', '1.01', '1.1'],
    ['decimal', '9007199254740993', '9007199254740992'],
    ['float', '0', '-0'],
    ['dateTime', '2000-01-01T12:00:00Z', '2000-01-01T12:00:00'],
    ['duration', 'P1M', 'P30D'],
    ['duration', 'P1M', 'P31D'],
    ['string', 'a', 'a '],
  ];
  for (const [t, a, b] of different) {
    it(`${t}: ${a} ≠ ${b}`, () => {
      expect(valuesEqual(v(t, a), v(t, b))).toBe(false);
      expect(valueKey(v(t, a))).not.toBe(valueKey(v(t, b)));
    });
  }
  it('keeps the primitive value spaces apart', () => {
    expect(valuesEqual(v('string', '1'), v('decimal', '1'))).toBe(false);
    expect(valuesEqual(v('anyURI', 'a'), v('string', 'a'))).toBe(false);
    expect(valuesEqual(v('float', '1'), v('double', '1'))).toBe(false);
    expect(valuesEqual(v('float', '1'), v('decimal', '1'))).toBe(false);
    expect(valuesEqual(v('hexBinary', ''), v('base64Binary', ''))).toBe(false);
    expect(valuesEqual(v('gYear', '2000'), v('date', '2000-01-01'))).toBe(false);
    expect(valueKey(v('string', '1'))).not.toBe(valueKey(v('decimal', '1')));
    // a derived type shares its primitive's value space
    expect(valuesEqual(v('ID', 'a'), v('string', 'a'))).toBe(true);
    expect(valuesEqual(v('byte', '5'), v('decimal', '5.0'))).toBe(true);
  });
});

describe('order', () => {
  it('orders decimals exactly, beyond double precision', () => {
    expect(cmp('decimal', '9007199254740993', '9007199254740992')).toBe(1);
    expect(cmp('decimal', '0.1000000000000000000001', '0.1')).toBe(1);
    expect(cmp('decimal', '-1.5', '-1.49')).toBe(-1);
    expect(cmp('unsignedLong', '18446744073709551615', '18446744073709551614')).toBe(1);
  });
  it('follows XSD 1.0 for floats: -0 < +0, NaN equal to itself and above INF', () => {
    expect(cmp('float', '-0', '0')).toBe(-1);
    expect(cmp('float', 'NaN', 'INF')).toBe(1);
    expect(cmp('double', '-INF', '-1e308')).toBe(-1);
    expect(cmp('float', 'NaN', 'NaN')).toBe(0);
  });
  it('compares date/times with and without timezone partially (±14:00 window)', () => {
    expect(cmp('dateTime', '2000-01-01T12:00:00Z', '2000-01-01T12:00:00')).toBeNaN();
    expect(cmp('dateTime', '2000-01-01T12:00:00Z', '2000-01-02T03:00:00')).toBe(-1);
    expect(cmp('dateTime', '2000-01-02T03:00:00', '2000-01-01T12:00:00Z')).toBe(1);
    expect(cmp('dateTime', '2000-01-01T12:00:00Z', '2000-01-01T01:00:00')).toBeNaN();
    expect(cmp('dateTime', '2000-01-01T12:00:00Z', '1999-12-31T21:59:59')).toBe(1);
    expect(cmp('dateTime', '-0001-12-31T00:00:00', '0001-01-01T00:00:00')).toBe(-1);
    expect(cmp('time', '12:00:00-14:00', '12:00:00-10:00')).toBe(1);
    expect(cmp('gYear', '2000', '2001')).toBe(-1);
  });
  it('orders durations by the four reference dates, partially', () => {
    expect(cmp('duration', 'P1Y', 'P364D')).toBe(1);
    expect(cmp('duration', 'P1Y', 'P365D')).toBeNaN();
    expect(cmp('duration', 'P1Y', 'P367D')).toBe(-1);
    expect(cmp('duration', 'P1M', 'P27D')).toBe(1);
    expect(cmp('duration', 'P1M', 'P30D')).toBeNaN();
    expect(cmp('duration', 'P1M', 'P32D')).toBe(-1);
    expect(cmp('duration', '-P1D', 'PT0S')).toBe(-1);
    expect(cmp('duration', 'PT1.000001S', 'PT1S')).toBe(1);
  });
  it('does not order values of different spaces', () => {
    expect(compareValues(v('decimal', '1'), v('float', '1'))).toBeNaN();
    expect(compareValues(v('string', 'a'), v('string', 'b'))).toBeNaN();
  });
});

describe('properties', () => {
  const digits = fc.stringMatching(/^[0-9]{1,40}$/);
  it('a decimal equals itself written with leading and trailing zeros', () => {
    fc.assert(
      fc.property(fc.boolean(), digits, digits, fc.nat(5), fc.nat(5), (neg, int, frac, lead, trail) => {
        const a = `${neg ? '-' : ''}${int}.${frac}`;
        const b = `${neg ? '-' : '+'}${'0'.repeat(lead)}${int}.${frac}${'0'.repeat(trail)}`;
        expect(valuesEqual(v('decimal', a), v('decimal', b))).toBe(true);
        expect(valueKey(v('decimal', a))).toBe(valueKey(v('decimal', b)));
        expect(compareValues(v('decimal', a), v('decimal', b))).toBe(0);
      }),
    );
  });
  it('decimal order agrees with BigInt order of scaled values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat(20), (x, y, scale) => {
        const text = (n: bigint) => {
          const s = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
          return `${n < 0n ? '-' : ''}${s.slice(0, s.length - scale)}${scale ? `.${s.slice(s.length - scale)}` : ''}`;
        };
        const expected = x < y ? -1 : x > y ? 1 : 0;
        expect(compareValues(v('decimal', text(x)), v('decimal', text(y)))).toBe(expected);
      }),
    );
  });
  it('integers keep every digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        const r = builtinType('integer')!.validate(n.toString());
        expect(r.ok).toBe(true);
        if (r.ok) expect(valueKey(r.value)).toBe(`d:${n}`);
      }),
    );
  });
  it('values survive JSON', () => {
    const samples: [string, string][] = [
      ['decimal', '-123456789012345678901234567890.5'],
      ['float', '-0'],
      ['double', 'NaN'],
      ['float', '-INF'],
      ['dateTime', '2000-01-01T12:00:00.25-05:00'],
      ['duration', '-P1Y2M3DT4H5M6.789S'],
      ['hexBinary', 'ab'],
      ['anyURI', 'http://x/'],
      ['NMTOKENS', 'a b'],
      ['QName', 'xml:lang'],
    ];
    for (const [t, lex] of samples) {
      const value = v(t, lex);
      const back = valueFromJSON(JSON.parse(JSON.stringify(valueToJSON(value))));
      expect(valuesEqual(back, value)).toBe(true);
      expect(valueKey(back)).toBe(valueKey(value));
    }
  });
});

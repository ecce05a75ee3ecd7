/**
 * Constraining facets (XSD 1.0 Part 2 §4.3): their run-time checks with message data, and the
 * schema errors of restrictions (applicability, derivation rules, fixed facets, values invalid
 * for the base), plus restrictions the spec allows and must not be refused.
 */
import { describe, expect, it } from 'vitest';
import { builtinType, restrict, SchemaTypeError, type FacetSpec, type SimpleType } from '../../../src/xsd/types/index.js';

const b = (local: string): SimpleType => builtinType(local)!;
const f = (name: FacetSpec['name'], value: string, fixed?: boolean): FacetSpec => ({ name, value, ...(fixed ? { fixed } : {}) });

function accepts(t: SimpleType, valid: string[], invalid: string[]): void {
  for (const s of valid) expect(t.validate(s).ok, `${JSON.stringify(s)} should be valid`).toBe(true);
  for (const s of invalid) expect(t.validate(s).ok, `${JSON.stringify(s)} should be invalid`).toBe(false);
}

describe('length family', () => {
  it('counts characters (code points) for strings', () => {
    accepts(restrict(b('string'), [f('length', '3')]), ['abc', '𝄞𝄞𝄞', 'é é'], ['ab', 'abcd', '']);
    accepts(restrict(b('string'), [f('minLength', '2'), f('maxLength', '3')]), ['ab', 'abc'], ['a', 'abcd']);
  });
  it('counts after whitespace processing', () => {
    accepts(restrict(b('token'), [f('maxLength', '3')]), ['  abc  ', 'a b'], ['a  b c']);
  });
  it('counts octets for binary types', () => {
    accepts(restrict(b('hexBinary'), [f('length', '2')]), ['ABCD'], ['AB', 'ABCDEF']);
    accepts(restrict(b('base64Binary'), [f('maxLength', '2')]), ['YQ==', 'YWI='], ['YWJj']);
  });
  it('counts items for lists', () => {
    accepts(restrict(b('NMTOKENS'), [f('maxLength', '2')]), ['a', 'a b'], ['a b c', '']);
  });
  it('ignores length facets on QName and NOTATION (errata E2-36)', () => {
    accepts(restrict(b('QName'), [f('length', '1')]), ['abcdef', 'xml:lang'], []);
  });
  it('reports what was measured', () => {
    const r = restrict(b('string'), [f('maxLength', '5')], { name: { ns: null, local: 'Short' } }).validate('abcdefg');
    expect(r).toEqual({ ok: false, messageId: 'xsd/facet-max-length', data: { value: "'abcdefg'", actual: 7, limit: 5, unit: 'characters', facet: 'maxLength', type: 'Short' } });
  });
  it('rejects inconsistent restrictions', () => {
    expect(() => restrict(b('string'), [f('minLength', '5'), f('maxLength', '2')])).toThrow(/minLength="5" is greater than maxLength="2"/);
    expect(() => restrict(restrict(b('string'), [f('maxLength', '5')]), [f('maxLength', '6')])).toThrow(/above its base type's maxLength/);
    expect(() => restrict(restrict(b('string'), [f('minLength', '5')]), [f('minLength', '4')])).toThrow(/below its base type's minLength/);
    expect(() => restrict(restrict(b('string'), [f('length', '5')]), [f('length', '4')])).toThrow(/differs from its base type's length/);
    expect(() => restrict(b('string'), [f('length', '2'), f('minLength', '3')])).toThrow(SchemaTypeError);
    expect(() => restrict(b('string'), [f('length', '5'), f('minLength', '1')])).toThrow(/length cannot be combined with minLength/);
    expect(() => restrict(b('IDREFS'), [f('length', '5'), f('maxLength', '10')])).toThrow(/length cannot be combined with maxLength/);
    expect(() => restrict(b('string'), [f('length', '-1')])).toThrow(/non-negative integer/);
    expect(() => restrict(b('string'), [f('length', '1'), f('length', '1')])).toThrow(/appears 2 times/);
  });
  it('allows consistent combinations', () => {
    // restating the base's own minLength beside length is the special case the WG allows
    expect(() => restrict(b('IDREFS'), [f('length', '5'), f('minLength', '1')])).not.toThrow();
    expect(() => restrict(restrict(b('string'), [f('maxLength', '5')]), [f('maxLength', '5')])).not.toThrow();
    expect(() => restrict(restrict(b('string'), [f('length', '5')]), [f('minLength', '5')])).not.toThrow();
  });
});

describe('pattern', () => {
  it('ORs the patterns of one step and ANDs the steps', () => {
    const one = restrict(b('string'), [f('pattern', '[0-9]+'), f('pattern', '[a-z]+')]);
    accepts(one, ['123', 'abc'], ['a1', '']);
    const two = restrict(one, [f('pattern', '.{3}')]);
    accepts(two, ['123', 'abc'], ['12', 'abcd', 'a1b']);
  });
  it('matches the whitespace-normalized value', () => {
    accepts(restrict(b('token'), [f('pattern', 'a b')]), ['  a   b '], ['a  b c']);
    accepts(restrict(b('int'), [f('pattern', '[0-9]{2}')]), [' 12 '], ['123', '+1']);
  });
  it('reports the pattern', () => {
    const r = restrict(b('string'), [f('pattern', '[A-Z]{2}')]).validate('ab');
    expect(r).toMatchObject({ ok: false, messageId: 'xsd/facet-pattern', data: { value: "'ab'", pattern: '[A-Z]{2}' } });
  });
  it('refuses a pattern that is not an XSD regular expression', () => {
    expect(() => restrict(b('string'), [f('pattern', '(?:a)')])).toThrow(SchemaTypeError);
  });
});

describe('enumeration', () => {
  it('compares in the value space', () => {
    accepts(restrict(b('decimal'), [f('enumeration', '1.0'), f('enumeration', '2.50')]), ['1', '+01.000', '2.5'], ['3', '1.01']);
    accepts(restrict(b('dateTime'), [f('enumeration', '2000-01-01T12:00:00Z')]), ['2000-01-01T13:00:00+01:00'], ['2000-01-01T12:00:00']);
    accepts(restrict(b('float'), [f('enumeration', 'NaN'), f('enumeration', '1.5')]), ['NaN', '1.50', '15e-1'], ['INF', '0']);
    accepts(restrict(b('NMTOKENS'), [f('enumeration', 'a b')]), ['a  b'], ['a', 'b a']);
  });
  it('resolves QName enumerations with the schema bindings, instance values with the instance bindings', () => {
    const schemaNs = { lookup: (p: string) => ({ s: 'urn:x' })[p] };
    const t = restrict(b('QName'), [{ name: 'enumeration', value: 's:item', nsContext: schemaNs }]);
    expect(t.validate('i:item', { lookup: (p) => ({ i: 'urn:x' })[p] }).ok).toBe(true);
    expect(t.validate('s:item', { lookup: (p) => ({ s: 'urn:other' })[p] }).ok).toBe(false);
    const viaOpts = restrict(b('QName'), [f('enumeration', 's:item')], { nsContext: schemaNs });
    expect(viaOpts.validate('item', { lookup: (p) => (p === '' ? 'urn:x' : undefined) }).ok).toBe(true);
  });
  it('refuses an enumeration value outside the base type', () => {
    expect(() => restrict(b('int'), [f('enumeration', 'x')])).toThrow(/enumeration value 'x'/);
    expect(() => restrict(restrict(b('string'), [f('maxLength', '2')]), [f('enumeration', 'abc')])).toThrow(SchemaTypeError);
    expect(() => restrict(b('QName'), [f('enumeration', 'nope:x')])).toThrow(SchemaTypeError);
  });
  it('lists the allowed values', () => {
    const r = restrict(b('string'), [f('enumeration', 'a'), f('enumeration', 'b')]).validate('c');
    expect(r).toMatchObject({ ok: false, messageId: 'xsd/facet-enumeration', data: { value: "'c'", allowed: "'a', 'b'" } });
  });
});

describe('whiteSpace', () => {
  it('changes normalization of string types', () => {
    const t = restrict(b('string'), [f('whiteSpace', 'collapse')]);
    const r = t.validate('  a \n b ');
    expect(r.ok && r.normalized).toBe('a b');
    expect(t.whiteSpace).toBe('collapse');
  });
  it('never weakens the base', () => {
    expect(() => restrict(b('token'), [f('whiteSpace', 'replace')])).toThrow(/weaker/);
    expect(() => restrict(b('normalizedString'), [f('whiteSpace', 'preserve')])).toThrow(/weaker/);
    expect(() => restrict(b('int'), [f('whiteSpace', 'preserve')])).toThrow(SchemaTypeError);
    expect(() => restrict(b('string'), [f('whiteSpace', 'trim')])).toThrow(/preserve, replace or collapse/);
    expect(() => restrict(b('int'), [f('whiteSpace', 'collapse')])).not.toThrow();
  });
});

describe('bounds', () => {
  it('checks inclusive and exclusive bounds', () => {
    accepts(restrict(b('int'), [f('minInclusive', '1'), f('maxExclusive', '10')]), ['1', '9'], ['0', '10']);
    accepts(restrict(b('decimal'), [f('minExclusive', '0.5'), f('maxInclusive', '99999999999999999999.5')]), ['0.500001', '99999999999999999999.5'], ['0.5', '99999999999999999999.51']);
    accepts(restrict(b('date'), [f('maxInclusive', '2000-12-31')]), ['2000-12-31', '1999-01-01'], ['2001-01-01']);
    accepts(restrict(b('duration'), [f('maxInclusive', 'P1M')]), ['P27D', 'P1M'], ['P32D', 'P30D']);
  });
  it('treats an incomparable value as outside the bound', () => {
    const t = restrict(b('dateTime'), [f('maxInclusive', '2000-01-01T12:00:00Z')]);
    accepts(t, ['2000-01-01T12:00:00Z', '1999-12-31T21:00:00'], ['2000-01-01T05:00:00', '2000-01-02T03:00:00']);
  });
  it('reports the limit', () => {
    const r = restrict(b('int'), [f('maxInclusive', '100')]).validate('101');
    expect(r).toMatchObject({ ok: false, messageId: 'xsd/facet-max-inclusive', data: { value: "'101'", limit: '100' } });
  });
  it('follows the *-valid-restriction rules', () => {
    expect(() => restrict(b('byte'), [f('maxInclusive', '200')])).toThrow(/not a valid value of its base type/);
    expect(() => restrict(b('int'), [f('minInclusive', '5'), f('minExclusive', '4')])).toThrow(/cannot both/);
    expect(() => restrict(b('int'), [f('maxInclusive', '5'), f('maxExclusive', '6')])).toThrow(/cannot both/);
    expect(() => restrict(b('int'), [f('minInclusive', '5'), f('maxInclusive', '4')])).toThrow(/not below/);
    expect(() => restrict(b('int'), [f('minInclusive', '5'), f('maxExclusive', '5')])).toThrow(/not below/);
    const base = restrict(b('int'), [f('maxInclusive', '10')]);
    expect(() => restrict(base, [f('maxInclusive', '11')])).toThrow(/above its base type's maxInclusive/);
    expect(() => restrict(base, [f('maxExclusive', '12')])).toThrow(/above its base type's maxInclusive/);
    expect(() => restrict(restrict(b('time'), [f('maxInclusive', '12:00:00-10:00')]), [f('maxInclusive', '12:00:00-14:00')])).toThrow(SchemaTypeError);
    expect(() => restrict(b('string'), [f('maxInclusive', 'z')])).toThrow(/does not apply to xs:string/);
  });
  it('allows what the rules allow', () => {
    expect(() => restrict(b('int'), [f('minInclusive', '5'), f('maxInclusive', '5')])).not.toThrow();
    expect(() => restrict(b('int'), [f('minExclusive', '5'), f('maxExclusive', '5')])).not.toThrow();
    const ex = restrict(b('int'), [f('minExclusive', '0')]);
    expect(() => restrict(ex, [f('minExclusive', '0')])).not.toThrow();
    expect(() => restrict(ex, [f('minInclusive', '1')])).not.toThrow();
    expect(() => restrict(b('nonNegativeInteger'), [f('minExclusive', '0')])).not.toThrow();
    // incomparable bounds are not a schema error
    expect(() => restrict(restrict(b('dateTime'), [f('maxInclusive', '2000-01-01T12:00:00Z')]), [f('maxInclusive', '2000-01-01T12:00:00')])).not.toThrow();
  });
});

describe('digits', () => {
  it('counts total and fraction digits of the value', () => {
    accepts(restrict(b('decimal'), [f('totalDigits', '3')]), ['123', '1.23', '0.123', '00123.000', '-999', '0'], ['1234', '12.34', '0.1234']);
    accepts(restrict(b('decimal'), [f('fractionDigits', '2')]), ['1.23', '1.2300', '100'], ['1.234']);
    accepts(restrict(b('integer'), [f('totalDigits', '20')]), ['99999999999999999999'], ['100000000000000000000']);
  });
  it('follows the derivation rules', () => {
    expect(() => restrict(b('integer'), [f('fractionDigits', '2')])).toThrow(/fixed/);
    expect(() => restrict(b('integer'), [f('fractionDigits', '0')])).not.toThrow();
    expect(() => restrict(b('decimal'), [f('totalDigits', '2'), f('fractionDigits', '3')])).toThrow(/greater than totalDigits/);
    expect(() => restrict(restrict(b('decimal'), [f('totalDigits', '5')]), [f('totalDigits', '6')])).toThrow(/above/);
    expect(() => restrict(b('decimal'), [f('totalDigits', '0')])).toThrow(/positive integer/);
    expect(() => restrict(b('float'), [f('totalDigits', '3')])).toThrow(/does not apply/);
  });
});

describe('fixed facets and final', () => {
  it('keeps a fixed facet unchanged', () => {
    const base = restrict(b('string'), [f('maxLength', '5', true)]);
    expect(() => restrict(base, [f('maxLength', '4')])).toThrow(/fixed/);
    expect(() => restrict(base, [f('maxLength', '5')])).not.toThrow();
    const bound = restrict(b('decimal'), [f('minInclusive', '1.0', true)]);
    expect(() => restrict(bound, [f('minInclusive', '1')])).not.toThrow();
    expect(() => restrict(bound, [f('minInclusive', '2')])).toThrow(/fixed/);
  });
  it('honours final', () => {
    const sealed = restrict(b('string'), [], { name: { ns: null, local: 'Sealed' }, final: new Set(['restriction']) });
    expect(() => restrict(sealed, [])).toThrow(/'Sealed', whose final forbids restriction/);
  });
  it('does not restrict anySimpleType', () => {
    expect(() => restrict(b('anySimpleType'), [])).toThrow(SchemaTypeError);
  });
  it('applies only the facets of the primitive', () => {
    expect(() => restrict(b('boolean'), [f('enumeration', 'true')])).toThrow(/enumeration does not apply to xs:boolean/);
    // boolean has pattern: it constrains the lexical form, so 'true' passes and '1' does not
    accepts(restrict(b('boolean'), [f('pattern', 'true|false')]), ['true', ' false '], ['1', '0']);
  });
});

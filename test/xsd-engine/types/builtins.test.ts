/**
 * Lexical spaces of every XSD 1.0 built-in datatype (Part 2 §3.2-3.3): valid and invalid tables,
 * whitespace processing included. Each case is a literal as it would appear in a document.
 */
import { describe, expect, it } from 'vitest';
import { builtinNames, builtinType, type SimpleType } from '../../../src/xsd/types/index.js';

function type(local: string): SimpleType {
  const t = builtinType(local);
  if (!t) throw new Error(`no built-in ${local}`);
  return t;
}

const TABLE: Record<string, { valid: string[]; invalid: string[] }> = {
  anySimpleType: { valid: ['', ' x ', 'anything\tat all'], invalid: [] },
  string: { valid: ['', '  spaces kept  ', 'tab\there', 'ünïcödé 𝄞'], invalid: [] },
  normalizedString: { valid: ['a b', 'a\tb'], invalid: [] },
  token: { valid: ['a b', '  a   b  '], invalid: [] },
  language: { valid: ['en', 'en-US', 'x-klingon', 'i-navajo', 'zh-Hant-TW', 'abcdefgh-12345678', ' en '], invalid: ['', 'en_US', 'abcdefghi', '-en', 'en-', 'en--US', '1en', 'en-123456789'] },
  Name: { valid: ['a', '_x', ':a', 'a:b', 'a-b.c', 'é', 'x·y', ' name '], invalid: ['', '1a', '-a', '.a', 'a b', 'a?'] },
  NCName: { valid: ['a', '_x', 'a-b.c', 'x\u0346'], invalid: ['', 'a:b', ':a', '1a'] },
  ID: { valid: ['id1', '_1'], invalid: ['1', 'a:b'] },
  IDREF: { valid: ['id1'], invalid: ['1x'] },
  ENTITY: { valid: ['ent'], invalid: ['a b'] },
  NMTOKEN: { valid: ['1a', '-', '.x', 'a:b', ' tok '], invalid: ['', 'a b', 'a?'] },
  NMTOKENS: { valid: ['a', 'a b  c', ' 1 2 '], invalid: ['', '   ', 'a ?'] },
  IDREFS: { valid: ['a b'], invalid: ['', '1'] },
  ENTITIES: { valid: ['a b'], invalid: ['', 'a:b'] },
  boolean: { valid: ['true', 'false', '1', '0', ' true\n'], invalid: ['yes', 'TRUE', 'True', '', '2', '01'] },
  decimal: { valid: ['0', '-0', '+1', '1.', '.5', '-.5', '0001.2300', '123456789012345678901234567890.123456789', ' 12 '], invalid: ['', '.', '+', '-', '1e5', '1,5', '1.2.3', 'INF', 'NaN', '1 2', '+-1'] },
  integer: { valid: ['0', '-0', '+5', '007', '99999999999999999999999999'], invalid: ['1.0', '1.', '.0', '', '1e2'] },
  nonPositiveInteger: { valid: ['0', '-0', '+0', '-1', '-99999999999999999999'], invalid: ['1', '+1'] },
  negativeInteger: { valid: ['-1', '-99999999999999999999'], invalid: ['0', '-0', '1'] },
  long: { valid: ['9223372036854775807', '-9223372036854775808', '+0009223372036854775807'], invalid: ['9223372036854775808', '-9223372036854775809'] },
  int: { valid: ['2147483647', '-2147483648', ' 12 '], invalid: ['2147483648', '-2147483649', '1.5'] },
  short: { valid: ['32767', '-32768'], invalid: ['32768', '-32769'] },
  byte: { valid: ['127', '-128', '+0'], invalid: ['128', '-129'] },
  nonNegativeInteger: { valid: ['0', '-0', '18446744073709551616'], invalid: ['-1'] },
  unsignedLong: { valid: ['0', '18446744073709551615'], invalid: ['18446744073709551616', '-1'] },
  unsignedInt: { valid: ['4294967295'], invalid: ['4294967296', '-1'] },
  unsignedShort: { valid: ['65535'], invalid: ['65536'] },
  unsignedByte: { valid: ['255', '0'], invalid: ['256', '-1'] },
  positiveInteger: { valid: ['1', '+1', '99999999999999999999'], invalid: ['0', '-0', '-1'] },
  float: { valid: ['0', '-0', '1.5', '1e10', '1E-10', '+1.5e+3', '.5', '5.', 'INF', '-INF', 'NaN', '3.4e38', '1e39'], invalid: ['+INF', 'inf', 'nan', 'NAN', '-NaN', '', '1e', 'e5', '1.5f', '0x10', '1 e5'] },
  double: { valid: ['1.7976931348623157e308', '4.9e-324', 'INF', '-INF', 'NaN', '-1.23E-4'], invalid: ['+INF', 'Infinity', '1,5'] },
  duration: {
    valid: ['P1Y', 'P1M', 'P1D', 'PT1H', 'PT1M', 'PT1S', 'PT1.5S', 'P1Y2M3DT4H5M6.7S', '-P1Y', 'P0Y', 'PT0S', 'P1347M', 'PT36H', 'P2000Y2M29DT10H30M'],
    invalid: ['P', 'PT', 'P1Y2MT', 'P1', '1Y', 'P-1Y', '-P-1Y', 'P1.5Y', 'P1H', 'PT1D', 'P1S', 'PT.5S', 'P1Y1Y', 'P1M1Y', '+P1Y', 'P1YT'],
  },
  dateTime: {
    valid: ['2000-01-01T00:00:00', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00.123+05:30', '2000-02-29T12:00:00', '-0001-01-01T00:00:00', '12345-01-01T00:00:00', '1999-12-31T24:00:00', '2000-01-01T00:00:00+14:00', '2000-01-01T00:00:00-14:00', '2000-01-01T00:00:00-00:00', ' 2000-01-01T00:00:00.5Z\n', '999999999999999-12-31T23:59:59'],
    invalid: ['0000-01-01T00:00:00', '-0000-01-01T00:00:00', '01234-01-01T00:00:00', '123-01-01T00:00:00', '1999-02-29T00:00:00', '1900-02-29T00:00:00', '2000-13-01T00:00:00', '2000-01-32T00:00:00', '2000-01-01T24:00:01', '2000-01-01T24:30:00', '2000-01-01T25:00:00', '2000-01-01T00:60:00', '2000-01-01T00:00:60', '2000-01-01T00:00:00+14:01', '2000-01-01T00:00:00+15:00', '2000-01-01T00:00:00+05:60', '2000-01-01', '2000-01-01T00:00', '+2000-01-01T00:00:00', '2000-01-01T00:00:00.', '2000-01-01 00:00:00', '2000-1-01T00:00:00', '2000-01-01T00:00:00+05:30x', '2000-01-01T00:00:00.Z', '2000-01-01T0:00:00', '2000-01-01t00:00:00', '2000-01-01T00:00:00z', '2000-01-01T00:00:00+5:00', '2000-01-01T00:00:00+05:00:00', '1000000000000000-01-01T00:00:00', '2000-01-01T00:00:00Z2'],
  },
  time: { valid: ['00:00:00', '23:59:59.999', '24:00:00', '12:00:00Z', '12:00:00-05:00'], invalid: ['24:00:01', '12:00', '12:00:00+14:30', '1:00:00', 'T12:00:00'] },
  date: { valid: ['2000-01-01', '2000-02-29', '2000-01-01Z', '-0044-03-15', '2000-12-31+14:00'], invalid: ['2001-02-29', '2000-04-31', '0000-01-01', '2000-01-01T00:00:00', '2000-01'] },
  gYearMonth: { valid: ['2000-01', '-0001-12', '2000-01Z'], invalid: ['2000-13', '2000', '2000-1', '0000-01'] },
  gYear: { valid: ['2000', '-0001', '10000', '2000Z', '2000+05:00'], invalid: ['0000', '200', '02000', '+2000'] },
  gMonthDay: { valid: ['--01-01', '--02-29', '--12-31Z'], invalid: ['--02-30', '--04-31', '--13-01', '-01-01', '01-01', '--01-01--', '--0101'] },
  gDay: { valid: ['---01', '---31', '---15Z'], invalid: ['---32', '---00', '--01', '---1', '----01', '---01-'] },
  gMonth: { valid: ['--01', '--12', '--05Z'], invalid: ['--13', '--00', '--05--', '-05'] },
  hexBinary: { valid: ['', '0F', 'abcdef', 'ABCDEF', ' 00 '], invalid: ['0', 'ABC', 'GG', '0 F'] },
  base64Binary: { valid: ['', 'YQ==', 'YWI=', 'YWJj', 'YW Jj', ' YWJj ', 'YQ = =', 'AAAA'], invalid: ['YQ=', 'YR==', 'YWJ=', 'Y', 'YWJjZA', '====', 'YQ==YQ==', 'YW*j', 'YQ=a'] },
  anyURI: {
    valid: ['', 'http://example.com/a?b=c#frag', 'urn:isbn:0451450523', 'relative/path', '../up', '#frag', 'mailto:a@b.c', 'http://[::1]:8080/', 'file:///C:/x%20y', 'http://a b', 'a名前'],
    invalid: ['%', '%zz', 'http://a/%2', 'a#b#c', '1a:b', 'http://host:port/', 'http://a/[x]'],
  },
  QName: { valid: ['local', 'xml:lang'], invalid: ['', '1a', 'a:b:c', ':a', 'a:', 'undeclared:x'] },
  NOTATION: { valid: ['gif'], invalid: ['a b'] },
};

describe('built-in datatypes: lexical spaces', () => {
  it('covers every XSD 1.0 built-in (anySimpleType, 19 primitives, 25 derived)', () => {
    expect(builtinNames().sort()).toEqual(Object.keys(TABLE).sort());
    expect(builtinNames()).toHaveLength(45);
  });

  for (const [name, { valid, invalid }] of Object.entries(TABLE)) {
    describe(name, () => {
      for (const v of valid) it(`accepts ${JSON.stringify(v)}`, () => expect(type(name).validate(v).ok).toBe(true));
      for (const v of invalid) it(`rejects ${JSON.stringify(v)}`, () => expect(type(name).validate(v).ok).toBe(false));
    });
  }
});

describe('built-in datatypes: whitespace and structure', () => {
  it('normalizes as each whiteSpace facet says', () => {
    const norm = (t: string, v: string) => {
      const r = type(t).validate(v);
      return r.ok ? r.normalized : undefined;
    };
    expect(norm('string', ' a\tb\n')).toBe(' a\tb\n');
    expect(norm('normalizedString', ' a\tb\n')).toBe(' a b ');
    expect(norm('token', ' a\t\tb\n')).toBe('a b');
    expect(norm('int', '\n 12\t')).toBe('12');
    expect(norm('NMTOKENS', '  a \n b ')).toBe('a b');
    expect(norm('base64Binary', ' YW Jj ')).toBe('YW Jj');
  });

  it('has the derivation chain of Part 2 §3.3', () => {
    const chain = (t: SimpleType) => {
      const out: string[] = [];
      for (let x: SimpleType | undefined = t; x; x = x.base) out.push(x.builtin);
      return out;
    };
    expect(chain(type('byte'))).toEqual(['byte', 'short', 'int', 'long', 'integer', 'decimal', 'anySimpleType']);
    expect(chain(type('ID'))).toEqual(['ID', 'NCName', 'Name', 'token', 'normalizedString', 'string', 'anySimpleType']);
    expect(chain(type('unsignedByte'))).toEqual(['unsignedByte', 'unsignedShort', 'unsignedInt', 'unsignedLong', 'nonNegativeInteger', 'integer', 'decimal', 'anySimpleType']);
    expect(type('NMTOKENS').variety).toBe('list');
    expect(type('NMTOKENS').itemType).toBe(type('NMTOKEN'));
    expect(type('int').primitive).toBe('decimal');
    expect(type('anySimpleType').primitive).toBeUndefined();
  });

  it('marks the identity types', () => {
    expect(type('ID').idKind).toBe('ID');
    expect(type('IDREFS').idKind).toBe('IDREFS');
    expect(type('ENTITIES').idKind).toBe('ENTITIES');
    expect(type('QName').idKind).toBe('QName');
    expect(type('NCName').idKind).toBeUndefined();
  });

  it('derivesFrom follows the restriction chain', () => {
    expect(type('byte').derivesFrom(type('integer'))).toBe(true);
    expect(type('byte').derivesFrom(type('anySimpleType'))).toBe(true);
    expect(type('integer').derivesFrom(type('byte'))).toBe(false);
    expect(type('ID').derivesFrom(type('string'))).toBe(true);
    expect(type('ID').derivesFrom(type('anyURI'))).toBe(false);
  });
});

describe('QName resolution', () => {
  const ns = { lookup: (p: string) => ({ '': 'urn:default', a: 'urn:a' })[p] };
  it('resolves prefixes and the default namespace', () => {
    const r = type('QName').validate(' a:x ', ns);
    expect(r.ok && r.value).toMatchObject({ ns: 'urn:a', local: 'x' });
    const d = type('QName').validate('y', ns);
    expect(d.ok && d.value).toMatchObject({ ns: 'urn:default', local: 'y' });
    const x = type('QName').validate('xml:lang');
    expect(x.ok && x.value).toMatchObject({ ns: 'http://www.w3.org/XML/1998/namespace', local: 'lang' });
  });
  it('reports an undeclared prefix by name', () => {
    const r = type('QName').validate('b:x', ns);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r).toMatchObject({ messageId: 'xsd/undeclared-prefix', data: { prefix: 'b' } });
  });
});

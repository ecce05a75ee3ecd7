/**
 * The nineteen primitive datatypes of XSD 1.0 Part 2 §3.2 as data: how a whitespace-normalized
 * literal becomes a value, how values are ordered (the ordered ones), how long a value is for the
 * length facets, and which constraining facets apply (the table of §4.1.5 / Appendix B).
 */
import { BinaryValue, parseBase64Binary, parseHexBinary } from './lexical/binary.js';
import { compareDateTime, parseDateTime, type DateKind, type DateTimeValue } from './lexical/datetime.js';
import { compareDecimal, parseDecimal, type DecimalValue } from './lexical/decimal.js';
import { compareDuration, parseDuration, type DurationValue } from './lexical/duration.js';
import { compareFloat, parseFloatLexical, type FloatValue } from './lexical/float.js';
import { parseQName, type NsContext } from './lexical/qname.js';
import { UriValue, isUriReference } from './lexical/uri.js';
import type { Value } from './value.js';

/** Why a literal is not in a lexical space: not of the form, or a QName prefix not declared. */
export class Invalid {
  constructor(
    readonly reason: 'lexical' | 'prefix',
    readonly prefix?: string,
  ) {}
}

/** The shared "not in the lexical space" marker (no allocation per failure). */
export const INVALID = new Invalid('lexical');

/** Literal -> value for one type; returns INVALID (or a prefix Invalid) when the literal is not valid. */
export type Parse = (s: string, ns: NsContext | undefined) => Value | Invalid;

/** Constraining facet names (Part 2 §4.3). */
export type FacetName =
  | 'length' | 'minLength' | 'maxLength' | 'pattern' | 'enumeration' | 'whiteSpace'
  | 'maxInclusive' | 'maxExclusive' | 'minInclusive' | 'minExclusive' | 'totalDigits' | 'fractionDigits';

/** One primitive: parsing, order, length and the facets that apply to it. */
export interface Primitive {
  readonly name: string;
  readonly parse: Parse;
  /** -1, 0, 1, NaN (incomparable); only for the ordered primitives. */
  readonly compare?: (a: Value, b: Value) => number;
  /** Length for length/minLength/maxLength; undefined where the facets are ignored (QName, NOTATION). */
  readonly lengthOf?: (v: Value, normalized: string) => number;
  readonly unit: string;
  readonly facets: ReadonlySet<FacetName>;
}

const STRINGISH = new Set<FacetName>(['length', 'minLength', 'maxLength', 'pattern', 'enumeration', 'whiteSpace']);
const ORDERED = new Set<FacetName>(['pattern', 'enumeration', 'whiteSpace', 'maxInclusive', 'maxExclusive', 'minInclusive', 'minExclusive']);
const DECIMAL = new Set<FacetName>([...ORDERED, 'totalDigits', 'fractionDigits']);

/** Number of Unicode characters (code points) of a string. */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

const chars = (_v: Value, s: string): number => charLength(s);
const octets = (v: Value): number => (v as BinaryValue).octets;

function date(kind: DateKind): Primitive {
  return {
    name: kind,
    parse: (s) => parseDateTime(s, kind) ?? INVALID,
    compare: (a, b) => compareDateTime(a as DateTimeValue, b as DateTimeValue),
    unit: '',
    facets: ORDERED,
  };
}

function float(kind: 'float' | 'double'): Primitive {
  return {
    name: kind,
    parse: (s) => parseFloatLexical(s, kind) ?? INVALID,
    compare: (a, b) => compareFloat(a as FloatValue, b as FloatValue),
    unit: '',
    facets: ORDERED,
  };
}

function qname(kind: 'QName' | 'NOTATION'): Primitive {
  return {
    name: kind,
    parse: (s, ns) => {
      const r = parseQName(s, kind, ns);
      return 'lexical' in r ? INVALID : 'prefix' in r ? new Invalid('prefix', r.prefix) : r;
    },
    unit: 'characters',
    facets: STRINGISH,
  };
}

/** Every primitive by name. */
export const PRIMITIVES: Readonly<Record<string, Primitive>> = {
  string: { name: 'string', parse: (s) => s, lengthOf: chars, unit: 'characters', facets: STRINGISH },
  boolean: {
    name: 'boolean',
    parse: (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : INVALID),
    unit: '',
    facets: new Set<FacetName>(['pattern', 'whiteSpace']),
  },
  decimal: {
    name: 'decimal',
    parse: (s) => parseDecimal(s, false) ?? INVALID,
    compare: (a, b) => compareDecimal(a as DecimalValue, b as DecimalValue),
    unit: '',
    facets: DECIMAL,
  },
  float: float('float'),
  double: float('double'),
  duration: {
    name: 'duration',
    parse: (s) => parseDuration(s) ?? INVALID,
    compare: (a, b) => compareDuration(a as DurationValue, b as DurationValue),
    unit: '',
    facets: ORDERED,
  },
  dateTime: date('dateTime'),
  time: date('time'),
  date: date('date'),
  gYearMonth: date('gYearMonth'),
  gYear: date('gYear'),
  gMonthDay: date('gMonthDay'),
  gDay: date('gDay'),
  gMonth: date('gMonth'),
  hexBinary: { name: 'hexBinary', parse: (s) => parseHexBinary(s) ?? INVALID, lengthOf: octets, unit: 'octets', facets: STRINGISH },
  base64Binary: { name: 'base64Binary', parse: (s) => parseBase64Binary(s) ?? INVALID, lengthOf: octets, unit: 'octets', facets: STRINGISH },
  anyURI: {
    name: 'anyURI',
    parse: (s) => (isUriReference(s) ? new UriValue(s) : INVALID),
    lengthOf: chars,
    unit: 'characters',
    facets: STRINGISH,
  },
  QName: qname('QName'),
  NOTATION: qname('NOTATION'),
};

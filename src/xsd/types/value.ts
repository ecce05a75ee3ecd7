/**
 * Values of the XSD 1.0 value spaces and their equality (Part 2 §2.2.1: values of different
 * primitive types are never equal; a derived type shares its primitive's value space). Strings,
 * booleans and safe integers are plain JS values, so validating them allocates nothing; the other
 * primitives have small classes. Lists are arrays of item values.
 */
import { BinaryValue } from './lexical/binary.js';
import { DateTimeValue, dateTimeKey, compareDateTime, type DateKind } from './lexical/datetime.js';
import { Decimal, compareDecimal, decimalString, type DecimalValue } from './lexical/decimal.js';
import { DurationValue, compareDuration, durationKey } from './lexical/duration.js';
import { FloatValue, compareFloat, floatString } from './lexical/float.js';
import { QNameValue } from './lexical/qname.js';
import { UriValue } from './lexical/uri.js';

/** A value in some XSD value space; opaque to callers (compare with valuesEqual / valueKey). */
export type Value =
  | string
  | boolean
  | DecimalValue
  | FloatValue
  | DateTimeValue
  | DurationValue
  | BinaryValue
  | UriValue
  | QNameValue
  | readonly Value[];

/** Equality in the value space (identity constraints, fixed values, enumeration). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Decimal) return b instanceof Decimal && a.coef === b.coef && a.scale === b.scale;
  if (a instanceof FloatValue) return b instanceof FloatValue && a.kind === b.kind && compareFloat(a, b) === 0;
  if (a instanceof DateTimeValue) return b instanceof DateTimeValue && a.kind === b.kind && compareDateTime(a, b) === 0;
  if (a instanceof DurationValue) return b instanceof DurationValue && compareDuration(a, b) === 0;
  if (a instanceof BinaryValue) return b instanceof BinaryValue && a.kind === b.kind && a.text === b.text;
  if (a instanceof UriValue) return b instanceof UriValue && a.text === b.text;
  if (a instanceof QNameValue) return b instanceof QNameValue && a.kind === b.kind && a.ns === b.ns && a.local === b.local;
  return false;
}

/** A string key such that equal values have equal keys and different values different keys. */
export function valueKey(v: Value): string {
  switch (typeof v) {
    case 'string':
      return `s:${v}`;
    case 'boolean':
      return v ? 'b:1' : 'b:0';
    case 'number':
      return `d:${v}`;
  }
  if (Array.isArray(v)) return `l:[${v.map(valueKey).join(',')}]`;
  if (v instanceof Decimal) return `d:${v.toString()}`;
  if (v instanceof FloatValue) return `${v.kind === 'float' ? 'f' : 'F'}:${floatString(v)}`;
  if (v instanceof DateTimeValue) return `t:${dateTimeKey(v)}`;
  if (v instanceof DurationValue) return `p:${durationKey(v)}`;
  if (v instanceof BinaryValue) return `${v.kind === 'hexBinary' ? 'x' : 'y'}:${v.text}`;
  if (v instanceof UriValue) return `u:${v.text}`;
  if (v instanceof QNameValue) return `${v.kind === 'QName' ? 'q' : 'n'}:{${v.ns ?? ''}}${v.local}`;
  throw new Error('valueKey: not an XSD value');
}

/** Order for the bound facets; -1, 0, 1, or NaN when incomparable (or of different spaces). */
export function compareValues(a: Value, b: Value): number {
  if ((typeof a === 'number' || a instanceof Decimal) && (typeof b === 'number' || b instanceof Decimal)) return compareDecimal(a, b);
  if (a instanceof FloatValue && b instanceof FloatValue && a.kind === b.kind) return compareFloat(a, b);
  if (a instanceof DateTimeValue && b instanceof DateTimeValue && a.kind === b.kind) return compareDateTime(a, b);
  if (a instanceof DurationValue && b instanceof DurationValue) return compareDuration(a, b);
  return NaN;
}

/** Text of a value for messages: its canonical form where one is cheap, else a description. */
export function valueText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof Decimal) return decimalString(v);
  if (v instanceof FloatValue) return floatString(v);
  if (v instanceof UriValue) return v.text;
  if (v instanceof QNameValue) return v.ns === null ? v.local : `{${v.ns}}${v.local}`;
  if (v instanceof BinaryValue) return v.text;
  if (Array.isArray(v)) return v.map(valueText).join(' ');
  return valueKey(v);
}

/** Plain-JSON form of a value (for generated modules). */
export type ValueJSON =
  | string
  | boolean
  | number
  | { d: string; s: number }
  | { f: 'float' | 'double'; n: number | string }
  | { t: DateKind; day: number; sec: number; frac: string; tz: number | null }
  | { p: string; s: string; scale: number }
  | { b: 'hexBinary' | 'base64Binary'; text: string; octets: number }
  | { u: string }
  | { q: 'QName' | 'NOTATION'; ns: string | null; local: string }
  | { l: ValueJSON[] };

/** Value -> JSON (bigints as decimal strings; NaN and infinities as text). */
export function valueToJSON(v: Value): ValueJSON {
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return { l: v.map(valueToJSON) };
  if (v instanceof Decimal) return { d: v.coef.toString(), s: v.scale };
  if (v instanceof FloatValue) return { f: v.kind, n: Number.isFinite(v.n) && !Object.is(v.n, -0) ? v.n : floatString(v) };
  if (v instanceof DateTimeValue) return { t: v.kind, day: v.day, sec: v.second, frac: v.frac, tz: v.tz };
  if (v instanceof DurationValue) return { p: v.months.toString(), s: v.seconds.toString(), scale: v.scale };
  if (v instanceof BinaryValue) return { b: v.kind, text: v.text, octets: v.octets };
  if (v instanceof UriValue) return { u: v.text };
  if (v instanceof QNameValue) return { q: v.kind, ns: v.ns, local: v.local };
  throw new Error('valueToJSON: not an XSD value');
}

const FLOAT_TEXT: Readonly<Record<string, number>> = { NaN: NaN, INF: Infinity, '-INF': -Infinity, '-0': -0 };

/** JSON -> Value (inverse of valueToJSON). */
export function valueFromJSON(j: ValueJSON): Value {
  if (typeof j !== 'object') return j;
  if ('l' in j) return j.l.map(valueFromJSON);
  if ('d' in j) return new Decimal(BigInt(j.d), j.s);
  if ('f' in j) return new FloatValue(j.f, typeof j.n === 'number' ? j.n : FLOAT_TEXT[j.n]);
  if ('t' in j) return new DateTimeValue(j.t, j.day, j.sec, j.frac, j.tz);
  if ('p' in j) return new DurationValue(BigInt(j.p), BigInt(j.s), j.scale);
  if ('b' in j) return new BinaryValue(j.b, j.text, j.octets);
  if ('u' in j) return new UriValue(j.u);
  return new QNameValue(j.q, j.ns, j.local);
}

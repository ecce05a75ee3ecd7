/**
 * Leaf value codecs: the lexical form in the document (`raw`, always a string) and the normalized
 * value (`boolean`, `number`, trimmed `string`). decode returns undefined for a value the type rejects.
 */

/** What a codec's normalized value is: build checks values given as numbers or booleans against it. */
export type ValueKind = 'string' | 'boolean' | 'integer';

/** A decode/encode pair for one XML Schema simple type. */
export interface Codec<N = unknown> {
  readonly kind: 'codec';
  /** The XML Schema type name, for messages (`xs:boolean`). */
  readonly xsd: string;
  /** Whitespace is collapsed before decoding (every xs type but xs:string). */
  readonly token: boolean;
  /** The type of the decoded value. */
  readonly value: ValueKind;
  /** Bounds of an integer type (inclusive). */
  readonly min?: number;
  readonly max?: number;
  decode(raw: string): N | undefined;
  encode(value: N | string): string;
}

function codec<N>(xsd: string, token: boolean, value: ValueKind, decode: (s: string) => N | undefined, bounds: { min?: number; max?: number } = {}): Codec<N> {
  return {
    kind: 'codec',
    xsd,
    token,
    value,
    ...bounds,
    decode: (raw) => decode(token ? raw.trim() : raw),
    encode: (v) => (typeof v === 'string' ? v : String(v)),
  };
}

const integer = (xsd: string, min: number, max: number) =>
  codec<number>(
    xsd,
    true,
    'integer',
    (s) => {
      if (!/^[+-]?\d+$/.test(s)) return undefined;
      const n = Number(s);
      return n >= min && n <= max ? n : undefined;
    },
    { min, max },
  );

/** xs:string: kept exactly as written. */
export const string = codec<string>('xs:string', false, 'string', (s) => s);
/** A string type whose whitespace is collapsed (xs:anyURI, xs:dateTime and the like). */
export const token = codec<string>('xs:token', true, 'string', (s) => s.replace(/\s+/g, ' '));
/** xs:anyURI. */
export const anyURI = codec<string>('xs:anyURI', true, 'string', (s) => s);
/** xs:dateTime. */
export const dateTime = codec<string>('xs:dateTime', true, 'string', (s) => (/^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.test(s) ? s : undefined));
/** xs:boolean: `true`/`1` and `false`/`0`. */
export const boolean = codec<boolean>('xs:boolean', true, 'boolean', (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined));
/** xs:int (32-bit signed). */
export const int = integer('xs:int', -2147483648, 2147483647);
/** xs:long; values beyond 2^53 lose precision as numbers (disk sizes stay far below). */
export const long = integer('xs:long', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
/** xs:unsignedShort (0..65535). */
export const unsignedShort = integer('xs:unsignedShort', 0, 65535);
/** xs:unsignedInt. */
export const unsignedInt = integer('xs:unsignedInt', 0, 4294967295);
/** xs:unsignedLong (as far as a number is exact). */
export const unsignedLong = integer('xs:unsignedLong', 0, Number.MAX_SAFE_INTEGER);

/**
 * The lexical form build writes for a value, or the reason it cannot: a number must be a whole
 * number in range for an integer type (never `38146.97265625` where the schema wants xs:long), a
 * boolean only goes where xs:boolean is wanted. Strings are written as given (validate checks them).
 */
export function encodeValue(codec: Codec, v: string | number | boolean): { text: string } | { error: string } {
  if (typeof v === 'string') return { text: codec.encode(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: `${v} is not a number ${codec.xsd} can hold` };
    if (codec.value === 'boolean') return { error: `expected true or false (${codec.xsd}), got the number ${v}` };
    if (codec.value === 'integer') {
      if (!Number.isInteger(v)) return { error: `expected a whole number (${codec.xsd}), got ${v}` };
      if ((codec.min !== undefined && v < codec.min) || (codec.max !== undefined && v > codec.max)) return { error: `${v} is outside the range of ${codec.xsd} (${codec.min} to ${codec.max})` };
    }
    return { text: String(v) };
  }
  if (codec.value === 'integer') return { error: `expected a whole number (${codec.xsd}), got ${v}` };
  return { text: String(v) };
}

/**
 * Leaf value codecs: the lexical form in the document (`raw`, always a string) and the normalized
 * value (`boolean`, `number`, trimmed `string`). decode returns undefined for a value the type rejects.
 */

/** A decode/encode pair for one XML Schema simple type. */
export interface Codec<N = unknown> {
  readonly kind: 'codec';
  /** The XML Schema type name, for messages (`xs:boolean`). */
  readonly xsd: string;
  /** Whitespace is collapsed before decoding (every xs type but xs:string). */
  readonly token: boolean;
  decode(raw: string): N | undefined;
  encode(value: N | string): string;
}

function codec<N>(xsd: string, token: boolean, decode: (s: string) => N | undefined, encode: (v: N) => string = String): Codec<N> {
  return {
    kind: 'codec',
    xsd,
    token,
    decode: (raw) => decode(token ? raw.trim() : raw),
    encode: (v) => (typeof v === 'string' ? v : encode(v as N)),
  };
}

const integer = (xsd: string, min: number, max: number) =>
  codec<number>(xsd, true, (s) => {
    if (!/^[+-]?\d+$/.test(s)) return undefined;
    const n = Number(s);
    return n >= min && n <= max ? n : undefined;
  });

/** xs:string: kept exactly as written. */
export const string = codec<string>('xs:string', false, (s) => s);
/** A string type whose whitespace is collapsed (xs:anyURI, xs:dateTime and the like). */
export const token = codec<string>('xs:token', true, (s) => s.replace(/\s+/g, ' '));
/** xs:anyURI. */
export const anyURI = codec<string>('xs:anyURI', true, (s) => s);
/** xs:dateTime. */
export const dateTime = codec<string>('xs:dateTime', true, (s) => (/^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.test(s) ? s : undefined));
/** xs:boolean: `true`/`1` and `false`/`0`. */
export const boolean = codec<boolean>('xs:boolean', true, (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined));
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

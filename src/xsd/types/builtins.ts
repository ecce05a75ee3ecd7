/**
 * The 45 built-in simple types of XSD 1.0 Part 2 §3 (anySimpleType, the 19 primitives and the 25
 * derived ones), each with the facets its definition gives it (so that restricting xs:byte with
 * maxInclusive 200, or xs:integer with fractionDigits 2, is caught) and a native lexical check
 * (an integer range, a name scan) instead of the equivalent pattern and bound facets.
 */
import { isLanguage } from './lexical/strings.js';
import { isName, isNCName, isNmtoken } from './chars.js';
import { compareDecimal, parseDecimal, type DecimalValue } from './lexical/decimal.js';
import type { BoundFacet, FacetSet } from './facets/facet.js';
import { INVALID, PRIMITIVES, type Parse } from './primitives.js';
import { AtomicType, ListType, type IdKind, type SimpleType } from './type.js';

const NO_FINAL = new Set<never>();
const PRESERVE: FacetSet = { whiteSpace: 'preserve', whiteSpaceFixed: false, patterns: [] };
const COLLAPSE_FIXED: FacetSet = { whiteSpace: 'collapse', whiteSpaceFixed: true, patterns: [] };

function big(text: string): DecimalValue {
  return parseDecimal(text, true) as DecimalValue;
}

function bound(text: string): BoundFacet {
  return { value: big(text), literal: text, fixed: false, native: true };
}

/** An integer parse limited to [min, max] (either may be absent). */
function integerParse(min?: string, max?: string): Parse {
  const lo = min === undefined ? undefined : big(min);
  const hi = max === undefined ? undefined : big(max);
  const loN = typeof lo === 'number' ? lo : -Infinity;
  const hiN = typeof hi === 'number' ? hi : Infinity;
  return (s) => {
    const v = parseDecimal(s, true);
    if (v === undefined) return INVALID;
    if (typeof v === 'number') return v < loN || v > hiN ? INVALID : v;
    // beyond 15 digits: exact comparison (long, unsignedLong bounds)
    if ((lo !== undefined && compareDecimal(v, lo) < 0) || (hi !== undefined && compareDecimal(v, hi) > 0)) return INVALID;
    return v;
  };
}

const table = new Map<string, SimpleType>();

function add(t: SimpleType): SimpleType {
  table.set(t.builtin, t);
  return t;
}

/** The simple ur-type: every string, unnormalized. */
export const anySimpleType = add(new AtomicType({ builtin: 'anySimpleType', facets: PRESERVE, final: NO_FINAL, parse: (s) => s }, true));

function primitive(name: string, facets: FacetSet): SimpleType {
  const prim = PRIMITIVES[name];
  return add(new AtomicType({ builtin: name, base: anySimpleType, facets, final: NO_FINAL, prim, parse: prim.parse, idKind: name === 'QName' || name === 'NOTATION' ? (name as IdKind) : undefined }, true));
}

function derived(name: string, base: SimpleType, facets: FacetSet, parse: Parse, idKind?: IdKind): SimpleType {
  const b = base as AtomicType;
  return add(new AtomicType({ builtin: name, base, facets, final: NO_FINAL, prim: b.prim, parse, idKind: idKind ?? b.idKind }, true));
}

const string = primitive('string', PRESERVE);
for (const p of Object.keys(PRIMITIVES)) if (p !== 'string') primitive(p, COLLAPSE_FIXED);

const REPLACE: FacetSet = { whiteSpace: 'replace', whiteSpaceFixed: false, patterns: [] };
const COLLAPSE: FacetSet = { whiteSpace: 'collapse', whiteSpaceFixed: false, patterns: [] };
const id = (s: string) => s;
const normalizedString = derived('normalizedString', string, REPLACE, id);
const token = derived('token', normalizedString, COLLAPSE, id);
derived('language', token, COLLAPSE, (s) => (isLanguage(s) ? s : INVALID));
const nmtoken = derived('NMTOKEN', token, COLLAPSE, (s) => (isNmtoken(s) ? s : INVALID));
const name = derived('Name', token, COLLAPSE, (s) => (isName(s) ? s : INVALID));
const ncParse: Parse = (s) => (isNCName(s) ? s : INVALID);
const ncname = derived('NCName', name, COLLAPSE, ncParse);
derived('ID', ncname, COLLAPSE, ncParse, 'ID');
const idref = derived('IDREF', ncname, COLLAPSE, ncParse, 'IDREF');
const entity = derived('ENTITY', ncname, COLLAPSE, ncParse, 'ENTITY');

const LIST_FACETS: FacetSet = { whiteSpace: 'collapse', whiteSpaceFixed: true, patterns: [], minLength: { value: 1, fixed: false, native: true } };
function list(nameOf: string, item: SimpleType, idKind?: IdKind): void {
  add(new ListType({ builtin: nameOf, base: anySimpleType, facets: LIST_FACETS, final: NO_FINAL, itemType: item, idKind }, true));
}
list('NMTOKENS', nmtoken);
list('IDREFS', idref, 'IDREFS');
list('ENTITIES', entity, 'ENTITIES');

// integer and its descendants: fractionDigits 0 fixed, ranges as native bounds (Part 2 §3.3.13-25)
const decimal = table.get('decimal') as SimpleType;
const INTEGER: FacetSet = { ...COLLAPSE_FIXED, fractionDigits: { value: 0, fixed: true, native: true } };
function integerType(nameOf: string, base: SimpleType, min?: string, max?: string): SimpleType {
  const facets: FacetSet = {
    ...base.facets,
    ...(min !== undefined ? { minInclusive: bound(min), minExclusive: undefined } : {}),
    ...(max !== undefined ? { maxInclusive: bound(max), maxExclusive: undefined } : {}),
  };
  const lo = min ?? base.facets.minInclusive?.literal;
  const hi = max ?? base.facets.maxInclusive?.literal;
  return derived(nameOf, base, facets, integerParse(lo, hi));
}
const integer = derived('integer', decimal, INTEGER, integerParse());
const nonPositive = integerType('nonPositiveInteger', integer, undefined, '0');
integerType('negativeInteger', nonPositive, undefined, '-1');
const long = integerType('long', integer, '-9223372036854775808', '9223372036854775807');
const int = integerType('int', long, '-2147483648', '2147483647');
const short = integerType('short', int, '-32768', '32767');
integerType('byte', short, '-128', '127');
const nonNegative = integerType('nonNegativeInteger', integer, '0');
const unsignedLong = integerType('unsignedLong', nonNegative, undefined, '18446744073709551615');
const unsignedInt = integerType('unsignedInt', unsignedLong, undefined, '4294967295');
const unsignedShort = integerType('unsignedShort', unsignedInt, undefined, '65535');
integerType('unsignedByte', unsignedShort, undefined, '255');
integerType('positiveInteger', nonNegative, '1');

/** The XSD-namespace built-in type with this local name, or undefined. */
export function builtinType(local: string): SimpleType | undefined {
  return table.get(local);
}

/** Local names of every built-in simple type. */
export function builtinNames(): string[] {
  return [...table.keys()];
}

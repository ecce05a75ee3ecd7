/**
 * Simple types as plain JSON, so a schema compiled at build time can live in a generated module
 * and load without re-checking or re-translating anything: the effective facets are stored as
 * they are (patterns as translated JavaScript source, enumeration and bound values as values).
 * Built-in types are written by name, named types as references the loader resolves, anonymous
 * types inline.
 */
import { builtinType } from './builtins.js';
import { make } from './derive.js';
import type { BoundFacet, EnumFacet, FacetSet, NumFacet, PatternStep } from './facets/facet.js';
import { ListType, UnionType, type FinalSet, type IdKind, type SimpleType, type TypeName } from './type.js';
import { valueFromJSON, valueToJSON, type ValueJSON } from './value.js';
import type { WhiteSpace } from './whitespace.js';

/** How a type is referred to from another one. */
export type TypeRefJSON = { builtin: string } | { ref: TypeName } | { type: TypeDefJSON };

interface BoundJSON {
  value: ValueJSON;
  literal: string;
  fixed: boolean;
  native?: boolean;
}

/** The effective facets in JSON. */
export interface FacetSetJSON {
  whiteSpace: WhiteSpace;
  whiteSpaceFixed: boolean;
  length?: NumFacet;
  minLength?: NumFacet;
  maxLength?: NumFacet;
  totalDigits?: NumFacet;
  fractionDigits?: NumFacet;
  maxInclusive?: BoundJSON;
  maxExclusive?: BoundJSON;
  minInclusive?: BoundJSON;
  minExclusive?: BoundJSON;
  enumeration?: { literals: string[]; values: ValueJSON[] };
  patterns: PatternStep[];
}

/** A user-defined type in JSON. */
export interface TypeDefJSON {
  name?: TypeName;
  variety: 'atomic' | 'list' | 'union';
  base: TypeRefJSON;
  /** Only for a list made by listOf (a restriction of a list takes its item type from its base). */
  itemType?: TypeRefJSON;
  /** Only for a union made by unionOf. */
  memberTypes?: TypeRefJSON[];
  final?: ('restriction' | 'list' | 'union')[];
  idKind?: IdKind;
  facets: FacetSetJSON;
}

function isBuiltin(t: SimpleType): boolean {
  return builtinType(t.builtin) === t;
}

function ref(t: SimpleType): TypeRefJSON {
  if (isBuiltin(t)) return { builtin: t.builtin };
  if (t.name) return { ref: { ns: t.name.ns, local: t.name.local } };
  return { type: definition(t) };
}

const BOUNDS = ['maxInclusive', 'maxExclusive', 'minInclusive', 'minExclusive'] as const;
const NUMS = ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits'] as const;

function facetsToJSON(fs: FacetSet): FacetSetJSON {
  const out: FacetSetJSON = { whiteSpace: fs.whiteSpace, whiteSpaceFixed: fs.whiteSpaceFixed, patterns: fs.patterns.map((p) => ({ xsd: [...p.xsd], source: p.source, flags: p.flags })) };
  for (const k of NUMS) {
    const f = fs[k];
    if (f) out[k] = { ...f };
  }
  for (const k of BOUNDS) {
    const f = fs[k];
    if (f) out[k] = { value: valueToJSON(f.value), literal: f.literal, fixed: f.fixed, ...(f.native ? { native: true } : {}) };
  }
  if (fs.enumeration) out.enumeration = { literals: [...fs.enumeration.literals], values: fs.enumeration.values.map(valueToJSON) };
  return out;
}

function facetsFromJSON(j: FacetSetJSON): FacetSet {
  const fs: { -readonly [K in keyof FacetSet]: FacetSet[K] } = { whiteSpace: j.whiteSpace, whiteSpaceFixed: j.whiteSpaceFixed, patterns: j.patterns };
  for (const k of NUMS) if (j[k]) fs[k] = j[k];
  for (const k of BOUNDS) {
    const b = j[k];
    if (b) fs[k] = { value: valueFromJSON(b.value), literal: b.literal, fixed: b.fixed, ...(b.native ? { native: true } : {}) } as BoundFacet;
  }
  if (j.enumeration) fs.enumeration = { literals: j.enumeration.literals, values: j.enumeration.values.map(valueFromJSON) } as EnumFacet;
  return fs;
}

function definition(t: SimpleType): TypeDefJSON {
  const made = t.base !== undefined && t.base.builtin === 'anySimpleType' && t.base.base === undefined && t.variety !== 'atomic';
  const out: TypeDefJSON = { variety: t.variety, base: ref(t.base as SimpleType), facets: facetsToJSON(t.facets) };
  if (t.name) out.name = { ns: t.name.ns, local: t.name.local };
  if (made && t.variety === 'list') out.itemType = ref(t.itemType as SimpleType);
  if (made && t.variety === 'union') out.memberTypes = (t.memberTypes ?? []).map(ref);
  if (t.final.size > 0) out.final = [...t.final];
  if (t.idKind) out.idKind = t.idKind;
  return out;
}

/** A type as plain JSON: `{ builtin }` for a built-in, else its definition (references by name). */
export function typeToJSON(t: SimpleType): TypeDefJSON | { builtin: string } {
  return isBuiltin(t) ? { builtin: t.builtin } : definition(t);
}

/** Rebuild a type from typeToJSON's output; `resolveNamed` supplies the named types it refers to. */
export function typeFromJSON(json: unknown, resolveNamed: (ns: string | null, local: string) => SimpleType): SimpleType {
  const j = json as TypeDefJSON | { builtin: string };
  if ('builtin' in j) {
    const b = builtinType(j.builtin);
    if (!b) throw new Error(`typeFromJSON: no built-in type ${j.builtin}`);
    return b;
  }
  const resolve = (r: TypeRefJSON): SimpleType =>
    'builtin' in r ? typeFromJSON(r, resolveNamed) : 'ref' in r ? resolveNamed(r.ref.ns, r.ref.local) : typeFromJSON(r.type, resolveNamed);
  const base = resolve(j.base);
  const facets = facetsFromJSON(j.facets);
  const final: FinalSet = new Set(j.final ?? []);
  if (j.itemType) return new ListType({ name: j.name, base, builtin: 'anySimpleType', facets, final, idKind: j.idKind, itemType: resolve(j.itemType) });
  if (j.memberTypes) return new UnionType({ name: j.name, base, builtin: 'anySimpleType', facets, final, memberTypes: j.memberTypes.map(resolve) });
  return make(base, facets, { name: j.name, final });
}

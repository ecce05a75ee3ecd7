/**
 * Simple type definitions (Part 1 §3.14): xs:restriction (base= or an inline base, then facets),
 * xs:list (itemType= or inline) and xs:union (memberTypes= and inline members). The value
 * checking itself is src/xsd/types: this module reads the XML and calls restrict/listOf/unionOf,
 * turning their SchemaTypeError into a schema error at the right line.
 */
import { Flag } from '../names.js';
import { listOf, restrict, SchemaTypeError, unionOf, type FacetName, type FacetSpec, type FinalSet, type SimpleType } from '../simple.js';
import type { Builder } from './builder.js';
import type { SimpleTypeDef, TypeDef } from './components.js';
import { attr, bool, documentation, fail, nsContext, placeOf, token, xsChildren, xsName, type At } from './context.js';
import { parseFlags } from '../load/loader.js';

const FACETS = new Set<string>(['length', 'minLength', 'maxLength', 'pattern', 'enumeration', 'whiteSpace', 'maxInclusive', 'maxExclusive', 'minInclusive', 'minExclusive', 'totalDigits', 'fractionDigits']);

/** The facet children of a restriction (simple type or simpleContent). */
export function facetSpecs(children: readonly At[]): FacetSpec[] {
  const out: FacetSpec[] = [];
  for (const f of children) {
    const name = xsName(f);
    if (!FACETS.has(name)) continue;
    const value = attr(f, 'value');
    if (value === undefined) fail(f, `xs:${name} needs value=`);
    const spec: FacetSpec = { name: name as FacetName, value, nsContext: nsContext(f) };
    if (bool(f, 'fixed', false)) spec.fixed = true;
    out.push(spec);
  }
  return out;
}

/** True for a facet element name. */
export function isFacet(name: string): boolean {
  return FACETS.has(name);
}

/** Final bits -> the FinalSet the types module takes. */
function finalSet(bits: number): FinalSet {
  const s = new Set<'restriction' | 'list' | 'union'>();
  if (bits & Flag.Restriction) s.add('restriction');
  if (bits & Flag.List) s.add('list');
  if (bits & Flag.Union) s.add('union');
  return s;
}

/** Call into the types module; its SchemaTypeError becomes a schema error here. */
function define<T>(at: At, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof SchemaTypeError) fail(at, e.message);
    throw e;
  }
}

/** A simple base/item/member reference must be a simple type. */
function simpleRef(b: Builder, at: At, value: string, what: string): SimpleTypeDef {
  const t: TypeDef = b.typeRef(at, value);
  if (t.kind !== 'simple') fail(at, `${what} ${value} is a complex type; a simple type is needed`);
  return t;
}

/** Build an xs:simpleType (named when `name` is given). */
export function buildSimpleType(b: Builder, at: At, name: { ns: string | null; local: string } | null): SimpleTypeDef {
  const kids = xsChildren(at);
  if (kids.length !== 1) fail(at, 'xs:simpleType holds exactly one xs:restriction, xs:list or xs:union');
  const finalAttr = token(at, 'final');
  const finalBits = finalAttr !== undefined ? parseFlags(finalAttr, Flag.Restriction | Flag.List | Flag.Union, at.d, at.node, 'final') : at.d.finalDefault & (Flag.Restriction | Flag.List | Flag.Union);
  const opts = { ...(name ? { name } : {}), final: finalSet(finalBits), nsContext: nsContext(at) };
  const body = kids[0];
  const kind = xsName(body);
  const inner = xsChildren(body);
  const inlineTypes = inner.filter((c) => xsName(c) === 'simpleType');
  let base: SimpleTypeDef;
  let type: SimpleType;
  let variety: SimpleTypeDef['variety'];
  if (kind === 'restriction') {
    const baseAttr = token(body, 'base');
    if (baseAttr !== undefined && inlineTypes.length) fail(body, 'a restriction has either base= or an inline xs:simpleType, not both');
    if (baseAttr === undefined && !inlineTypes.length) fail(body, 'a restriction needs base= or an inline xs:simpleType');
    if (inlineTypes.length && inner[0] !== inlineTypes[0]) fail(inlineTypes[0], 'the inline base type must come before the facets');
    for (const c of inner) if (c !== inlineTypes[0] && !isFacet(xsName(c))) fail(c, `xs:${xsName(c)} is not a facet of a simple type restriction`);
    base = baseAttr !== undefined ? simpleRef(b, body, baseAttr, 'base') : buildSimpleType(b, inlineTypes[0], null);
    const specs = facetSpecs(inner);
    type = define(body, () => restrict(base.type, specs, opts));
    variety = type.variety;
  } else if (kind === 'list') {
    const itemAttr = token(body, 'itemType');
    if (itemAttr !== undefined && inlineTypes.length) fail(body, 'a list has either itemType= or an inline xs:simpleType, not both');
    if (itemAttr === undefined && inlineTypes.length !== 1) fail(body, 'a list needs itemType= or one inline xs:simpleType');
    const item = itemAttr !== undefined ? simpleRef(b, body, itemAttr, 'itemType') : buildSimpleType(b, inlineTypes[0], null);
    if (item.final & Flag.List) fail(body, `the item type ${item.local ?? ''} is final for list`);
    type = define(body, () => listOf(item.type, opts));
    base = b.anySimpleType;
    variety = 'list';
  } else if (kind === 'union') {
    const members: SimpleTypeDef[] = [];
    for (const m of (token(body, 'memberTypes') ?? '').split(/\s+/).filter(Boolean)) members.push(simpleRef(b, body, m, 'member type'));
    for (const c of inner) {
      if (xsName(c) !== 'simpleType') fail(c, `xs:${xsName(c)} is not allowed in xs:union`);
      members.push(buildSimpleType(b, c, null));
    }
    if (!members.length) fail(body, 'a union needs memberTypes= or inline member types');
    for (const m of members) if (m.final & Flag.Union) fail(body, `the member type ${m.local ?? ''} is final for union`);
    type = define(body, () => unionOf(members.map((m) => m.type), opts));
    base = b.anySimpleType;
    variety = 'union';
  } else fail(body, `xs:${kind} is not allowed in xs:simpleType`);
  const def: SimpleTypeDef = { kind: 'simple', ns: name?.ns ?? null, local: name?.local ?? null, type, base, variety, final: finalBits, place: placeOf(at) };
  const doc = documentation(at);
  if (doc) def.doc = doc;
  return def;
}

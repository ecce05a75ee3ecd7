/**
 * Complex type definitions (Part 1 §3.4): the shorthand form (a restriction of anyType),
 * xs:complexContent with xs:extension or xs:restriction, and xs:simpleContent. The content type,
 * attribute uses and attribute wildcard are computed as §3.4.2 says: an extension appends its
 * particle to the base's in a sequence and unions the wildcards; a restriction states its content
 * in full, inherits the base's attribute uses it does not restate or prohibit, and keeps its own
 * complete wildcard.
 */
import { Flag } from '../names.js';
import { restrict, SchemaTypeError } from '../simple.js';
import { attributeContent } from './attributes.js';
import type { Builder } from './builder.js';
import type { AttributeUse, ComplexTypeDef, ContentType, Particle, SimpleTypeDef, TypeDef, Wildcard } from './components.js';
import { bool, documentation, fail, placeOf, token, xsChildren, xsName, type At } from './context.js';
import { buildParticle } from './group.js';
import { facetSpecs, isFacet } from './simple-type.js';
import { unionConstraint } from './wildcard.js';
import { parseFlags } from '../load/loader.js';

const GROUPS = new Set(['group', 'all', 'choice', 'sequence']);
const ATTRS = new Set(['attribute', 'attributeGroup', 'anyAttribute']);

/** Split derivation children into the particle and the attribute part, in the order XSD requires. */
function split(at: At, kids: At[], allowParticle: boolean): { particle: At | null; attrs: At[] } {
  let particle: At | null = null;
  const attrs: At[] = [];
  for (const k of kids) {
    const n = xsName(k);
    if (GROUPS.has(n) && allowParticle && particle === null && attrs.length === 0) particle = k;
    else if (ATTRS.has(n)) {
      if (n === 'anyAttribute' && attrs.some((a) => xsName(a) === 'anyAttribute')) fail(k, 'only one xs:anyAttribute is allowed');
      attrs.push(k);
    } else fail(k, `xs:${n} is not allowed here in xs:${xsName(at)}`);
  }
  return { particle, attrs };
}

/** The explicit content of §3.4.2: null when the particle is empty (no child, an empty all/sequence, an empty optional choice, maxOccurs 0). */
function explicitContent(b: Builder, at: At | null): Particle | null {
  if (!at) return null;
  const p = buildParticle(b, at);
  if (p.max === 0) return null;
  const t = p.term;
  if (t.kind === 'group' && t.particles.length === 0) {
    if (t.compositor !== 'choice' || p.min === 0) return null;
  }
  return p;
}

/** Content type from an explicit particle and the mixed flag. */
function contentOf(particle: Particle | null, mixed: boolean, at: At): ContentType {
  if (particle) return { kind: mixed ? 'mixed' : 'element', particle };
  if (mixed) return { kind: 'mixed', particle: { min: 1, max: 1, term: { kind: 'group', compositor: 'sequence', particles: [], place: placeOf(at) } } };
  return { kind: 'empty' };
}

/** Attribute uses of a derived type: the base's (restriction: those not restated or prohibited), then its own. */
function inheritAttributes(base: TypeDef, own: ReturnType<typeof attributeContent>, restriction: boolean): Map<string, AttributeUse> {
  const out = new Map<string, AttributeUse>();
  if (base.kind === 'complex') {
    for (const [k, u] of base.attributes) {
      if (restriction && (own.prohibited.has(k) || own.uses.has(k))) continue;
      out.set(k, u);
    }
  }
  for (const [k, u] of own.uses) out.set(k, u);
  return out;
}

/** The {attribute wildcard} of an extension: the complete wildcard united with the base's (§3.4.2). */
function extensionWildcard(at: At, own: Wildcard | null, base: TypeDef): Wildcard | null {
  const bw = base.kind === 'complex' ? base.attributeWildcard : null;
  if (!bw) return own;
  if (!own) return bw;
  const c = unionConstraint(own.constraint, bw.constraint);
  if (!c) fail(at, 'the attribute wildcards of this type and its base cannot be combined (not expressible in XSD 1.0)');
  return { kind: 'wildcard', constraint: c, process: own.process, place: own.place };
}

/** Build an xs:complexType (named when `name` is given). */
export function buildComplexType(b: Builder, at: At, name: { ns: string | null; local: string } | null): ComplexTypeDef {
  const blockAttr = token(at, 'block');
  const finalAttr = token(at, 'final');
  const t: ComplexTypeDef = {
    kind: 'complex',
    ns: name?.ns ?? null,
    local: name?.local ?? null,
    base: b.anyType,
    derivation: 'restriction',
    abstract: bool(at, 'abstract', false),
    final: finalAttr !== undefined ? parseFlags(finalAttr, Flag.Extension | Flag.Restriction, at.d, at.node, 'final') : at.d.finalDefault & (Flag.Extension | Flag.Restriction),
    block: blockAttr !== undefined ? parseFlags(blockAttr, Flag.Extension | Flag.Restriction, at.d, at.node, 'block') : at.d.blockDefault & (Flag.Extension | Flag.Restriction),
    content: { kind: 'empty' },
    attributes: new Map(),
    attributeWildcard: null,
    place: placeOf(at),
  };
  const doc = documentation(at);
  if (doc) t.doc = doc;
  const kids = xsChildren(at);
  const mixedAttr = bool(at, 'mixed', false);
  const first = kids[0];
  const firstName = first ? xsName(first) : '';
  if (firstName === 'simpleContent' || firstName === 'complexContent') {
    if (kids.length > 1) fail(kids[1], `nothing may follow xs:${firstName}`);
    const derivs = xsChildren(first);
    if (derivs.length !== 1 || !['extension', 'restriction'].includes(xsName(derivs[0]))) fail(first, `xs:${firstName} holds one xs:extension or xs:restriction`);
    const dv = derivs[0];
    const baseAttr = token(dv, 'base');
    if (baseAttr === undefined) fail(dv, `xs:${xsName(dv)} needs base=`);
    const base = b.typeRef(dv, baseAttr);
    t.base = base;
    t.derivation = xsName(dv) as 'extension' | 'restriction';
    const method = t.derivation === 'extension' ? Flag.Extension : Flag.Restriction;
    if (base.kind === 'complex' && base.final & method) fail(dv, `the base type ${baseAttr} is final for ${t.derivation}`);
    if (firstName === 'simpleContent') simpleContent(b, t, dv, base, baseAttr);
    else complexContent(b, t, dv, base, baseAttr, bool(first, 'mixed', mixedAttr));
    return t;
  }
  const { particle, attrs } = split(at, kids, true);
  t.content = contentOf(explicitContent(b, particle), mixedAttr, at);
  const own = attributeContent(b, attrs);
  t.attributes = inheritAttributes(b.anyType, own, true);
  t.attributeWildcard = own.wildcard;
  return t;
}

function complexContent(b: Builder, t: ComplexTypeDef, dv: At, base: TypeDef, baseAttr: string, mixed: boolean): void {
  if (base.kind !== 'complex') fail(dv, `complexContent cannot derive from the simple type ${baseAttr} (use simpleContent)`);
  const { particle, attrs } = split(dv, xsChildren(dv), true);
  const explicit = explicitContent(b, particle);
  const own = attributeContent(b, attrs);
  if (t.derivation === 'restriction') {
    t.content = contentOf(explicit, mixed, dv);
    if (t.content.kind === 'mixed' && base.content.kind !== 'mixed') fail(dv, `a restriction of ${baseAttr} cannot be mixed, because ${baseAttr} is not`);
    t.attributes = inheritAttributes(base, own, true);
    t.attributeWildcard = own.wildcard;
    return;
  }
  // extension (§3.4.2 complex content, {content type} clause 3)
  if (base.content.kind === 'simple' && explicit) fail(dv, `${baseAttr} has simple content; an extension of it cannot add elements`);
  if (!explicit) t.content = base.content.kind === 'empty' && mixed ? contentOf(null, true, dv) : base.content;
  else if (base.content.kind === 'empty' || base.content.kind === 'simple') t.content = contentOf(explicit, mixed, dv);
  else {
    if (base.content.kind === 'mixed' !== mixed) fail(dv, `an extension of ${baseAttr} must ${mixed ? 'not ' : ''}be mixed like its base`);
    const bp = base.content.particle;
    if ((bp.term.kind === 'group' && bp.term.compositor === 'all' && bp.term.particles.length) || (explicit.term.kind === 'group' && explicit.term.compositor === 'all')) {
      fail(dv, 'an extension cannot add to an xs:all content model, or add one (XSD 1.0)');
    }
    t.content = {
      kind: base.content.kind,
      particle: { min: 1, max: 1, term: { kind: 'group', compositor: 'sequence', particles: [bp, explicit], place: placeOf(dv) } },
    };
  }
  t.attributes = inheritAttributes(base, own, false);
  t.attributeWildcard = extensionWildcard(dv, own.wildcard, base);
}

function simpleContent(b: Builder, t: ComplexTypeDef, dv: At, base: TypeDef, baseAttr: string): void {
  const kids = xsChildren(dv);
  if (t.derivation === 'extension') {
    const { attrs } = split(dv, kids, false);
    let value: SimpleTypeDef;
    if (base.kind === 'simple') value = base;
    else if (base.content.kind === 'simple') value = base.content.type;
    else fail(dv, `simpleContent needs a base with simple content; ${baseAttr} has ${base.content.kind === 'empty' ? 'empty' : 'element'} content`);
    const own = attributeContent(b, attrs);
    t.content = { kind: 'simple', type: value };
    t.attributes = inheritAttributes(base, own, false);
    t.attributeWildcard = extensionWildcard(dv, own.wildcard, base);
    return;
  }
  // restriction: base must be complex with simple content, or mixed with an emptiable particle (§3.4.3 src-ct.2)
  if (base.kind !== 'complex') fail(dv, `a simpleContent restriction needs a complex base type; ${baseAttr} is simple (use xs:extension)`);
  const inline = kids.filter((k) => xsName(k) === 'simpleType');
  let valueBase: SimpleTypeDef;
  if (inline.length) valueBase = b.constructs.type(b, inline[0], null) as SimpleTypeDef;
  else if (base.content.kind === 'simple') valueBase = base.content.type;
  else fail(dv, `a simpleContent restriction of ${baseAttr}, which has no simple content, needs an inline xs:simpleType`);
  if (base.content.kind !== 'simple' && base.content.kind !== 'mixed') fail(dv, `${baseAttr} has neither simple nor mixed content`);
  const rest = kids.filter((k) => xsName(k) !== 'simpleType');
  const facets = facetSpecs(rest.filter((k) => isFacet(xsName(k))));
  const { attrs } = split(dv, rest.filter((k) => !isFacet(xsName(k))), false);
  let value: SimpleTypeDef = valueBase;
  if (facets.length) {
    let type;
    try {
      type = restrict(valueBase.type, facets);
    } catch (e) {
      if (e instanceof SchemaTypeError) fail(dv, e.message);
      throw e;
    }
    value = { kind: 'simple', ns: null, local: null, type, base: valueBase, variety: type.variety, final: 0, place: placeOf(dv) };
  }
  const own = attributeContent(b, attrs);
  t.content = { kind: 'simple', type: value };
  t.attributes = inheritAttributes(base, own, true);
  t.attributeWildcard = own.wildcard;
}

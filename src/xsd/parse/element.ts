/**
 * Element declarations (Part 1 §3.3): global ones (with substitution group affiliation, abstract,
 * block and final), local ones (qualified per form / elementFormDefault) and references. The type
 * is resolved after every definition is registered (Builder.later), since a type may contain an
 * element of that same type; `typeOf` resolves one on demand (a substitution group member without
 * a type takes its head's, which must be resolved first).
 */
import { SchemaError } from '../errors.js';
import { Flag, qkey, XSI_NS } from '../names.js';
import { valueConstraint } from './attribute.js';
import type { Builder } from './builder.js';
import type { ElementDecl, TypeDef } from './components.js';
import { bool, documentation, fail, nameOf, placeOf, token, xsChildren, xsName, type At } from './context.js';
import { buildIdentity } from './identity.js';
import { parseFlags } from '../load/loader.js';

const pending = new WeakMap<ElementDecl, () => void>();

/** The element's type, resolving it now if that has not happened yet. */
export function typeOf(e: ElementDecl): TypeDef {
  const run = pending.get(e);
  if (run) {
    pending.delete(e);
    run();
  }
  if (!e.type) throw new SchemaError(`the type of element ${e.local} depends on itself (a circular substitution group)`, e.place.file, e.place.line);
  return e.type;
}

/** Build an element declaration (global or local). */
export function buildElementDecl(b: Builder, at: At, global: boolean): ElementDecl {
  const local = nameOf(at);
  const form = token(at, 'form');
  if (form !== undefined && form !== 'qualified' && form !== 'unqualified') fail(at, `form="${form}" must be qualified or unqualified`);
  if (global && form !== undefined) fail(at, 'form= is only allowed on local element declarations');
  if (!global) for (const a of ['substitutionGroup', 'final', 'abstract']) if (token(at, a) !== undefined) fail(at, `${a}= is only allowed on global element declarations`);
  const qualified = global || (form ?? (at.d.elementQualified ? 'qualified' : 'unqualified')) === 'qualified';
  const e: ElementDecl = {
    kind: 'element',
    ns: qualified ? at.d.tns : null,
    local,
    global,
    type: null,
    nillable: bool(at, 'nillable', false),
    abstract: bool(at, 'abstract', false),
    block: parseFlags(token(at, 'block'), Flag.Extension | Flag.Restriction | Flag.Substitution, at.d, at.node, 'block'),
    final: parseFlags(token(at, 'final'), Flag.Extension | Flag.Restriction, at.d, at.node, 'final'),
    head: null,
    identity: [],
    place: placeOf(at),
  };
  if (token(at, 'block') === undefined) e.block = at.d.blockDefault & (Flag.Extension | Flag.Restriction | Flag.Substitution);
  if (token(at, 'final') === undefined) e.final = at.d.finalDefault & (Flag.Extension | Flag.Restriction);
  if (e.ns === XSI_NS) fail(at, `elements cannot be declared in the ${XSI_NS} namespace`);
  const value = valueConstraint(at);
  if (value) e.value = value;
  const doc = documentation(at);
  if (doc) e.doc = doc;
  b.elements.push(e);

  const typeAttr = token(at, 'type');
  const kids = xsChildren(at);
  const inline = kids.filter((k) => xsName(k) === 'simpleType' || xsName(k) === 'complexType');
  if (typeAttr !== undefined && inline.length) fail(at, 'an element has either type= or an inline type, not both');
  if (inline.length > 1) fail(inline[1], 'an element has at most one inline type');
  for (const k of kids) {
    const n = xsName(k);
    if (n !== 'simpleType' && n !== 'complexType' && n !== 'unique' && n !== 'key' && n !== 'keyref') fail(k, `xs:${n} is not allowed inside xs:element`);
  }
  const group = token(at, 'substitutionGroup');
  if (group !== undefined) e.head = b.elementRef(at, group);

  const resolve = () => {
    if (typeAttr !== undefined) e.type = b.typeRef(at, typeAttr);
    else if (inline.length) e.type = b.constructs.type(b, inline[0], null);
    else if (e.head) {
      if (e.head === e) fail(at, `element ${local} is in its own substitution group`);
      e.type = typeOf(e.head);
    } else e.type = b.anyType;
  };
  pending.set(e, resolve);
  b.later.push(() => typeOf(e));
  // identity constraints are read now (their names must be known before keyref refer= is resolved)
  for (const k of kids) {
    const n = xsName(k);
    if (n === 'unique' || n === 'key' || n === 'keyref') e.identity.push(buildIdentity(b, k));
  }
  return e;
}

/** The particle term of an xs:element inside a content model: a local declaration or a reference. */
export function buildElementParticle(b: Builder, at: At): ElementDecl {
  const ref = token(at, 'ref');
  if (ref === undefined) return buildElementDecl(b, at, false);
  if (token(at, 'name') !== undefined) fail(at, 'an element has either ref= or name=, not both');
  for (const a of ['type', 'nillable', 'default', 'fixed', 'form', 'block']) if (token(at, a) !== undefined) fail(at, `an element reference cannot have ${a}=`);
  if (xsChildren(at).length) fail(at, 'an element reference cannot have a type or identity constraints of its own');
  return b.elementRef(at, ref);
}

/** The key of an element declaration's name. */
export function elementKey(e: ElementDecl): string {
  return qkey(e.ns, e.local);
}

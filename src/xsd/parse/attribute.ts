/**
 * Attribute declarations (Part 1 §3.2): global ones by name, local ones inside complex types and
 * attribute groups (qualified per form / attributeFormDefault), with their simple type and
 * default or fixed value.
 */
import { XSI_NS } from '../names.js';
import type { Builder } from './builder.js';
import type { AttributeDecl, SimpleTypeDef, ValueConstraint } from './components.js';
import { attr, documentation, fail, nameOf, nsPairs, placeOf, token, xsChildren, xsName, type At } from './context.js';

/** The default= / fixed= of a declaration or use. */
export function valueConstraint(at: At): ValueConstraint | undefined {
  const dflt = attr(at, 'default');
  const fixed = attr(at, 'fixed');
  if (dflt !== undefined && fixed !== undefined) fail(at, 'default and fixed cannot both be given');
  if (dflt === undefined && fixed === undefined) return undefined;
  return { fixed: fixed !== undefined, lexical: (fixed ?? dflt)!, ns: nsPairs(at) };
}

/** The simple type of an attribute declaration: type=, an inline xs:simpleType, or anySimpleType. */
function attributeType(b: Builder, at: At): SimpleTypeDef {
  const ref = token(at, 'type');
  const inline = xsChildren(at).filter((c) => xsName(c) === 'simpleType');
  if (ref !== undefined && inline.length) fail(at, 'an attribute has either type= or an inline xs:simpleType, not both');
  if (ref !== undefined) {
    const t = b.typeRef(at, ref);
    if (t.kind !== 'simple') fail(at, `type="${ref}" is a complex type; attributes take simple types`);
    return t;
  }
  if (inline.length) return b.constructs.type(b, inline[0], null) as SimpleTypeDef;
  return b.anySimpleType;
}

/** Build an attribute declaration; `global` for top-level ones. */
export function buildAttribute(b: Builder, at: At, global: boolean): AttributeDecl {
  const local = nameOf(at);
  if (local === 'xmlns') fail(at, "an attribute cannot be named 'xmlns'");
  const form = token(at, 'form');
  if (form !== undefined && form !== 'qualified' && form !== 'unqualified') fail(at, `form="${form}" must be qualified or unqualified`);
  if (global && form !== undefined) fail(at, 'form= is only allowed on local attribute declarations');
  const qualified = global || (form ?? (at.d.attributeQualified ? 'qualified' : 'unqualified')) === 'qualified';
  const ns = qualified ? at.d.tns : null;
  if (ns === XSI_NS) fail(at, `attributes cannot be declared in the ${XSI_NS} namespace`);
  const decl: AttributeDecl = { kind: 'attribute', ns, local, global, type: attributeType(b, at), place: placeOf(at) };
  const value = valueConstraint(at);
  if (value && global) decl.value = value;
  if (value && decl.type.type.idKind === 'ID') fail(at, 'an attribute of type ID cannot have a default or fixed value');
  const doc = documentation(at);
  if (doc) decl.doc = doc;
  return decl;
}

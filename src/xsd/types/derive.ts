/**
 * Defining simple types (XSD 1.0 Part 1 §3.14, Part 2 §4.1): restriction of a type with facets,
 * list of an item type, union of member types. Each checks what the spec makes a schema error
 * (final, facet applicability, the facet modules' derivation rules, item and member varieties)
 * and throws SchemaTypeError; everything else is accepted, since a valid schema must never be
 * rejected.
 */
import { anySimpleType, builtinType } from './builtins.js';
import { SchemaTypeError } from './errors.js';
import { applyBounds } from './facets/bounds.js';
import { applyDigits } from './facets/digits.js';
import { applyEnumeration } from './facets/enumeration.js';
import { type BaseView, type FacetSet, type FacetSpec, type Step } from './facets/facet.js';
import { applyLength } from './facets/length.js';
import { applyPattern } from './facets/pattern.js';
import { applyWhiteSpace } from './facets/whitespace.js';
import type { NsContext } from './lexical/qname.js';
import type { FacetName } from './primitives.js';
import { AtomicType, ListType, UnionType, type FinalSet, type IdKind, type SimpleType, type TypeName } from './type.js';
import { compareValues } from './value.js';

/** Options of a type definition. */
export interface DefineOptions {
  /** The type's name; undefined for an anonymous type. */
  name?: TypeName;
  /** Derivations this type blocks (its {final}, after finalDefault). Default: none. */
  final?: FinalSet;
  /** Namespace bindings for QName/NOTATION enumeration values without their own nsContext. */
  nsContext?: NsContext;
}

const LIST_FACETS = new Set<FacetName>(['length', 'minLength', 'maxLength', 'pattern', 'enumeration', 'whiteSpace']);
const UNION_FACETS = new Set<FacetName>(['pattern', 'enumeration']);
const NO_FINAL: FinalSet = new Set();

function describe(opts: DefineOptions | undefined): string {
  return opts?.name ? `type '${opts.name.local}'` : 'an anonymous type';
}

function labelOf(t: SimpleType): string {
  if (t.name) return `'${t.name.local}'`;
  return builtinType(t.builtin) === t ? `xs:${t.builtin}` : 'an anonymous type';
}

/** The view of a base type the facet modules use. */
function view(base: SimpleType): BaseView {
  const builtin = builtinType(base.builtin) ?? anySimpleType;
  const prim = base instanceof AtomicType ? base.prim : undefined;
  return {
    variety: base.variety,
    primitive: prim,
    facets: base.facets,
    validate: (s, ns) => base.validate(s, ns),
    validateBuiltin: (s, ns) => (base.variety === 'atomic' ? builtin.validate(s, ns) : base.validate(s, ns)),
    compare: prim?.compare ?? compareValues,
  };
}

/** Restrict `base` by `facets`; throws SchemaTypeError for an invalid restriction. */
export function restrict(base: SimpleType, facets: readonly FacetSpec[], opts?: DefineOptions): SimpleType {
  const what = describe(opts);
  if (base.final.has('restriction')) throw new SchemaTypeError(`${what} restricts ${labelOf(base)}, whose final forbids restriction`);
  if (base === anySimpleType) throw new SchemaTypeError(`${what} restricts xs:anySimpleType, which XSD 1.0 does not allow (restrict a built-in type such as xs:string)`);
  const prim = base instanceof AtomicType ? base.prim : undefined;
  const allowed = base.variety === 'list' ? LIST_FACETS : base.variety === 'union' ? UNION_FACETS : (prim?.facets ?? UNION_FACETS);
  const specs = new Map<FacetName, FacetSpec[]>();
  for (const f of facets) {
    if (!allowed.has(f.name)) {
      const kind = base.variety === 'atomic' ? `xs:${prim?.name ?? base.builtin}` : `a ${base.variety} type`;
      throw new SchemaTypeError(`the facet ${f.name} does not apply to ${kind} (in ${what})`, f.name);
    }
    const spec = f.nsContext === undefined && opts?.nsContext ? { ...f, nsContext: opts.nsContext } : f;
    const list = specs.get(f.name);
    if (list) list.push(spec);
    else specs.set(f.name, [spec]);
  }
  const step: Step = { base: view(base), specs, typeName: what, next: { ...base.facets } };
  applyWhiteSpace(step);
  applyLength(step);
  applyDigits(step);
  applyBounds(step);
  applyEnumeration(step);
  applyPattern(step);
  return make(base, step.next, opts);
}

/** Build a derived type of base's variety from effective facets (no checks: used by restrict and JSON). */
export function make(base: SimpleType, facets: FacetSet, opts?: DefineOptions): SimpleType {
  const init = { name: opts?.name, base, builtin: base.builtin, facets, final: opts?.final ?? NO_FINAL, idKind: base.idKind };
  if (base instanceof AtomicType) return new AtomicType({ ...init, prim: base.prim, parse: base.parse });
  if (base.variety === 'list') return new ListType({ ...init, itemType: base.itemType as SimpleType });
  return new UnionType({ ...init, memberTypes: base.memberTypes ?? [] });
}

function containsList(t: SimpleType): boolean {
  return t.variety === 'list' || (t.variety === 'union' && (t.memberTypes ?? []).some(containsList));
}

const LIST_WS: FacetSet = { whiteSpace: 'collapse', whiteSpaceFixed: true, patterns: [] };

/** A list of `item`; throws SchemaTypeError when item is a list (or a union with one) or final forbids it. */
export function listOf(item: SimpleType, opts?: DefineOptions): SimpleType {
  const what = describe(opts);
  if (item.final.has('list')) throw new SchemaTypeError(`${what} is a list of ${labelOf(item)}, whose final forbids list`);
  if (containsList(item)) throw new SchemaTypeError(`${what} is a list of ${labelOf(item)}, which is itself a list type; the item type must be atomic or a union of atomic types`);
  const idKind: IdKind | undefined = item.idKind === 'IDREF' ? 'IDREFS' : item.idKind === 'ENTITY' ? 'ENTITIES' : item.idKind;
  return new ListType({ name: opts?.name, base: anySimpleType, builtin: 'anySimpleType', facets: LIST_WS, final: opts?.final ?? NO_FINAL, idKind, itemType: item });
}

/** A union of `members` (in order); throws SchemaTypeError when a member's final forbids union. */
export function unionOf(members: readonly SimpleType[], opts?: DefineOptions): SimpleType {
  const what = describe(opts);
  for (const m of members) {
    if (m.final.has('union')) throw new SchemaTypeError(`${what} is a union with member ${labelOf(m)}, whose final forbids union`);
  }
  const ws = members.length > 0 && members.every((m) => m.whiteSpace === 'collapse') ? 'collapse' : 'preserve';
  const facets: FacetSet = { whiteSpace: ws, whiteSpaceFixed: false, patterns: [] };
  return new UnionType({ name: opts?.name, base: anySimpleType, builtin: 'anySimpleType', facets, final: opts?.final ?? NO_FINAL, memberTypes: [...members] });
}

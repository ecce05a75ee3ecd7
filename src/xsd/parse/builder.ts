/**
 * The component builder: every top-level definition of every schema document is registered by
 * kind and expanded name (the symbol spaces of Part 1 §3.15.1), then built on first use, so
 * forward references and recursion need no ordering. A definition that needs itself to be built
 * (a type derived from itself, a group that contains itself) is a schema error. Element types are
 * resolved in a second pass, because a type's content may declare an element of that same type.
 */
import { SchemaError } from '../errors.js';
import { lineOf, type LoadedSet, type SchemaDoc } from '../load/loader.js';
import { qkey, XSD_NS } from '../names.js';
import { BuiltinDefs, urType } from './builtins.js';
import type { AttributeDecl, ComplexTypeDef, ElementDecl, IdentityConstraint, ModelGroup, NotationDecl, SimpleTypeDef, TypeDef, Wildcard } from './components.js';
import { fail, nameOf, qname, xsChildren, xsName, type At } from './context.js';
import type { AttributeContent } from './attributes.js';
import { Redefinitions } from './redefine.js';

/** The symbol spaces a name can be defined in. */
export type Space = 'type' | 'element' | 'attribute' | 'group' | 'attributeGroup' | 'notation' | 'identity';

const SPACE_OF: Readonly<Record<string, Space>> = {
  simpleType: 'type',
  complexType: 'type',
  element: 'element',
  attribute: 'attribute',
  group: 'group',
  attributeGroup: 'attributeGroup',
  notation: 'notation',
};

/** How each kind of definition is built (the construct modules register themselves here). */
export interface Constructs {
  type(b: Builder, at: At, name: { ns: string | null; local: string } | null): TypeDef;
  element(b: Builder, at: At): ElementDecl;
  attribute(b: Builder, at: At): AttributeDecl;
  group(b: Builder, at: At): ModelGroup;
  attributeGroup(b: Builder, at: At): AttributeContent;
  notation(b: Builder, at: At): NotationDecl;
}

/** One map per symbol space (Part 1 §2.5: each kind of component has its own names). */
function bySpace<T>(): Record<Space, Map<string, T>> {
  return { type: new Map(), element: new Map(), attribute: new Map(), group: new Map(), attributeGroup: new Map(), notation: new Map(), identity: new Map() };
}

/** Builds and holds the components of one schema set. */
export class Builder {
  readonly defs = bySpace<At>();
  private readonly built = bySpace<unknown>();
  private readonly building = new Set<string>();
  private readonly redefinitions = new Redefinitions();
  private readonly builtinDefs: BuiltinDefs;
  /** Every element declaration, global and local, in the order built. */
  readonly elements: ElementDecl[] = [];
  /** Every identity constraint, in the order read. */
  readonly identities: IdentityConstraint[] = [];
  /** Work that must wait until every definition exists (element types, keyref targets). */
  readonly later: (() => void)[] = [];
  readonly anyType: ComplexTypeDef;
  readonly anySimpleType: SimpleTypeDef;
  /** The lax any-element wildcard of anyType. */
  readonly anyWildcard: Wildcard;

  constructor(
    readonly set: LoadedSet,
    readonly constructs: Constructs,
  ) {
    ({ anyType: this.anyType, anyWildcard: this.anyWildcard } = urType());
    this.builtinDefs = new BuiltinDefs(this.anyType);
    this.anySimpleType = this.builtin('anySimpleType')!;
    for (const d of set.docs) this.registerDoc(d);
  }

  /** The built-in simple type definition of that local name (XSD namespace), or undefined. */
  builtin(local: string): SimpleTypeDef | undefined {
    return this.builtinDefs.get(local);
  }

  private registerDoc(d: SchemaDoc): void {
    const add = (at: At, space: Space) => {
      const key = qkey(d.tns, nameOf(at));
      const prev = this.defs[space].get(key);
      if (prev) fail(at, `${describeSpace(space)} ${key} is defined twice (also at ${prev.d.file}:${lineOf(prev.d, prev.node)})`);
      this.defs[space].set(key, at);
    };
    for (const at of xsChildren({ d, node: d.root })) {
      const local = xsName(at);
      const space = SPACE_OF[local];
      if (space) add(at, space);
      else if (local === 'redefine') {
        for (const r of xsChildren(at)) {
          const rs = SPACE_OF[xsName(r)];
          if (rs !== 'type' && rs !== 'group' && rs !== 'attributeGroup') fail(r, `xs:${xsName(r)} cannot appear inside xs:redefine`);
          this.redefinitions.add(r, rs);
        }
      } else if (local !== 'include' && local !== 'import') fail(at, `xs:${local} is not allowed at the top level of a schema`);
    }
  }

  /** The key a reference written at `at` means (see redefine.ts). */
  private keyFor(space: Space, at: At, key: string): string {
    return this.redefinitions.keyFor(space, at, key);
  }

  /** Build a definition once; a definition needed while it is being built is a circular one. */
  private get<T>(space: Space, key: string, at: At, make: (def: At) => T): T {
    const done = this.built[space].get(key);
    if (done !== undefined) return done as T;
    const def = this.defs[space].get(key);
    if (!def) this.missing(space, key, at);
    const mark = `${space} ${key}`;
    if (this.building.has(mark)) fail(at, `${describeSpace(space)} ${displayKey(key)} is defined in terms of itself`);
    this.building.add(mark);
    try {
      const v = make(def);
      this.built[space].set(key, v);
      return v;
    } finally {
      this.building.delete(mark);
    }
  }

  /** Record a component built before get() returns (elements may be referenced while their type builds). */
  private early(space: Space, key: string, v: unknown): void {
    this.built[space].set(key, v);
  }

  private missing(space: Space, key: string, at: At): never {
    const ns = key.startsWith('{') ? key.slice(1, key.indexOf('}')) : null;
    const lost = this.set.unresolved.find((u) => u.ns === ns);
    const why = lost ? ` (the schema for ${ns ?? 'no namespace'} named at ${lost.file}:${lost.line}, '${lost.ref}', could not be read locally)` : '';
    fail(at, `${describeSpace(space)} ${displayKey(key)} is not defined${why}`);
  }

  /** A type definition by QName value written at `at` (built-ins included). */
  typeRef(at: At, value: string): TypeDef {
    const q = qname(at, value);
    if (q.ns === XSD_NS) {
      if (q.local === 'anyType') return this.anyType;
      const b = this.builtin(q.local);
      if (b) return b;
    }
    return this.typeByKey(this.keyFor('type', at, qkey(q.ns, q.local)), at);
  }

  /** A type definition by key. */
  typeByKey(key: string, at: At): TypeDef {
    return this.get('type', key, at, (def) => {
      // a redefined original keeps a distinct name, so named references (and JSON) stay unambiguous
      const local = key.includes('\u0001') ? `${nameOf(def)}(redefined)` : nameOf(def);
      return this.constructs.type(this, def, { ns: def.d.tns, local });
    });
  }

  /** A global element declaration by QName value (it may still be waiting for its type). */
  elementRef(at: At, value: string): ElementDecl {
    const q = qname(at, value);
    return this.elementByKey(qkey(q.ns, q.local), at);
  }

  /** A global element declaration by key. */
  elementByKey(key: string, at: At): ElementDecl {
    return this.get('element', key, at, (def) => {
      const e = this.constructs.element(this, def);
      this.early('element', key, e);
      return e;
    });
  }

  /** A global attribute declaration by QName value. */
  attributeRef(at: At, value: string): AttributeDecl {
    const q = qname(at, value);
    return this.get('attribute', qkey(q.ns, q.local), at, (def) => this.constructs.attribute(this, def));
  }

  /** A named model group by QName value. */
  groupRef(at: At, value: string): ModelGroup {
    const q = qname(at, value);
    return this.get('group', this.keyFor('group', at, qkey(q.ns, q.local)), at, (def) => this.constructs.group(this, def));
  }

  /** A named attribute group by QName value. */
  attributeGroupRef(at: At, value: string): AttributeContent {
    const q = qname(at, value);
    return this.get('attributeGroup', this.keyFor('attributeGroup', at, qkey(q.ns, q.local)), at, (def) => this.constructs.attributeGroup(this, def));
  }

  /** A notation by QName value, or undefined. */
  notation(ns: string | null, local: string): NotationDecl | undefined {
    const key = qkey(ns, local);
    const def = this.defs.notation.get(key);
    return def ? this.get('notation', key, def, (d) => this.constructs.notation(this, d)) : undefined;
  }

  /** Register an identity constraint by name (names are unique across the set, §3.11.1). */
  addIdentity(ic: IdentityConstraint, at: At): void {
    const key = qkey(ic.ns, ic.local);
    if (this.built.identity.has(key)) fail(at, `identity constraint ${displayKey(key)} is defined twice`);
    this.built.identity.set(key, ic);
    this.identities.push(ic);
  }

  /** An identity constraint by QName value (for keyref refer=). */
  identityRef(at: At, value: string): IdentityConstraint {
    const q = qname(at, value);
    const key = qkey(q.ns, q.local);
    const ic = this.built.identity.get(key) as IdentityConstraint | undefined;
    if (!ic) fail(at, `refer="${value}": no key or unique constraint ${displayKey(key)} is defined`);
    return ic;
  }

  /** Build every top-level definition (so errors anywhere are found), then the deferred work. */
  buildAll(): void {
    this.redefinitions.apply(this.defs, (s) => describeSpace(s as Space));
    for (const space of ['type', 'attributeGroup', 'group', 'attribute', 'element', 'notation'] as const) {
      for (const [key, at] of [...this.defs[space]]) {
        if (space === 'type') this.typeByKey(key, at);
        else if (space === 'element') this.elementByKey(key, at);
        else if (space === 'notation') this.notation(at.d.tns, nameOf(at));
        else this.get(space, key, at, (def) => (this.constructs[space] as (b: Builder, at: At) => unknown)(this, def));
      }
    }
    while (this.later.length) this.later.shift()!();
  }

  /** Every global component of a space that was built, by key. */
  globals<T>(space: Space): Map<string, T> {
    return this.built[space] as Map<string, T>;
  }
}

/** How a symbol space is named in messages. */
function describeSpace(space: Space): string {
  return { type: 'type', element: 'element', attribute: 'attribute', group: 'group', attributeGroup: 'attribute group', notation: 'notation', identity: 'identity constraint' }[space];
}

/** A key as people read it (`{urn:x}a`, with a redefinition's hidden suffix removed). */
export function displayKey(key: string): string {
  return key.replace(/\u0001.*$/, '');
}

export { SchemaError };

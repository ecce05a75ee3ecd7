/**
 * Components -> compiled tables (compiled.ts): names become symbol ids, namespaces namespace ids,
 * every declaration and type an index, every content model an automaton (content/automaton.ts)
 * whose leaves already list the substitution group members each element particle accepts (§3.3.6,
 * abstract ones and blocked ones left out).
 */
import { buildAutomaton, type Alphabet } from './content/automaton.js';
import { EMPTY, ExprTable } from './content/expr.js';
import { Content, Process, WildMode, type RtAttrUse, type RtIdc, type RtLeaf, type RtModel, type RtPath, type RtSchema, type RtType, type RtValue } from './compiled.js';
import { Flag, qkey, XSD_NS } from './names.js';
import type { SimpleType } from './simple.js';
import type { Builder } from './parse/builder.js';
import type { AttributeDecl, ElementDecl, IdentityConstraint, ModelGroup, Particle, TypeDef, ValueConstraint, Wildcard, XPathPath } from './parse/components.js';
import { substitutable, substitutionGroups } from './parse/derivation.js';
import { typeOf } from './parse/element.js';
import { emptiable } from './parse/checks.js';
import { builtinNames } from './types/index.js';

/** Turn built components into a compiled schema. */
export function lower(b: Builder): RtSchema {
  const rt: RtSchema = {
    ns: [null],
    symNs: [],
    symLocal: [],
    elems: [],
    types: [],
    attrs: [],
    wilds: [],
    models: [],
    idcs: [],
    simple: [],
    globalElem: [],
    globalAttr: [],
    globalType: new Map(),
    notations: new Set(),
    anyType: 0,
    nsIndex: new Map([[null, 0]]),
    symIndex: new Map(),
  };
  const elemIds = new Map<ElementDecl, number>();
  const typeIds = new Map<TypeDef, number>();
  const simpleIds = new Map<SimpleType, number>();
  const attrIds = new Map<AttributeDecl, number>();
  const wildIds = new Map<Wildcard, number>();
  const idcIds = new Map<IdentityConstraint, number>();
  const modelIds = new Map<Particle, number>();
  const groups = substitutionGroups(b.elements);
  const abc: Alphabet = rt;

  const nsId = (ns: string | null): number => {
    let id = rt.nsIndex.get(ns);
    if (id === undefined) {
      id = rt.ns.length;
      rt.ns.push(ns);
      rt.nsIndex.set(ns, id);
    }
    return id;
  };
  const sym = (ns: string | null, local: string): number => {
    const key = qkey(ns, local);
    let id = rt.symIndex.get(key);
    if (id === undefined) {
      id = rt.symNs.length;
      rt.symNs.push(nsId(ns));
      rt.symLocal.push(local);
      rt.symIndex.set(key, id);
      rt.globalElem.push(-1);
      rt.globalAttr.push(-1);
    }
    return id;
  };
  const value = (v: ValueConstraint | undefined): RtValue | undefined => (v ? { fixed: v.fixed, lexical: v.lexical, ...(v.ns?.length ? { ns: v.ns } : {}) } : undefined);
  const simpleId = (t: SimpleType): number => {
    let id = simpleIds.get(t);
    if (id === undefined) {
      id = rt.simple.length;
      rt.simple.push(t);
      simpleIds.set(t, id);
    }
    return id;
  };
  const wildId = (w: Wildcard): number => {
    let id = wildIds.get(w);
    if (id === undefined) {
      id = rt.wilds.length;
      const c = w.constraint;
      rt.wilds.push({
        mode: c.kind === 'any' ? WildMode.Any : c.kind === 'not' ? WildMode.Not : WildMode.Set,
        ns: c.kind === 'any' ? [] : c.ns.map(nsId),
        process: w.process === 'strict' ? Process.Strict : w.process === 'lax' ? Process.Lax : Process.Skip,
      });
      wildIds.set(w, id);
    }
    return id;
  };
  const attrId = (a: AttributeDecl): number => {
    let id = attrIds.get(a);
    if (id === undefined) {
      id = rt.attrs.length;
      rt.attrs.push({ sym: sym(a.ns, a.local), type: simpleId(a.type.type), global: a.global });
      attrIds.set(a, id);
      const r = rt.attrs[id];
      const v = value(a.value);
      if (v) r.value = v;
      if (a.doc) r.doc = a.doc;
    }
    return id;
  };
  const elemId = (e: ElementDecl): number => {
    let id = elemIds.get(e);
    if (id === undefined) {
      id = rt.elems.length;
      elemIds.set(e, id);
      rt.elems.push({ sym: sym(e.ns, e.local), type: -1, global: e.global, nillable: e.nillable, abstract: e.abstract, block: e.block, head: -1 });
      const r = rt.elems[id];
      r.type = typeId(typeOf(e));
      if (e.head) r.head = elemId(e.head);
      const v = value(e.value);
      if (v) r.value = v;
      if (e.identity.length) r.idcs = e.identity.map(idcId);
      if (e.doc) r.doc = e.doc;
    }
    return id;
  };
  const path = (p: XPathPath): RtPath => ({
    deep: p.deep,
    steps: p.steps.map((s) => [s.ns === undefined ? -2 : nsId(s.ns), s.local ?? null]),
    attr: p.attribute ? [p.attribute.ns === undefined ? -2 : nsId(p.attribute.ns), p.attribute.local ?? null] : null,
  });
  const idcId = (ic: IdentityConstraint): number => {
    let id = idcIds.get(ic);
    if (id === undefined) {
      id = rt.idcs.length;
      idcIds.set(ic, id);
      const r: RtIdc = { kind: ic.kind === 'unique' ? 0 : ic.kind === 'key' ? 1 : 2, name: ic.local, refer: -1, selector: ic.selector.paths.map(path), fields: ic.fields.map((f) => f.paths.map(path)) };
      rt.idcs.push(r);
      if (ic.refer) r.refer = idcId(ic.refer);
    }
    return id;
  };

  const leafOf = (e: ElementDecl): RtLeaf => {
    if (!e.global) return { syms: [sym(e.ns, e.local)], decls: [elemId(e)] };
    const leaf: RtLeaf = { syms: [], decls: [] };
    for (const m of groups.get(e) ?? [e]) {
      if (m.abstract) {
        (leaf.abstracts ??= []).push(sym(m.ns, m.local));
        continue;
      }
      if (m !== e && !substitutable(m, e, b.anyType)) continue;
      leaf.syms!.push(sym(m.ns, m.local));
      leaf.decls!.push(elemId(m));
    }
    return leaf;
  };

  const modelId = (p: Particle): number => {
    let id = modelIds.get(p);
    if (id !== undefined) return id;
    id = rt.models.length;
    modelIds.set(p, id);
    rt.models.push(null as unknown as RtModel);
    rt.models[id] = compileModel(p);
    return id;
  };
  const compileModel = (p: Particle): RtModel => {
    const t = p.term;
    if (t.kind === 'group' && t.compositor === 'all' && t.particles.length) {
      const members = t.particles.map((q) => leafOf(q.term as ElementDecl));
      return { states: [], leaves: members, all: { members, required: t.particles.map((q) => q.min > 0), optional: p.min === 0 } };
    }
    const table = new ExprTable();
    const leaves: RtLeaf[] = [];
    const expr = (q: Particle): number => {
      const term = q.term;
      let x: number;
      if (term.kind === 'element') {
        leaves.push(leafOf(term));
        x = table.leaf(leaves.length - 1);
      } else if (term.kind === 'wildcard') {
        leaves.push({ wild: wildId(term) });
        x = table.leaf(leaves.length - 1);
      } else x = group(term);
      return table.rep(x, q.min, q.max);
    };
    const group = (g: ModelGroup): number => {
      const parts = g.particles.map(expr);
      if (g.compositor === 'choice') return parts.length ? table.alt(parts) : EMPTY;
      let x = 1; // EPS
      for (let i = parts.length - 1; i >= 0; i--) x = table.seq(parts[i], x);
      return x;
    };
    return buildAutomaton(table, expr(p), leaves, abc);
  };

  const typeId = (t: TypeDef): number => {
    let id = typeIds.get(t);
    if (id !== undefined) return id;
    id = rt.types.length;
    typeIds.set(t, id);
    const r: RtType = { name: t.local === null ? null : qkey(t.ns, t.local), simple: -1, content: Content.Empty, value: -1, model: -1, uses: [], required: 0, wild: -1, abstract: false, block: 0, base: id, method: Flag.Restriction };
    rt.types.push(r);
    if (t.doc) r.doc = t.doc;
    if (t.kind === 'simple') {
      r.simple = simpleId(t.type);
      r.content = Content.Simple;
      r.value = r.simple;
      r.base = t.base ? typeId(t.base) : id;
      return id;
    }
    r.abstract = t.abstract;
    r.block = t.block;
    r.method = t.derivation === 'extension' ? Flag.Extension : Flag.Restriction;
    r.base = t.base === t ? id : typeId(t.base);
    const c = t.content;
    if (c.kind === 'simple') {
      r.content = Content.Simple;
      r.value = simpleId(c.type.type);
    } else if (c.kind !== 'empty') {
      r.content = c.kind === 'mixed' ? Content.Mixed : Content.Element;
      r.model = modelId(c.particle);
      if (c.kind === 'mixed' && emptiable(c.particle)) r.emptiable = true;
    }
    for (const u of t.attributes.values()) {
      const use: RtAttrUse = { sym: sym(u.decl.ns, u.decl.local), attr: attrId(u.decl), required: u.required };
      const v = value(u.value);
      if (v) use.value = v;
      r.uses.push(use);
      if (u.required) r.required++;
    }
    if (t.attributeWildcard) r.wild = wildId(t.attributeWildcard);
    return id;
  };

  rt.anyType = typeId(b.anyType);
  for (const name of builtinNames()) {
    const def = b.builtin(name);
    if (def) rt.globalType.set(qkey(XSD_NS, name), typeId(def));
  }
  rt.globalType.set(qkey(XSD_NS, 'anyType'), rt.anyType);
  for (const [key, t] of b.globals<TypeDef>('type')) if (!key.includes('\u0001')) rt.globalType.set(key, typeId(t));
  for (const e of b.elements) {
    const id = elemId(e);
    if (e.global) rt.globalElem[rt.elems[id].sym] = id;
  }
  for (const a of b.globals<AttributeDecl>('attribute').values()) rt.globalAttr[sym(a.ns, a.local)] = attrId(a);
  for (const [key] of b.defs.notation) rt.notations.add(key);
  for (const ic of b.identities) idcId(ic);
  return rt;
}

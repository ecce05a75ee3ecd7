/**
 * What editors ask a compiled schema (the language server and playground): which elements may go
 * at a position, in schema order, with their documentation; and which declaration and type stand
 * behind an element or attribute of a document (hover). Both replay the automata from the root, so
 * they work on documents that are not valid yet, as far as the document is.
 */
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { findSym, findWild, stateAt } from './content/automaton.js';
import { Content, WildMode, type RtSchema } from './compiled.js';
import { XSI_NS } from './names.js';

/** The XML Schema namespace: built-in type names are shown as `xs:name`. */
const XS_NS = 'http://www.w3.org/2001/XMLSchema';

/** An element that may be inserted. */
export interface AllowedElement {
  ns: string | null;
  local: string;
  /** xs:documentation of its declaration, if any. */
  doc?: string;
}

/** Where a node's declaration comes from. */
export interface NodeInfo {
  kind: 'element' | 'attribute';
  ns: string | null;
  local: string;
  /** The type's name (`{ns}local` written as `local`), or null for an anonymous type; undefined when unknown. */
  type?: string | null;
  /** Documentation of the declaration, else of its type. */
  doc?: string;
  /** How the node is matched: by its declaration, a wildcard, or not at all. */
  by: 'declaration' | 'wildcard' | 'none';
}

/** Declaration (element id, -1 none) and type (-1 unknown) of an element, found from the root down. */
function locate(rt: RtSchema, doc: XmlDoc, node: number): { decl: number; type: number; by: NodeInfo['by'] } {
  const chain: number[] = [];
  for (let n = node; n > 0; n = doc.parents[n]) if (doc.kinds[n] === NodeKind.Element) chain.unshift(n);
  const sym = (n: number) => rt.symIndex.get(doc.ns(n) === null ? doc.local(n) : `{${doc.ns(n)}}${doc.local(n)}`) ?? -1;
  const withXsi = (n: number, t: number) => {
    const v = doc.attr(n, 'type', XSI_NS);
    if (v === undefined) return t;
    const i = v.indexOf(':');
    const ns = doc.lookupNamespace(n, i < 0 ? '' : v.slice(0, i));
    const local = i < 0 ? v : v.slice(i + 1);
    return rt.globalType.get(ns ? `{${ns}}${local}` : local) ?? t;
  };
  let decl = rt.globalElem[sym(chain[0])] ?? -1;
  let type = decl >= 0 ? withXsi(chain[0], rt.elems[decl].type) : -1;
  let by: NodeInfo['by'] = decl >= 0 ? 'declaration' : 'none';
  for (let k = 1; k < chain.length; k++) {
    const parent = chain[k - 1];
    const child = chain[k];
    const t = type >= 0 ? rt.types[type] : null;
    decl = -1;
    by = 'none';
    if (t && t.model >= 0) {
      const model = rt.models[t.model];
      if (model.all) {
        const s = sym(child);
        for (const m of model.all.members) {
          const i = m.syms!.indexOf(s);
          if (i >= 0) decl = m.decls![i];
        }
        if (decl >= 0) by = 'declaration';
      } else {
        let state = 0;
        for (let c = doc.firsts[parent]; c !== -1; c = doc.nexts[c]) {
          if (doc.kinds[c] !== NodeKind.Element) continue;
          const st = stateAt(model, state, rt);
          const s = sym(c);
          const i = s >= 0 ? findSym(st, s) : -1;
          const j = i < 0 ? findWild(st, rt.nsIndex.get(doc.ns(c)) ?? -1, rt.wilds) : -1;
          if (i < 0 && j < 0) break;
          const match = i >= 0 ? st.match[i] : ~st.wild[j];
          state = i >= 0 ? st.next[i] : st.wnext[j];
          if (c !== child) continue;
          if (match >= 0) [decl, by] = [match, 'declaration'];
          else [decl, by] = [s >= 0 ? rt.globalElem[s] : -1, 'wildcard'];
          break;
        }
      }
    }
    if (decl < 0 && by === 'none') {
      const g = rt.globalElem[sym(child)] ?? -1;
      if (g >= 0) decl = g;
    }
    type = decl >= 0 ? withXsi(child, rt.elems[decl].type) : -1;
  }
  return { decl, type, by };
}

/**
 * The elements allowed as a child of `parent` just before its child `before` (-1: at the end), in
 * schema order: what may come at that point given the children before it.
 */
export function allowedChildren(rt: RtSchema, doc: XmlDoc, parent: number, before: number, fit = false): AllowedElement[] {
  const { type } = locate(rt, doc, parent);
  const t = type >= 0 ? rt.types[type] : null;
  if (!t || t.model < 0 || (t.content !== Content.Element && t.content !== Content.Mixed)) return [];
  const model = rt.models[t.model];
  const describe = (sym: number, decl: number): AllowedElement => {
    const e = rt.elems[decl];
    const out: AllowedElement = { ns: rt.ns[rt.symNs[sym]], local: rt.symLocal[sym] };
    const text = e.doc ?? rt.types[e.type].doc;
    if (text) out.doc = text;
    return out;
  };
  const prior: number[] = [];
  for (let c = doc.firsts[parent]; c !== -1 && c !== before; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element) prior.push(c);
  const symOf = (n: number) => rt.symIndex.get(doc.ns(n) === null ? doc.local(n) : `{${doc.ns(n)}}${doc.local(n)}`) ?? -1;
  if (model.all) {
    const used = new Set(prior.map(symOf));
    return model.all.members.flatMap((m) => (m.syms!.some((s) => used.has(s)) ? [] : m.syms!.map((s, i) => describe(s, m.decls![i]))));
  }
  let state = 0;
  for (const c of prior) {
    const st = stateAt(model, state, rt);
    const s = symOf(c);
    const i = s >= 0 ? findSym(st, s) : -1;
    const j = i < 0 ? findWild(st, rt.nsIndex.get(doc.ns(c)) ?? -1, rt.wilds) : -1;
    if (i < 0 && j < 0) break;
    state = i >= 0 ? st.next[i] : st.wnext[j];
  }
  const st = stateAt(model, state, rt);
  const all = st.syms.flatMap((s, i) => (st.match[i] >= 0 ? [{ s, i }] : []));
  if (!fit) return all.map(({ s, i }) => describe(s, st.match[i]));
  // A candidate fits only if the child after the position (`before`) can still follow it.
  const next = before >= 0 && doc.kinds[before] === NodeKind.Element ? before : -1;
  const follows = (to: number) => {
    if (next < 0) return true;
    const st2 = stateAt(model, to, rt);
    const s = symOf(next);
    return (s >= 0 && findSym(st2, s) >= 0) || findWild(st2, rt.nsIndex.get(doc.ns(next)) ?? -1, rt.wilds) >= 0;
  };
  const fitting = all.filter(({ i }) => follows(st.next[i]));
  // When nothing fits before the next child, that child is out of place already: offer what may come here.
  return (fitting.length ? fitting : all).map(({ s, i }) => describe(s, st.match[i]));
}

/** A simple type as an editor shows it: its name, `xs:name` for a built-in, else the message label (`string (enumeration)`). */
function simpleTypeName(st: RtSchema['simple'][number]): string {
  if (st.name) return st.name.ns === XS_NS ? `xs:${st.name.local}` : st.name.local;
  const f = (st.facets ?? {}) as unknown as Record<string, unknown>;
  const builtin = Object.keys(f).every((k) => k === 'whiteSpace' || k === 'whiteSpaceFixed' || k === 'patterns') && !(f.patterns as unknown[] | undefined)?.length;
  return builtin ? `xs:${st.builtin}` : st.label;
}

/** The declaration and type behind an element (`attr` -1) or one of its attributes. */
export function describeNode(rt: RtSchema, doc: XmlDoc, node: number, attr = -1): NodeInfo {
  const { decl, type, by } = locate(rt, doc, node);
  const typeName = (id: number) => (id < 0 ? undefined : (rt.types[id].name?.replace(/^\{http:\/\/www\.w3\.org\/2001\/XMLSchema\}/, 'xs:').replace(/^\{[^}]*\}/, '') ?? null));
  if (attr < 0) {
    const info: NodeInfo = { kind: 'element', ns: doc.ns(node), local: doc.local(node), by };
    const tn = typeName(type);
    if (tn !== undefined) info.type = tn;
    const text = (decl >= 0 ? rt.elems[decl].doc : undefined) ?? (type >= 0 ? rt.types[type].doc : undefined);
    if (text) info.doc = text;
    return info;
  }
  const ns = doc.attrNs(attr);
  const local = doc.attrLocal(attr);
  const info: NodeInfo = { kind: 'attribute', ns, local, by: 'none' };
  const s = rt.symIndex.get(ns === null ? local : `{${ns}}${local}`) ?? -1;
  const t = type >= 0 ? rt.types[type] : null;
  const use = t?.uses.find((u) => u.sym === s);
  const a = use ? use.attr : t && t.wild >= 0 && s >= 0 && rt.wilds[t.wild].mode !== WildMode.Set ? rt.globalAttr[s] : -1;
  if (a >= 0) {
    const st = rt.simple[rt.attrs[a].type];
    info.by = use ? 'declaration' : 'wildcard';
    info.type = simpleTypeName(st);
    if (rt.attrs[a].doc) info.doc = rt.attrs[a].doc;
  }
  return info;
}

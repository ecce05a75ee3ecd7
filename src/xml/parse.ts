/**
 * The read engine: a node of the document tree + a description -> a typed model object. Tolerant:
 * children are matched by name wherever they stand (so `fmt` can repair order), duplicates and unknown
 * elements are kept in `$any`, undeclared attributes in `$attrs`, namespace declarations that build
 * would not write by itself in `$ns`. Nothing is lost. Each object remembers its node (positions.ts).
 */
import type { ChoiceParticle, ComplexDesc, Content, ElementParticle, LeafDesc } from '../model/dsl.js';
import { NodeKind, type XmlDoc } from './doc.js';
import { CONVENTIONAL_PREFIX, clark } from './names.js';
import { setInfo, type Place } from './positions.js';
import type { XElement, XNode } from './tree.js';

type Hit = { particle: ElementParticle; choice?: ChoiceParticle };
/** Namespace -> local name -> the particle that takes it. */
type Index = Map<string | null, Map<string, Hit>>;
const indexes = new WeakMap<ComplexDesc, Index>();

/** Child element name -> the particle that takes it, computed once per description. */
function particleIndex(desc: ComplexDesc): Index {
  let m = indexes.get(desc);
  if (!m) {
    const idx: Index = new Map();
    const put = (ns: string | null, local: string, hit: Hit) => {
      let byName = idx.get(ns);
      if (!byName) idx.set(ns, (byName = new Map()));
      byName.set(local, hit);
    };
    for (const p of desc.children) {
      if (p.kind === 'element') put(p.ns, p.local, { particle: p });
      else for (const o of p.options) put(o.ns, o.local, { particle: o, choice: p });
    }
    indexes.set(desc, idx);
    m = idx;
  }
  return m;
}

/**
 * Namespace declarations on element n that build would not write by itself: every declaration but a
 * conventional prefix bound to its conventional namespace (those build declares on the root). Kept so
 * that prefixes used inside values (xsi:type="xs:int", QName content) stay declared and bound.
 */
function keptDecls(doc: XmlDoc, n: number): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const [prefix, uri] of doc.namespaceDecls(n)) {
    // The default namespace is the writer's own (vcloud, or none): a value's unprefixed QName is not kept bound (yet).
    if (prefix === '') continue;
    if (CONVENTIONAL_PREFIX[uri] === prefix || (prefix === 'vcloud' && CONVENTIONAL_PREFIX[uri] === '')) continue;
    (out ??= {})[prefix] = uri;
  }
  return out;
}

/** Set a key of a record read from the document: an attribute named `__proto__` is data, not the prototype. */
function put(o: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/**
 * A subtree as a plain XElement for `$any` and `$xml` (iterative: depth is bounded by the reader's
 * limit, not by the JavaScript stack). Whitespace between child elements is indentation, not
 * content: it is dropped so rebuilt trees compare equal. Comments and PIs live in the tree (fmt).
 */
export function toXElement(doc: XmlDoc, n: number): XElement {
  const make = (e: number): XElement => {
    const x: XElement = { ns: doc.ns(e), name: doc.local(e) };
    const prefix = doc.prefix(e);
    if (prefix) x.prefix = prefix;
    const f = doc.attrFirst[e];
    for (let a = f; a < f + doc.attrLen[e]; a++) {
      if (doc.isNamespaceDecl(a)) continue;
      put((x.attrs ??= {}), clark(doc.attrNs(a), doc.attrLocal(a)), doc.attrValue(a));
    }
    const ns = keptDecls(doc, e);
    if (ns) x.namespaces = ns;
    setInfo(x, { doc, node: e });
    return x;
  };
  const top = make(n);
  const stack: [number, XElement][] = [[n, top]];
  while (stack.length) {
    const [e, x] = stack.pop()!;
    const hasElements = doc.hasElementChildren(e);
    let children: XNode[] | undefined;
    for (let c = doc.firsts[e]; c !== -1; c = doc.nexts[c]) {
      const k = doc.kinds[c];
      if (k === NodeKind.Element) {
        const child = make(c);
        (children ??= []).push(child);
        stack.push([c, child]);
      } else if (k === NodeKind.Text || k === NodeKind.CData) {
        if (hasElements && doc.isWhitespace(c)) continue;
        // Adjacent text and CDATA are one piece of character data.
        const last = children?.[children.length - 1];
        if (last && 'text' in last) last.text += doc.value(c);
        else (children ??= []).push({ text: doc.value(c) });
      }
    }
    if (children) x.children = children;
  }
  return top;
}

/** Read an element's content by its description. */
export function readContent(doc: XmlDoc, n: number, content: Content, anchor?: Place): unknown {
  switch (content.kind) {
    case 'leaf':
      return readLeaf(doc, n, content, anchor);
    case 'complex':
      return readComplex(doc, n, content, anchor);
    case 'xml':
      return toXElement(doc, n);
  }
}

function readLeaf(doc: XmlDoc, n: number, desc: LeafDesc, anchor?: Place): unknown {
  let text = '';
  let extra: XNode[] | undefined;
  for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
    const k = doc.kinds[c];
    if (k === NodeKind.Element) (extra ??= []).push(toXElement(doc, c));
    else if (k === NodeKind.Text || k === NodeKind.CData) text += doc.value(c);
  }
  const nAttrs = doc.attrLen[n];
  const decls = doc.flags[n] & 2 ? keptDecls(doc, n) : undefined;
  if (nAttrs === 0 && !extra) return text;
  let ownAttrs = 0;
  const obj: Record<string, unknown> = { $value: text };
  const f = doc.attrFirst[n];
  for (let a = f; a < f + nAttrs; a++) {
    if (doc.isNamespaceDecl(a)) continue;
    ownAttrs++;
    const ns = doc.attrNs(a);
    const local = doc.attrLocal(a);
    const d = desc.attrs.find((x) => x.local === local && x.ns === ns);
    if (d) obj[d.key] = doc.attrValue(a);
    else put((obj.$attrs ??= {}) as Record<string, string>, clark(ns, local), doc.attrValue(a));
  }
  // Only namespace declarations: the value is still the scalar (nothing for the model to keep but them).
  if (ownAttrs === 0 && !extra && !decls) return text;
  if (decls) obj.$ns = decls;
  if (extra) obj.$any = extra;
  setInfo(obj, { doc, node: n, desc, anchor });
  return obj;
}

function readComplex(doc: XmlDoc, n: number, desc: ComplexDesc, anchor?: Place): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const f = doc.attrFirst[n];
  for (let a = f; a < f + doc.attrLen[n]; a++) {
    if (doc.isNamespaceDecl(a)) continue;
    const ns = doc.attrNs(a);
    const local = doc.attrLocal(a);
    const d = desc.attrs.find((x) => x.local === local && x.ns === ns);
    if (d) obj[d.key] = doc.attrValue(a);
    else put((obj.$attrs ??= {}) as Record<string, string>, clark(ns, local), doc.attrValue(a));
  }
  if (doc.flags[n] & 2) {
    const decls = keptDecls(doc, n);
    if (decls) obj.$ns = decls;
  }
  const index = particleIndex(desc);
  const unknownChoice = desc.children.find((p): p is ChoiceParticle => p.kind === 'choice' && p.keepUnknown);
  let any: XNode[] | undefined;
  for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
    const k = doc.kinds[c];
    if (k !== NodeKind.Element) {
      if ((k === NodeKind.Text || k === NodeKind.CData) && !doc.isWhitespace(c)) (any ??= []).push({ text: doc.value(c) });
      continue;
    }
    const hit = index.get(doc.ns(c))?.get(doc.local(c));
    if (!hit) {
      const x = toXElement(doc, c);
      if (anchor) setInfo(x, { doc, node: c, anchor });
      if (unknownChoice) ((obj[unknownChoice.key] ??= []) as unknown[]).push({ $xml: x });
      else (any ??= []).push(x);
      continue;
    }
    const { particle, choice } = hit;
    if (choice) {
      ((obj[choice.key] ??= []) as unknown[]).push({ [particle.key]: readContent(doc, c, particle.content, anchor) });
    } else if (particle.many) {
      ((obj[particle.key] ??= []) as unknown[]).push(readContent(doc, c, particle.content, anchor));
    } else if (obj[particle.key] !== undefined) {
      // A second occurrence of a single child: keep it (the schema check reports it), written back at the end.
      const x = toXElement(doc, c);
      if (anchor) setInfo(x, { doc, node: c, anchor });
      (any ??= []).push(x);
    } else {
      obj[particle.key] = readContent(doc, c, particle.content, anchor);
    }
  }
  if (any) obj.$any = any;
  setInfo(obj, { doc, node: n, desc, anchor });
  return obj;
}

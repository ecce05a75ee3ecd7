/**
 * The read engine: a generic element tree + a description -> a typed model object. Tolerant:
 * children are matched by name wherever they stand (so `fmt` can repair order), duplicates and unknown
 * elements are kept in `$any`, undeclared attributes in `$attrs`. Nothing is lost.
 */
import type { ComplexDesc, Content, ElementParticle, LeafDesc, ChoiceParticle } from '../model/dsl.js';
import { clark } from './names.js';
import type { Place, NodeInfo } from './positions.js';
import { setInfo } from './positions.js';
import type { ReadElement, ReadNode } from './read.js';
import type { XElement, XNode } from './tree.js';

type Hit = { particle: ElementParticle; choice?: ChoiceParticle };
/** Namespace -> local name -> the particle that takes it (two levels: no Clark strings built per child). */
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

function isElement(n: ReadNode): n is ReadElement {
  return (n as ReadElement).name !== undefined;
}

/** Strip positions: a ReadElement as a plain XElement for `$any` and `$xml`. */
export function toXElement(el: ReadElement): XElement {
  const x: XElement = { ns: el.ns, name: el.name };
  if (el.prefix) x.prefix = el.prefix;
  if (el.attrs.length) {
    x.attrs = {};
    for (const a of el.attrs) x.attrs[clark(a.ns, a.name)] = a.value;
  }
  // Whitespace between child elements is indentation, not content: drop it so rebuilt trees compare equal.
  const hasElements = el.children.some(isElement);
  const children = el.children.filter((c) => isElement(c) || !hasElements || c.text.trim() !== '');
  if (children.length) x.children = children.map((c): XNode => (isElement(c) ? toXElement(c) : { text: c.text }));
  return x;
}

/** Position facts for an object read from `el` (one literal: this runs for every element). */
function nodeInfo(el: ReadElement, path: string): NodeInfo {
  return { line: el.line, column: el.column, path, at: new Map() };
}

function place(el: ReadElement, path: string): Place {
  return { line: el.line, column: el.column, path };
}

/**
 * Child paths the way libxml2 writes them: `[n]` only when the parent has several children of that
 * name. Returned in child order (undefined for text), counted per namespace and name without
 * building Clark strings (this runs for every element of a document).
 */
export function childPaths(el: ReadElement, path: string): (string | undefined)[] {
  const kids = el.children;
  const out: (string | undefined)[] = new Array(kids.length);
  // Few children (the usual case): compare pairwise; many: count with maps.
  if (kids.length <= 16) {
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (!isElement(c)) continue;
      let before = 0;
      let total = 0;
      for (let j = 0; j < kids.length; j++) {
        const d = kids[j];
        if (isElement(d) && d.name === c.name && d.ns === c.ns) {
          total++;
          if (j < i) before++;
        }
      }
      out[i] = total > 1 ? `${path}/${c.name}[${before + 1}]` : `${path}/${c.name}`;
    }
    return out;
  }
  const counts = new Map<string | null, Map<string, number>>();
  for (const c of kids) {
    if (!isElement(c)) continue;
    let m = counts.get(c.ns);
    if (!m) counts.set(c.ns, (m = new Map()));
    m.set(c.name, (m.get(c.name) ?? 0) + 1);
  }
  const seen = new Map<string | null, Map<string, number>>();
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (!isElement(c)) continue;
    let m = seen.get(c.ns);
    if (!m) seen.set(c.ns, (m = new Map()));
    const n = (m.get(c.name) ?? 0) + 1;
    m.set(c.name, n);
    out[i] = counts.get(c.ns)!.get(c.name)! > 1 ? `${path}/${c.name}[${n}]` : `${path}/${c.name}`;
  }
  return out;
}

/** Read an element's content by its description. */
export function readContent(el: ReadElement, content: Content, path: string): unknown {
  switch (content.kind) {
    case 'leaf':
      return readLeaf(el, content, path);
    case 'complex':
      return readComplex(el, content, path);
    case 'xml': {
      const x = toXElement(el);
      setInfo(x, nodeInfo(el, path));
      return x;
    }
  }
}

function readLeaf(el: ReadElement, desc: LeafDesc, path: string): unknown {
  let text = '';
  const extra: XNode[] = [];
  for (const c of el.children) {
    if (isElement(c)) extra.push(toXElement(c));
    else text += c.text;
  }
  if (el.attrs.length === 0 && extra.length === 0) return text;
  const obj: Record<string, unknown> = { $value: text };
  for (const a of el.attrs) {
    const d = desc.attrs.find((x) => x.local === a.name && x.ns === a.ns);
    if (d) obj[d.key] = a.value;
    else ((obj.$attrs ??= {}) as Record<string, string>)[clark(a.ns, a.name)] = a.value;
  }
  if (extra.length) obj.$any = extra;
  setInfo(obj, nodeInfo(el, path));
  return obj;
}

function readComplex(el: ReadElement, desc: ComplexDesc, path: string): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const info: NodeInfo = nodeInfo(el, path);
  for (const a of el.attrs) {
    const d = desc.attrs.find((x) => x.local === a.name && x.ns === a.ns);
    if (d) {
      obj[d.key] = a.value;
      info.at.set(`@${d.key}`, info);
    } else ((obj.$attrs ??= {}) as Record<string, string>)[clark(a.ns, a.name)] = a.value;
  }
  const index = particleIndex(desc);
  const unknownChoice = desc.children.find((p): p is ChoiceParticle => p.kind === 'choice' && p.keepUnknown);
  const paths = childPaths(el, path);
  const any: XNode[] = [];
  const kids = el.children;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (!isElement(c)) {
      if (c.text.trim() !== '') any.push({ text: c.text });
      continue;
    }
    const cpath = paths[i]!;
    const hit = index.get(c.ns)?.get(c.name);
    if (!hit) {
      const x = toXElement(c);
      setInfo(x, nodeInfo(c, cpath));
      if (unknownChoice) ((obj[unknownChoice.key] ??= []) as unknown[]).push({ $xml: x });
      else any.push(x);
      continue;
    }
    const { particle, choice } = hit;
    const value = readContent(c, particle.content, cpath);
    if (choice) {
      ((obj[choice.key] ??= []) as unknown[]).push({ [particle.key]: value });
      pushPlace(info, choice.key, place(c, cpath));
    } else if (particle.many) {
      ((obj[particle.key] ??= []) as unknown[]).push(value);
      pushPlace(info, particle.key, place(c, cpath));
    } else if (obj[particle.key] !== undefined) {
      // A second occurrence of a single child: keep it (the schema check reports it), written back at the end.
      const x = toXElement(c);
      setInfo(x, nodeInfo(c, cpath));
      any.push(x);
    } else {
      obj[particle.key] = value;
      info.at.set(particle.key, place(c, cpath));
    }
  }
  if (any.length) obj.$any = any;
  setInfo(obj, info);
  return obj;
}

function pushPlace(info: NodeInfo, key: string, p: Place): void {
  const cur = info.at.get(key);
  if (Array.isArray(cur)) cur.push(p);
  else info.at.set(key, [p]);
}

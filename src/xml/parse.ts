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
const indexes = new WeakMap<ComplexDesc, Map<string, Hit>>();

/** Child element name (Clark) -> the particle that takes it, computed once per description. */
function particleIndex(desc: ComplexDesc): Map<string, Hit> {
  let m = indexes.get(desc);
  if (!m) {
    m = new Map();
    for (const p of desc.children) {
      if (p.kind === 'element') m.set(clark(p.ns, p.local), { particle: p });
      else for (const o of p.options) m.set(clark(o.ns, o.local), { particle: o, choice: p });
    }
    indexes.set(desc, m);
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

function place(el: ReadElement, path: string): Place {
  return { line: el.line, column: el.column, path };
}

/** Child paths the way libxml2 writes them: `[n]` only when the parent has several children of that name. */
function childPaths(el: ReadElement, path: string): Map<ReadElement, string> {
  const counts = new Map<string, number>();
  for (const c of el.children) if (isElement(c)) counts.set(clark(c.ns, c.name), (counts.get(clark(c.ns, c.name)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<ReadElement, string>();
  for (const c of el.children) {
    if (!isElement(c)) continue;
    const k = clark(c.ns, c.name);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(c, counts.get(k)! > 1 ? `${path}/${c.name}[${n}]` : `${path}/${c.name}`);
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
      setInfo(x, { ...place(el, path), at: new Map() });
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
  setInfo(obj, { ...place(el, path), at: new Map() });
  return obj;
}

function readComplex(el: ReadElement, desc: ComplexDesc, path: string): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const info: NodeInfo = { ...place(el, path), at: new Map() };
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
  for (const c of el.children) {
    if (!isElement(c)) {
      if (c.text.trim() !== '') any.push({ text: c.text });
      continue;
    }
    const cpath = paths.get(c)!;
    const hit = index.get(clark(c.ns, c.name));
    if (!hit) {
      const x = toXElement(c);
      setInfo(x, { ...place(c, cpath), at: new Map() });
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
      setInfo(x, { ...place(c, cpath), at: new Map() });
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

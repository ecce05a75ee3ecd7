/**
 * Which description (src/model/**) an element of the tree has, the same lookup parse uses
 * (src/xml/parse.ts particleIndex): the root by its request kind, a child by its namespace and
 * local name among its parent's particles. fmt orders children by these particles, so the order it
 * writes is the order parse, build and the schema check expect.
 */
import type { ComplexDesc, Content } from '../model/dsl.js';
import { ROOTS, type Kind } from '../model/roots.js';
import { kindOf } from '../document.js';
import type { XmlDoc } from '../xml/doc.js';

/** Where a child element goes in its parent's sequence. */
export interface Slot {
  /** Position of its particle in `desc.children` (the options of a choice share the choice's position). */
  index: number;
  /** The child's own content description. */
  content: Content;
  /** The particle repeats (`many`), or is a member of a repeated choice: a second occurrence is in place. */
  repeats: boolean;
}

/** What a complex description says about children it does not declare. */
export interface SlotTable {
  /** Namespace -> local name -> slot. */
  byName: Map<string | null, Map<string, Slot>>;
  /** Position of a `keepUnknown` choice (ovf:Section members vmparams does not model), or -1. */
  unknownChoice: number;
  /** Namespaces of the declared particles: an undeclared element in another one is `xs:any ##other` content. */
  namespaces: Set<string | null>;
}

const tables = new WeakMap<ComplexDesc, SlotTable>();

/** The slot table of a complex description, computed once per description. */
export function slotTable(desc: ComplexDesc): SlotTable {
  let t = tables.get(desc);
  if (t) return t;
  t = { byName: new Map(), unknownChoice: -1, namespaces: new Set() };
  const put = (ns: string | null, local: string, slot: Slot) => {
    let m = t!.byName.get(ns);
    if (!m) t!.byName.set(ns, (m = new Map()));
    // The first particle of a name wins, as in parse (a name never appears twice in one sequence).
    if (!m.has(local)) m.set(local, slot);
    t!.namespaces.add(ns);
  };
  desc.children.forEach((p, index) => {
    if (p.kind === 'element') put(p.ns, p.local, { index, content: p.content, repeats: p.many });
    else {
      for (const o of p.options) put(o.ns, o.local, { index, content: o.content, repeats: true });
      if (p.keepUnknown && t!.unknownChoice < 0) t!.unknownChoice = index;
    }
  });
  tables.set(desc, t);
  return t;
}

/** The slot of child element `c` under a parent described by `desc`, or undefined when the description does not declare it. */
export function slotOf(doc: XmlDoc, desc: ComplexDesc, c: number): Slot | undefined {
  return slotTable(desc).byName.get(doc.ns(c))?.get(doc.local(c));
}

/** The content description of the root element (throws UnknownDocumentError when the root is not a request). */
export function rootContent(doc: XmlDoc): Content {
  return ROOTS[kindOf(doc.ns(doc.root), doc.local(doc.root)) as Kind];
}

/** The content description of element `n` (walking down from the root), or undefined when no description covers it. */
export function contentOf(doc: XmlDoc, n: number): Content | undefined {
  const path: number[] = [];
  for (let e = n; e > 0; e = doc.parents[e]) path.push(e);
  if (path[path.length - 1] !== doc.root) return undefined;
  let content: Content | undefined;
  try {
    content = rootContent(doc);
  } catch {
    return undefined;
  }
  for (let i = path.length - 2; i >= 0 && content; i--) content = content.kind === 'complex' ? slotOf(doc, content, path[i])?.content : undefined;
  return content;
}

/**
 * A generic walk of a parsed model with its description (style.md §3: engines over descriptions):
 * every present child element and attribute is visited with the particle or attribute description
 * that read it, so version, read-only and reference checks need no per-type code.
 */
import type { AttrDesc, ComplexDesc, Content, ElementParticle } from '../../model/dsl.js';
import { ROOTS } from '../../model/roots.js';
import type { ParsedDocument } from '../../document.js';
import { sectionParticles } from '../../model/instantiation-params.js';
import { clark } from '../../xml/names.js';
import { readContent } from '../../xml/parse.js';
import { infoOf, placeOf } from '../../xml/positions.js';
import { treeOf } from '../../xml/from-xelement.js';
import { isText, type XElement } from '../../xml/tree.js';
import type { SectionName, SectionTypes } from './model-types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A present child element: `parent[key]` (or `parent[key][index]`) read by `particle`. */
export interface ElementVisit {
  parent: Obj;
  key: string;
  index?: number;
  particle: ElementParticle;
  value: unknown;
  /** Element names from the root, without indexes: `SourcedItem/InstantiationParams/NetworkConnectionSection`. */
  trail: string;
}

/** A present attribute `obj[attr.key]`. */
export interface AttrVisit {
  obj: Obj;
  attr: AttrDesc;
  /** The trail of the element carrying it. */
  trail: string;
}

/** Visitors for walkDocument; `xml` receives generic content (CreateItem/ReconfigureItem VmType). */
export interface Visitors {
  element?(v: ElementVisit): void;
  attr?(v: AttrVisit): void;
  xml?(el: XElement, trail: string): void;
}

/** Walk one value with the content description that reads it. */
export function walkContent(value: unknown, content: Content, trail: string, vis: Visitors): void {
  if (content.kind === 'xml') {
    if (isObj(value)) vis.xml?.(value as unknown as XElement, trail);
    return;
  }
  if (!isObj(value)) return;
  if (content.kind === 'leaf') {
    for (const a of content.attrs) if (value[a.key] !== undefined) vis.attr?.({ obj: value, attr: a, trail });
    return;
  }
  walkComplex(value, content, trail, vis);
}

function walkComplex(obj: Obj, desc: ComplexDesc, trail: string, vis: Visitors): void {
  for (const a of desc.attrs) if (obj[a.key] !== undefined) vis.attr?.({ obj, attr: a, trail });
  const at = (t: string, name: string) => (t ? `${t}/${name}` : name);
  for (const p of desc.children) {
    const v = obj[p.key];
    if (v === undefined) continue;
    if (p.kind === 'choice') {
      (v as Obj[]).forEach((entry, index) => {
        const [k, ev] = Object.entries(entry)[0] as [string, unknown];
        const o = p.options.find((x) => x.key === k);
        if (!o) return;
        const t = at(trail, o.local);
        vis.element?.({ parent: obj, key: p.key, index, particle: o, value: ev, trail: t });
        walkContent(ev, o.content, t, vis);
      });
    } else if (p.many) {
      (v as unknown[]).forEach((item, index) => {
        const t = at(trail, p.local);
        vis.element?.({ parent: obj, key: p.key, index, particle: p, value: item, trail: t });
        walkContent(item, p.content, t, vis);
      });
    } else {
      const t = at(trail, p.local);
      vis.element?.({ parent: obj, key: p.key, particle: p, value: v, trail: t });
      walkContent(v, p.content, t, vis);
    }
  }
}

/** Walk a whole parsed document with its root description. */
export function walkDocument(doc: ParsedDocument, vis: Visitors): void {
  walkComplex(doc as unknown as Obj, ROOTS[doc.kind] as unknown as ComplexDesc, '', vis);
}

/** One section of an InstantiationParams (or of a CreateItem), with its position in the `sections` array. */
export interface SectionRef<K extends SectionName = SectionName> {
  name: K;
  value: SectionTypes[K];
  /** The object that holds the section (InstantiationParams, or the VM item for CreateItem/InstantiateVmParams). */
  holder: object;
  /** The key of the section in `holder` (`sections`, or the element name) and its index there. */
  key: string;
  index: number;
}

/** A section element vmparams does not model, kept as a generic tree. */
export interface UnknownSection {
  el: XElement;
  holder: object;
  index: number;
}

/** The section descriptions by Clark name. */
export const SECTION_BY_CLARK = new Map(sectionParticles.map((p) => [clark(p.ns, p.local), p]));

/** Type the ovf:Section children of a VmType (CreateItem/ReconfigureItem) with the section descriptions. */
export function vmTypeSections(el: XElement): { sections: SectionRef[]; unknown: UnknownSection[] } {
  const at = placeOf(el);
  const sections: SectionRef[] = [];
  const unknown: UnknownSection[] = [];
  const children = (el.children ?? []).filter((c): c is XElement => !isText(c));
  children.forEach((c, index) => {
    const p = SECTION_BY_CLARK.get(clark(c.ns, c.name));
    if (!p) {
      if (c.name.endsWith('Section') && c.name !== 'VmSpecSection') unknown.push({ el: c, holder: el, index });
      return;
    }
    // Parsed content is typed straight from its tree node; a hand-built element from a tree made for it, reported at the item.
    const info = infoOf(c);
    const value = info && !info.anchor ? readContent(info.doc, info.node, p.content) : readContent(...treeOf(c), p.content, at);
    sections.push({ name: p.local as SectionName, value: value as never, holder: el, key: c.name, index });
  });
  return { sections, unknown };
}


/**
 * The one walk of a parsed model with its descriptions (style.md §3 and §16; eslint
 * `lib/linter/source-code-traverser.js`): every present element is visited with the particle that read
 * it, every present described attribute with its description, and content the model keeps as generic
 * XML (`$any` entries, unknown sections) as such. The typed sections of CreateItem/ReconfigureItem
 * (VmType content, kept as generic XML by the model) are visited as children of their item. The
 * engine dispatches these visits to the rules' listeners; nothing here knows a rule.
 */
import type { AttrDesc, ComplexDesc, Content, ElementParticle, Particle } from '../../model/dsl.js';
import { sectionParticles } from '../../model/instantiation-params.js';
import { ROOTS } from '../../model/roots.js';
import { clark } from '../../xml/names.js';
import { readContent } from '../../xml/parse.js';
import { infoOf, placeOf } from '../../xml/positions.js';
import { treeOf } from '../../xml/from-xelement.js';
import { isText, type XElement, type XNode } from '../../xml/tree.js';
import type { SectionName, SectionTypes } from './model-types.js';
import type { VmView } from './view.js';

type Obj = Record<string, unknown>;

/** A present element: `parent[key]` (or `parent[key][index]`) read by `particle`, inside `vm` when it belongs to one. */
export class ElementNode<T = unknown> {
  constructor(
    /** The model object holding the element (for CreateItem sections: the item's generic element). */
    readonly parent: Obj,
    /** The key of the element in `parent`. */
    readonly key: string,
    /** Which entry of a repeated child or choice, undefined for a single child. */
    readonly index: number | undefined,
    readonly particle: ElementParticle,
    /** The model value: an object for complex content, a string or `{ $value, ... }` for a leaf, an XElement for generic content. */
    readonly value: T,
    /** The VM item (SourcedItem, CreateItem, ...) the element is part of, or is. */
    readonly vm: VmView | undefined,
    /** The enclosing element; undefined for children of the root. */
    readonly up: ElementNode | undefined,
  ) {}

  /** Element names from below the root, computed on demand: `SourcedItem/InstantiationParams/NetworkConnectionSection`. */
  get trail(): string {
    let t = this.particle.local;
    for (let e = this.up; e; e = e.up) t = `${e.particle.local}/${t}`;
    return t;
  }
}

/** A present described attribute `obj[attr.key]` of `element` (undefined for the root element). */
export class AttrNode {
  constructor(
    readonly obj: Obj,
    readonly attr: AttrDesc,
    readonly element: ElementNode | undefined,
  ) {}

  /** The attribute's raw value. */
  get value(): string | undefined {
    const v = this.obj[this.attr.key];
    return typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v);
  }
}

/** Generic content the model keeps where its description has no particle: an `$any` entry or an unknown section (`{ $xml }`). */
export class GenericNode {
  constructor(
    readonly el: XElement,
    /** The model object holding it. */
    readonly holder: Obj,
    /** Where it is kept: `$any` or the choice key (`sections`), and its position there. */
    readonly key: string,
    readonly index: number,
    readonly up: ElementNode | undefined,
  ) {}
}

/** What the walk calls; the engine fills these from the rules' listeners. */
export interface WalkHandlers {
  /** Whether any listener wants elements read by this particle; a text-only leaf nobody wants is not visited at all. */
  wants(p: ElementParticle): boolean;
  /** Called when the walk enters an element, before its attributes and children. */
  enter(node: ElementNode): void;
  /** Called after the element's children. */
  exit(node: ElementNode): void;
  /** Null when no rule listens to attributes (`@*`). */
  attr: ((node: AttrNode) => void) | null;
  /** Null when no rule listens to generic content (`$xml`). */
  generic: ((node: GenericNode) => void) | null;
}

/** The walk's view of the document: the root object and description, and the VM of each root-level item. */
export interface WalkSource {
  root: Obj;
  rootDesc: ComplexDesc;
  vmOf(item: unknown): VmView | undefined;
}

/**
 * Walk a whole document once: per element its attributes, then its generic content, then its children
 * in the order the model holds them (document order for parsed documents).
 */
export function walkModel(src: WalkSource, h: WalkHandlers): void {
  const walker = new Walker(src, h);
  walker.complex(src.root, src.rootDesc, undefined, undefined);
}

const keyIndexes = new WeakMap<ComplexDesc, Map<string, Particle>>();

/** A description's particles by model key, computed once per description. */
function particlesByKey(desc: ComplexDesc): Map<string, Particle> {
  let m = keyIndexes.get(desc);
  if (!m) keyIndexes.set(desc, (m = new Map(desc.children.map((p) => [p.key, p]))));
  return m;
}

class Walker {
  constructor(
    private readonly src: WalkSource,
    private readonly h: WalkHandlers,
  ) {}

  complex(obj: Obj, desc: ComplexDesc, up: ElementNode | undefined, vm: VmView | undefined): void {
    const { attr, generic } = this.h;
    if (attr) for (const a of desc.attrs) if (obj[a.key] !== undefined) attr(new AttrNode(obj, a, up));
    if (generic && obj.$any) this.any(obj, up, generic);
    const byKey = particlesByKey(desc);
    // The object's own keys are few; its description may have dozens of particles (a rasd Item has 30).
    for (const key in obj) {
      const p = byKey.get(key);
      if (p === undefined) continue;
      const v = obj[key];
      if (v === undefined) continue;
      if (p.kind === 'choice') {
        const entries = v as Obj[];
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          let k: string | undefined;
          for (const key in entry) {
            k = key;
            break;
          }
          if (k === '$xml') {
            if (generic) generic(new GenericNode(entry.$xml as XElement, obj, p.key, i, up));
            continue;
          }
          const o = p.options.find((x) => x.key === k);
          if (o) this.element(obj, p.key, i, o, entry[k!], up, vm);
        }
      } else if (p.many) {
        const items = v as unknown[];
        for (let i = 0; i < items.length; i++) this.element(obj, p.key, i, p, items[i], up, vm);
      } else this.element(obj, p.key, undefined, p, v, up, vm);
    }
  }

  private any(obj: Obj, up: ElementNode | undefined, generic: (node: GenericNode) => void): void {
    const any = obj.$any as XNode[];
    for (let i = 0; i < any.length; i++) {
      const n = any[i];
      if (!isText(n)) generic(new GenericNode(n, obj, '$any', i, up));
    }
  }

  private element(parent: Obj, key: string, index: number | undefined, p: ElementParticle, value: unknown, up: ElementNode | undefined, vm: VmView | undefined): void {
    // Most leaves are plain strings: with no listener for them there is nothing to visit (and nothing to allocate).
    if ((typeof value !== 'object' || value === null) && !this.h.wants(p)) return;
    // A root-level item (SourcedItem, CreateItem, ...) is a VM: everything below it belongs to that VM.
    if (up === undefined) vm = this.src.vmOf(value) ?? vm;
    const node = new ElementNode(parent, key, index, p, value, vm, up);
    this.h.enter(node);
    this.content(node, p.content, value, vm);
    this.h.exit(node);
  }

  private content(node: ElementNode, c: Content, value: unknown, vm: VmView | undefined): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const obj = value as Obj;
    if (c.kind === 'complex') return this.complex(obj, c, node, vm);
    if (c.kind === 'leaf') {
      const { attr, generic } = this.h;
      if (attr) for (const a of c.attrs) if (obj[a.key] !== undefined) attr(new AttrNode(obj, a, node));
      if (generic && obj.$any) this.any(obj, node, generic);
      return;
    }
    // Generic content: only a VM item's typed sections are walked (the rest is read through the VM view).
    if (vm?.xml === value && node.up === undefined) {
      for (const s of vm.sections) if (s.particle) this.element(obj, s.key, undefined, s.particle, s.value, node, vm);
    }
  }
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
  /** The section's description (set for the typed sections of a CreateItem/ReconfigureItem, which the walk visits). */
  particle?: ElementParticle;
}

/** A section element vmparams does not model, kept as a generic tree. */
export interface UnknownSection {
  el: XElement;
  holder: object;
  index: number;
}

/** The section descriptions by Clark name. */
export const SECTION_BY_CLARK = new Map(sectionParticles.map((p) => [clark(p.ns, p.local), p as ElementParticle]));

/** Type the ovf:Section children of a VmType (CreateItem/ReconfigureItem) with the section descriptions. */
export function vmTypeSections(el: XElement): { sections: SectionRef[]; unknown: UnknownSection[] } {
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
    const value = info && !info.anchor ? readContent(info.doc, info.node, p.content) : readContent(...treeOf(c), p.content, placeOf(el));
    sections.push({ name: p.local as SectionName, value: value as never, holder: el, key: c.name, index, particle: p });
  });
  return { sections, unknown };
}

/** Every element particle of every description reachable from the request roots (choice options included), once each. */
export const ALL_PARTICLES: readonly ElementParticle[] = (() => {
  const out: ElementParticle[] = [];
  const seen = new Set<object>();
  const visit = (c: Content) => {
    if (c.kind !== 'complex' || seen.has(c)) return;
    seen.add(c);
    for (const p of c.children) {
      for (const e of p.kind === 'choice' ? p.options : [p]) {
        if (!seen.has(e)) {
          seen.add(e);
          out.push(e);
        }
        visit(e.content);
      }
    }
  };
  for (const r of Object.values(ROOTS)) visit(r as unknown as ComplexDesc);
  return out;
})();

/** The local names of the particles that satisfy `test`: the element kinds a rule about such particles listens to. */
export function namesOf(test: (p: ElementParticle) => boolean): string[] {
  return [...new Set(ALL_PARTICLES.filter(test).map((p) => p.local))];
}

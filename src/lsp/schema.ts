/**
 * What the language server knows about elements and attributes. Which elements may stand at a
 * position, and the schema type of a node, come from the compiled schema of the XSD engine (the
 * bundled xsd/ set, the one validate checks against: src/xsd/info.ts); what an element is for, how
 * often it occurs and its version facts come from the model descriptions (src/model/**) that drive
 * parse, build and validate. Neither keeps a second copy of the other's facts.
 */
import type { AttrDesc, ChoiceParticle, ComplexDesc, Content, ElementParticle, Meta } from '../model/dsl.js';
import { KINDS, ROOTS, type Kind } from '../model/roots.js';
import { VERSION_FACTS } from '../validate/versions.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { NS } from '../xml/names.js';
import { bundledSchema } from '../xsd/bundled.js';

/** Where a child element goes in its parent's sequence: the particle and its position. */
export interface Slot {
  /** Position in `desc.children` (the options of a choice share the choice's position). */
  index: number;
  particle: ElementParticle;
  /** The choice the particle is an option of. */
  choice?: ChoiceParticle;
}

/** One element as the descriptions see it. */
export interface ElementFacts {
  ns: string | null;
  local: string;
  /** The particle it matched (none for the root, or an element no description declares). */
  particle?: ElementParticle;
  choice?: ChoiceParticle;
  /** Its own content description. */
  content?: Content;
  /** The request kind, for the root. */
  root?: Kind;
  /** The type of the generic-XML content (VmType of CreateItem/ReconfigureItem) it sits in, if any. */
  within?: string;
}

const tables = new WeakMap<ComplexDesc, Map<string, Slot>>();

const key = (ns: string | null, local: string) => (ns === null ? local : `${ns} ${local}`);

/** Child name -> slot of a complex description, computed once per description. */
function slotTable(desc: ComplexDesc): Map<string, Slot> {
  let t = tables.get(desc);
  if (t) return t;
  t = new Map();
  desc.children.forEach((p, index) => {
    // The first particle of a name wins, as in parse (a name appears once in a sequence).
    const put = (particle: ElementParticle, choice?: ChoiceParticle) => {
      const k = key(particle.ns, particle.local);
      if (!t!.has(k)) t!.set(k, { index, particle, choice });
    };
    if (p.kind === 'element') put(p);
    else for (const o of p.options) put(o, p);
  });
  tables.set(desc, t);
  return t;
}

/** The slot of element `c` among the children of an element described by `desc`. */
export function slotOf(doc: XmlDoc, desc: ComplexDesc, c: number): Slot | undefined {
  return slotTable(desc).get(key(doc.ns(c), doc.local(c)));
}

/** The request kind of the root element (by local name and the vCloud namespace), or undefined. */
export function rootKind(doc: XmlDoc): Kind | undefined {
  if (doc.root < 0 || doc.ns(doc.root) !== NS.vcloud) return undefined;
  const local = doc.local(doc.root);
  return (KINDS as string[]).includes(local) ? (local as Kind) : undefined;
}

/** What the descriptions say about element `n` (walking down from the root), or undefined outside any description. */
export function elementFacts(doc: XmlDoc, n: number): ElementFacts | undefined {
  const chain: number[] = [];
  for (let e = n; e > 0; e = doc.parents[e]) chain.push(e);
  if (chain[chain.length - 1] !== doc.root) return undefined;
  const kind = rootKind(doc);
  if (!kind) return undefined;
  let facts: ElementFacts = { ns: doc.ns(doc.root), local: doc.local(doc.root), content: ROOTS[kind], root: kind };
  for (let i = chain.length - 2; i >= 0; i--) {
    const c = chain[i];
    const parent = facts.content;
    const slot = parent && parent.kind === 'complex' ? slotOf(doc, parent, c) : undefined;
    const within = parent?.kind === 'xml' ? parent.name : facts.within;
    facts = { ns: doc.ns(c), local: doc.local(c), particle: slot?.particle, choice: slot?.choice, content: slot?.particle.content };
    if (within) facts.within = within;
  }
  return facts;
}

/** The complex description of element `n`'s content, if it has one. */
export function complexOf(doc: XmlDoc, n: number): ComplexDesc | undefined {
  const c = elementFacts(doc, n)?.content;
  return c && c.kind === 'complex' ? c : undefined;
}

/**
 * The particles a new child may be at a position among the element children of a parent described
 * by `desc`, in schema order: after the last child before the position (its particle again when it
 * repeats), up to the first required particle that is still missing, and not past the first child
 * after the position. Elements the description does not declare are skipped.
 */
export function allowedAt(doc: XmlDoc, desc: ComplexDesc, before: readonly number[], after: readonly number[]): Slot[] {
  const slots = (nodes: readonly number[]) => nodes.map((c) => slotOf(doc, desc, c)).filter((s): s is Slot => s !== undefined);
  const prev = slots(before);
  const next = slots(after);
  const last = prev.length ? prev[prev.length - 1].index : -1;
  // Children out of order (the next child's particle before the last one's): only the left side counts.
  const stop = next.length && next[0].index >= last ? next[0].index : desc.children.length;
  const present = new Set(prev.map((s) => s.index));
  const out: Slot[] = [];
  for (let i = Math.max(0, last); i <= Math.min(stop, desc.children.length - 1); i++) {
    const p = desc.children[i];
    const repeats = p.kind === 'choice' || p.many;
    // The last child's particle again only when it repeats; the next child's only when it repeats too.
    if ((i === last || i === stop) && !repeats) {
      if (i === stop) break;
      continue;
    }
    const options = p.kind === 'choice' ? p.options.map((o) => ({ index: i, particle: o, choice: p })) : [{ index: i, particle: p }];
    out.push(...options);
    if (i === stop) break;
    // A required particle not written yet must come next: nothing after it fits before it.
    if (p.kind === 'element' && p.min === 1 && !present.has(i)) break;
  }
  return out;
}

/** The attribute description of attribute `a` on an element with content `content`. */
export function attrFacts(doc: XmlDoc, content: Content | undefined, a: number): AttrDesc | undefined {
  if (!content || content.kind === 'xml' || doc.isNamespaceDecl(a)) return undefined;
  const ns = doc.attrNs(a);
  const local = doc.attrLocal(a);
  return content.attrs.find((d) => d.ns === ns && d.local === local);
}

/** The schema type of some content as a reader writes it (`SourcedCompositionItemParamType`, `xs:boolean`). */
export function typeName(content: Content | undefined): string | undefined {
  if (!content) return undefined;
  if (content.kind === 'leaf') return content.codec.xsd;
  return content.name;
}

/**
 * Version facts of a particle: its own metadata with the corrections validate applies
 * (src/validate/versions.ts VERSION_FACTS, keyed by `Parent/Child` or `Child`).
 */
export function versionFacts(meta: Meta | undefined, local: string, parentLocal?: string): Meta {
  const fixed = (parentLocal && VERSION_FACTS[`${parentLocal}/${local}`]) || VERSION_FACTS[local];
  return { ...meta, ...fixed };
}

/** Element children of `parent` that end at or before `offset`, and those that start at or after it. */
export function siblingsAround(doc: XmlDoc, parent: number, offset: number): { before: number[]; after: number[] } {
  const before: number[] = [];
  const after: number[] = [];
  for (let c = doc.firsts[parent]; c !== -1; c = doc.nexts[c]) {
    if (doc.kinds[c] !== NodeKind.Element) continue;
    if (doc.ends[c] <= offset) before.push(c);
    else if (doc.starts[c] >= offset) after.push(c);
  }
  return { before, after };
}

/** An element the schema allows at a position, with the description's slot for it when there is one. */
export interface Allowed {
  ns: string | null;
  local: string;
  slot?: Slot;
  /** The schema's xs:documentation, if any. */
  doc?: string;
}

/**
 * The elements the compiled schema allows as a new child of `parent` before element `next` (-1: at
 * the end), in schema order. Where the schema cannot replay the children before the position (they
 * are out of order already), the descriptions answer instead (allowedAt), so completion still helps.
 */
export function allowedChildren(doc: XmlDoc, desc: ComplexDesc, parent: number, before: readonly number[], after: readonly number[]): Allowed[] {
  const fromSchema = bundledSchema().allowedAt(doc, parent, after[0] ?? -1);
  if (fromSchema.length === 0) return allowedAt(doc, desc, before, after).map((slot) => ({ ns: slot.particle.ns, local: slot.particle.local, slot }));
  const table = slotTable(desc);
  // Members of one choice (a substitution group) may come in any order; list them as the description does.
  const rank = (a: Allowed) => (a.slot ? a.slot.index * 1000 + (a.slot.choice ? a.slot.choice.options.indexOf(a.slot.particle) : 0) : -1);
  const sorted = (list: Allowed[]) => (list.every((a) => a.slot) ? [...list].sort((x, y) => rank(x) - rank(y)) : list);
  return sorted(
    fromSchema
      .map((a) => ({ ns: a.ns, local: a.local, slot: table.get(key(a.ns, a.local)), doc: a.doc }))
      // The schema lets any ovf:Section member stand wherever one may; Cloud Director applies only the
      // sections the descriptions place here (semantic-rules.md R04, rule structure/section-container): offer those.
      .filter((a) => a.slot !== undefined || !a.local.endsWith('Section')),
  );
}

/** The schema type name of element `n` (or of its attribute `a`), as the compiled schema resolves it; undefined when unknown. */
export function schemaType(doc: XmlDoc, n: number, a = -1): string | undefined {
  const info = bundledSchema().describe(doc, n, a);
  return info.by === 'none' || info.type === undefined ? undefined : (info.type ?? 'anonymous type');
}

/**
 * Child order of the request elements, read from the bundled XSDs, used only to word messages:
 * libxml2 lists every element that could come next (all optional ones up to the first required one),
 * which hides the usual mistake. With the declared order we can say "expected <Source> here" when
 * Source is the required element the list ends with, or "<InstantiationParams> must come before
 * <Source>" when an element appears after one that has to follow it.
 *
 * This is a deliberately small reader of our own schema files (named complex types, extension
 * bases, local element declarations and references, in document order), not a schema compiler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { bundledSchemaDir } from './xsd-schemas.js';

const XSD = 'http://www.w3.org/2001/XMLSchema';

/** One child slot of a content model. */
export interface Slot {
  /** local name, or '*' for a wildcard (xs:any) */
  name: string;
  /** namespace of the element; for a wildcard its constraint: '##any', '!uri' (##other) or a list of URIs */
  ns: string;
  required: boolean;
  /** maxOccurs (Infinity for unbounded) */
  max: number;
}

/** One declared attribute of a complex type. */
export interface AttrSlot {
  name: string;
  /** namespace of the attribute ('' for unqualified) */
  ns: string;
  required: boolean;
}

interface TypeInfo {
  base: string | null;
  own: Slot[];
  attrs: AttrSlot[];
  /** attribute wildcard constraint (same notation as Slot.ns for wildcards) */
  anyAttr: string | null;
}

/** Resolve an xs:any / xs:anyAttribute namespace attribute. */
function wildcardNs(value: string | undefined): string {
  const v = value ?? '##any';
  if (v === '##any') return '##any';
  if (v === '##other') return `!${file.tns}`;
  return v
    .split(/\s+/)
    .map((t) => (t === '##targetNamespace' ? file.tns : t === '##local' ? '' : t))
    .join(' ');
}

/** Namespace facts of the schema file being read. */
interface FileCtx {
  tns: string;
  qualifiedAttrs: boolean;
  prefixes: (prefix: string) => string | null;
}
let file: FileCtx = { tns: '', qualifiedAttrs: false, prefixes: () => null };

interface Model {
  types: Map<string, TypeInfo>;
  /** element local name -> type keys it is declared with (global and local declarations) */
  elementTypes: Map<string, Set<string>>;
}

let model: Model | null = null;
let anon = 0;

function local(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.next) if (c instanceof XmlElement && c.namespaceUri === XSD) out.push(c);
  return out;
}

/** Collect the element slots of a particle tree in document order. */
function slots(el: XmlElement, m: Model, out: Slot[], optionalContext: boolean): void {
  for (const c of children(el)) {
    const min = c.attr('minOccurs')?.value;
    const maxAttr = c.attr('maxOccurs')?.value;
    const max = maxAttr === undefined ? 1 : maxAttr === 'unbounded' ? Infinity : Number(maxAttr);
    const optional = optionalContext || min === '0';
    if (c.name === 'any') {
      out.push({ name: '*', ns: wildcardNs(c.attr('namespace')?.value), required: !optional, max });
    } else if (c.name === 'element') {
      const ref = c.attr('ref')?.value;
      const name = c.attr('name')?.value ?? local(ref ?? '');
      if (!name) continue;
      const i = ref ? ref.indexOf(':') : -1;
      const ns = ref ? ((i > 0 ? file.prefixes(ref.slice(0, i)) : file.prefixes('')) ?? '') : file.tns;
      out.push({ name, ns, required: !optional, max });
      const type = c.attr('type')?.value;
      if (c.attr('name')) declare(m, name, type ? local(type) : anonymousType(c, m));
    } else if (c.name === 'sequence') {
      slots(c, m, out, optional);
    } else if (c.name === 'choice') {
      // members of a choice are each optional on their own, and repeat as often as the choice does
      const start = out.length;
      slots(c, m, out, true);
      for (let k = start; k < out.length; k++) out[k] = { ...out[k], max: Math.max(out[k].max, max) };
    }
  }
}

function declare(m: Model, name: string, typeKey: string | null): void {
  if (!typeKey) return;
  const set = m.elementTypes.get(name) ?? new Set<string>();
  set.add(typeKey);
  m.elementTypes.set(name, set);
}

function anonymousType(el: XmlElement, m: Model): string | null {
  const ct = children(el).find((c) => c.name === 'complexType');
  if (!ct) return null;
  const key = `#anon${++anon}`;
  readComplexType(ct, key, m);
  return key;
}

function attributes(el: XmlElement, out: AttrSlot[]): void {
  for (const a of children(el)) {
    if (a.name !== 'attribute') continue;
    const required = a.attr('use')?.value === 'required';
    const ref = a.attr('ref')?.value;
    if (ref) {
      const i = ref.indexOf(':');
      out.push({ name: local(ref), ns: (i > 0 ? file.prefixes(ref.slice(0, i)) : file.tns) ?? '', required });
    } else {
      const form = a.attr('form')?.value;
      const qualified = form ? form === 'qualified' : file.qualifiedAttrs;
      out.push({ name: a.attr('name')?.value ?? '', ns: qualified ? file.tns : '', required });
    }
  }
}

function readComplexType(ct: XmlElement, key: string, m: Model): void {
  const info: TypeInfo = { base: null, own: [], attrs: [], anyAttr: null };
  const anyAttr = (el: XmlElement) => {
    const w = children(el).find((x) => x.name === 'anyAttribute');
    if (w) info.anyAttr = wildcardNs(w.attr('namespace')?.value);
  };
  anyAttr(ct);
  // the particle (sequence/choice) sits directly in the complexType or in its extension
  slots(ct, m, info.own, false);
  attributes(ct, info.attrs);
  for (const c of children(ct)) {
    if (c.name !== 'complexContent' && c.name !== 'simpleContent') continue;
    for (const d of children(c)) {
      if (d.name !== 'extension') continue;
      info.base = local(d.attr('base')?.value ?? '');
      if (c.name === 'complexContent') slots(d, m, info.own, false);
      attributes(d, info.attrs);
      anyAttr(d);
    }
  }
  m.types.set(key, info);
}

function load(): Model {
  if (model) return model;
  const m: Model = { types: new Map(), elementTypes: new Map() };
  const dir = bundledSchemaDir();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort()) {
    const doc = XmlDocument.fromBuffer(fs.readFileSync(path.join(dir, name)));
    try {
      const root = doc.root;
      file = {
        tns: root.attr('targetNamespace')?.value ?? '',
        qualifiedAttrs: root.attr('attributeFormDefault')?.value === 'qualified',
        prefixes: (p) => root.namespaceForPrefix(p),
      };
      for (const c of children(doc.root)) {
        if (c.name === 'complexType' && c.attr('name')) readComplexType(c, c.attr('name')!.value, m);
        else if (c.name === 'element' && c.attr('name')) {
          const type = c.attr('type')?.value;
          declare(m, c.attr('name')!.value, type ? local(type) : anonymousType(c, m));
        }
      }
    } finally {
      doc.dispose();
    }
  }
  model = m;
  return m;
}

/** Base-first chain of a type's own declarations. */
function chainOf(m: Model, key: string): TypeInfo[] {
  const seen = new Set<string>();
  const chain: TypeInfo[] = [];
  for (let k: string | null = key; k && !seen.has(k); ) {
    seen.add(k);
    const t = m.types.get(k);
    if (!t) break;
    chain.unshift(t);
    k = t.base;
  }
  return chain;
}

/** Full (base-first) child order of a type. */
function order(m: Model, key: string): Slot[] {
  return chainOf(m, key).flatMap((t) => t.own);
}

/** Children (base-first) and attributes of a named complex type of the bundled set, or null when there is no such type. */
export function typeContent(typeName: string): { slots: Slot[]; attrs: AttrSlot[]; anyAttr: string[] } | null {
  const m = load();
  if (!m.types.has(typeName)) return null;
  const chain = chainOf(m, typeName);
  return {
    slots: chain.flatMap((t) => t.own),
    attrs: chain.flatMap((t) => t.attrs),
    anyAttr: chain.map((t) => t.anyAttr).filter((a): a is string => a !== null),
  };
}

/** Does a wildcard constraint (Slot.ns of a '*' slot, or an anyAttr entry) admit namespace `ns`? */
export function wildcardAllows(constraint: string, ns: string): boolean {
  if (constraint === '##any') return true;
  if (constraint.startsWith('!')) return ns !== '' && ns !== constraint.slice(1);
  return constraint.split(' ').includes(ns);
}

/**
 * The declared child order of element `parent` that fits the situation (its slots contain every
 * name in `expected`), or null when our schema files do not pin it down.
 */
export function childOrder(parent: string, expected: string[]): Slot[] | null {
  let m: Model;
  try {
    m = load();
  } catch {
    return null; // wording aid only: never fail validation because of it
  }
  const keys = m.elementTypes.get(parent);
  if (!keys) return null;
  const fits: Slot[][] = [];
  for (const k of keys) {
    const o = order(m, k);
    const names = new Set(o.map((s) => s.name));
    if (expected.every((e) => names.has(e))) fits.push(o);
  }
  if (fits.length === 0) return null;
  // several declarations can fit (e.g. Item); use them only if they agree on the order
  const sig = (o: Slot[]) => o.map((s) => `${s.name}${s.required ? '!' : ''}`).join(',');
  return fits.every((o) => sig(o) === sig(fits[0])) ? fits[0] : null;
}

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
  name: string;
  required: boolean;
  /** maxOccurs (Infinity for unbounded) */
  max: number;
}

interface TypeInfo {
  base: string | null;
  own: Slot[];
}

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
    if (c.name === 'element') {
      const name = c.attr('name')?.value ?? local(c.attr('ref')?.value ?? '');
      if (!name) continue;
      out.push({ name, required: !optional, max });
      const type = c.attr('type')?.value;
      if (c.attr('name')) declare(m, name, type ? local(type) : anonymousType(c, m));
    } else if (c.name === 'sequence') {
      slots(c, m, out, optional);
    } else if (c.name === 'choice') {
      // members of a choice are each optional on their own
      slots(c, m, out, true);
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

function readComplexType(ct: XmlElement, key: string, m: Model): void {
  const info: TypeInfo = { base: null, own: [] };
  // the particle (sequence/choice) sits directly in the complexType or in its extension
  slots(ct, m, info.own, false);
  for (const c of children(ct)) {
    if (c.name !== 'complexContent') continue;
    for (const d of children(c)) {
      if (d.name !== 'extension') continue;
      info.base = local(d.attr('base')?.value ?? '');
      slots(d, m, info.own, false);
    }
  }
  m.types.set(key, info);
}

function load(): Model {
  if (model) return model;
  const m: Model = { types: new Map(), elementTypes: new Map() };
  const dir = bundledSchemaDir();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort()) {
    const doc = XmlDocument.fromBuffer(fs.readFileSync(path.join(dir, file)));
    try {
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

/** Full (base-first) child order of a type. */
function order(m: Model, key: string): Slot[] {
  const seen = new Set<string>();
  const chain: TypeInfo[] = [];
  for (let k: string | null = key; k && !seen.has(k); ) {
    seen.add(k);
    const t = m.types.get(k);
    if (!t) break;
    chain.unshift(t);
    k = t.base;
  }
  return chain.flatMap((t) => t.own);
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

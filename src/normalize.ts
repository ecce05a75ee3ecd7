/**
 * normalize: the same document with values decoded (booleans, numbers, trimmed tokens), documented
 * defaults made explicit (`deploy`/`powerOn` true, StartupSection item defaults) and units unified:
 * memory and disk quantities in MB (`byte * 2^20`). Values that do not decode are kept as written
 * (validate reports them). Positions of parsed input are carried over.
 */
import type { ComplexDesc, Content, LeafDesc } from './model/dsl.js';
import { ROOTS, type Kind } from './model/roots.js';
import { RasdItem } from './model/sections/virtual-hardware.js';
import { MEGABYTES, toMegabytes } from './model/units.js';
import { parse, type NormalizedDocument, type ParsedDocument, type ParseOptions, type VmParamsDocument } from './document.js';
import { infoOf, setInfo } from './xml/positions.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function carry<T extends object>(from: unknown, to: T): T {
  const info = isObj(from) ? infoOf(from) : undefined;
  if (info) setInfo(to, info);
  return to;
}

function decodeWith(codec: LeafDesc['codec'], v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const d = codec.decode(v);
  return d === undefined ? v : d;
}

function normLeaf(v: unknown, desc: LeafDesc): unknown {
  if (!isObj(v)) return decodeWith(desc.codec, v);
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$value') out.$value = decodeWith(desc.codec, x);
    else {
      const a = desc.attrs.find((d) => d.key === k);
      out[k] = a ? decodeWith(a.codec, x) : structuredClone(x);
    }
  }
  return carry(v, out);
}

function normComplex(v: Obj, desc: ComplexDesc): Obj {
  const out: Obj = {};
  for (const a of desc.attrs) {
    const x = v[a.key];
    if (x !== undefined) out[a.key] = decodeWith(a.codec, x);
    else if (a.explicit && a.default !== undefined) out[a.key] = a.codec.decode(a.default);
  }
  for (const p of desc.children) {
    const x = v[p.key];
    if (x === undefined) continue;
    if (p.kind === 'choice') {
      out[p.key] = (x as Obj[]).map((entry) => {
        const [k, ev] = Object.entries(entry)[0];
        const o = p.options.find((q) => q.key === k);
        return { [k]: o ? normContent(ev, o.content) : structuredClone(ev) };
      });
    } else if (p.many) out[p.key] = (x as unknown[]).map((item) => normContent(item, p.content));
    else out[p.key] = normContent(x, p.content);
  }
  for (const k of ['$attrs', '$any', 'kind']) if (v[k] !== undefined) out[k] = structuredClone(v[k]);
  if (desc === (RasdItem as unknown)) unifyUnits(out);
  return carry(v, out);
}

function normContent(v: unknown, content: Content): unknown {
  switch (content.kind) {
    case 'leaf':
      return normLeaf(v, content);
    case 'complex':
      return isObj(v) ? normComplex(v, content) : v;
    case 'xml':
      return carry(v, structuredClone(v) as object);
  }
}

const valueOf = (leaf: unknown): unknown => (isObj(leaf) ? leaf.$value : leaf);
function setValue(item: Obj, key: string, value: unknown): void {
  const cur = item[key];
  item[key] = isObj(cur) ? { ...cur, $value: value } : value;
}

/** Memory (ResourceType 4) and disk (17) quantities in MB, whatever AllocationUnits they were written in. */
function unifyUnits(item: Obj): void {
  const type = valueOf(item.ResourceType);
  if (type !== 4 && type !== 17) return;
  const q = valueOf(item.VirtualQuantity);
  if (typeof q !== 'number') return;
  const units = valueOf(item.AllocationUnits);
  // Disks written without AllocationUnits count bytes (OVF default); memory defaults to MB.
  const mb = toMegabytes(q, typeof units === 'string' ? units : type === 17 ? 'byte' : undefined);
  if (mb === undefined || !Number.isFinite(mb)) return;
  setValue(item, 'VirtualQuantity', mb);
  setValue(item, 'AllocationUnits', MEGABYTES);
}

/**
 * Normalize a document (XML text, or a parsed or hand-made model): decoded values, explicit defaults,
 * memory and disk in MB. The result can be passed to build.
 */
export function normalize(input: string | Uint8Array | ParsedDocument | VmParamsDocument, opts: ParseOptions = {}): NormalizedDocument {
  const doc = (typeof input === 'string' || input instanceof Uint8Array ? parse(input, opts) : input) as Obj;
  const kind = doc.kind as Kind;
  const out = normComplex(doc, ROOTS[kind] as unknown as ComplexDesc);
  return carry(doc, { kind, ...out }) as unknown as NormalizedDocument;
}

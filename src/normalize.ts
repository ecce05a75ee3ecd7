/**
 * normalize: the same document with values decoded (booleans, numbers, trimmed tokens), documented
 * defaults made explicit (`deploy`/`powerOn` true, StartupSection item defaults) and units unified:
 * memory and disk quantities in MB (`byte * 2^20`) where that is exact. Values that do not decode
 * are kept as written (validate reports them). Positions of parsed input are carried over.
 * With `apiVersion`, the document is put in the form that version takes and what it does not have
 * is refused, as build does (src/versioning.ts).
 */
import type { ComplexDesc, Content, LeafDesc } from './model/dsl.js';
import { ROOTS, KINDS, type Kind } from './model/roots.js';
import { RasdItem } from './model/sections/virtual-hardware.js';
import { MEGABYTES, exactMegabytes, toMegabytes } from './model/units.js';
import { parse, UnknownDocumentError, type NormalizedDocument, type ParsedDocument, type ParseOptions, type VmParamsDocument } from './document.js';
import { adaptForVersion, checkApiVersion, refuseIfUnknown } from './versioning.js';
import { cloneJson } from './json-deep.js';
import { infoOf, setInfo } from './xml/positions.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Options for normalize. */
export interface NormalizeOptions extends ParseOptions {
  /**
   * Normalize for this Cloud Director API version (`'33.0'`): version-dependent forms are rewritten
   * as build writes them for that version (ComputePolicy <-> VdcComputePolicy, ...), and an element or
   * attribute the version does not have is refused with a VersionError (a BuildError) naming it and
   * the version that introduced or removed it. Default: none (no version checks).
   */
  apiVersion?: string;
}

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

interface Walk {
  target?: string;
}

function normLeaf(v: unknown, desc: LeafDesc, path: string, w: Walk): unknown {
  if (!isObj(v)) return decodeWith(desc.codec, v);
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$value') out.$value = decodeWith(desc.codec, x);
    else {
      const a = desc.attrs.find((d) => d.key === k);
      if (a && w.target) refuseIfUnknown(a, `@${a.local}`, '', w.target, `${path}/@${k}`, { node: v, key: `@${k}` });
      out[k] = a ? decodeWith(a.codec, x) : cloneJson(x);
    }
  }
  return carry(v, out);
}

function normComplex(input: Obj, desc: ComplexDesc, path: string, trail: string, w: Walk): Obj {
  const v = w.target ? adaptForVersion(desc, input, w.target, path) : input;
  const out: Obj = {};
  for (const a of desc.attrs) {
    const x = v[a.key];
    if (x !== undefined) {
      if (w.target) refuseIfUnknown(a, `@${a.local}`, trail, w.target, `${path}/@${a.key}`, { node: input, key: `@${a.key}` });
      out[a.key] = decodeWith(a.codec, x);
    } else if (a.explicit && a.default !== undefined) out[a.key] = a.codec.decode(a.default);
  }
  for (const p of desc.children) {
    const x = v[p.key];
    if (x === undefined) continue;
    const at = `${path}/${p.key}`;
    if (p.kind === 'choice') {
      out[p.key] = (x as Obj[]).map((entry, i) => {
        const [k, ev] = Object.entries(entry)[0];
        const o = p.options.find((q) => q.key === k);
        if (!o) return { [k]: cloneJson(ev) };
        const t = `${trail}/${o.local}`;
        if (w.target) refuseIfUnknown(o, `<${o.local}>`, t, w.target, `${at}[${i}]/${k}`, { node: input, key: p.key, index: i });
        return { [k]: normContent(ev, o.content, `${at}[${i}]/${k}`, t, w) };
      });
      continue;
    }
    const t = `${trail}/${p.local}`;
    // `input` is the parsed object (adapters return copies without positions).
    if (w.target) refuseIfUnknown(p, `<${p.local}>`, t, w.target, at, { node: input[p.key] === undefined ? v : input, key: p.key, index: 0 });
    if (p.many) out[p.key] = (x as unknown[]).map((item, i) => normContent(item, p.content, `${at}[${i}]`, t, w));
    else out[p.key] = normContent(x, p.content, at, t, w);
  }
  for (const k of ['$attrs', '$any', '$ns', '$note', 'kind']) if (v[k] !== undefined) out[k] = cloneJson(v[k]);
  if (desc === (RasdItem as unknown)) unifyUnits(out);
  return carry(input, out);
}

function normContent(v: unknown, content: Content, path: string, trail: string, w: Walk): unknown {
  switch (content.kind) {
    case 'leaf':
      return normLeaf(v, content, path, w);
    case 'complex':
      return isObj(v) ? normComplex(v, content, path, trail, w) : v;
    case 'xml':
      return carry(v, cloneJson(v) as object);
  }
}

const valueOf = (leaf: unknown): unknown => (isObj(leaf) ? leaf.$value : leaf);
function setValue(item: Obj, key: string, value: unknown): void {
  const cur = item[key];
  item[key] = isObj(cur) ? { ...cur, $value: value } : value;
}

/**
 * Memory (ResourceType 4) and disk (17) quantities in MB, whatever AllocationUnits they were written
 * in, when the conversion is exact. Otherwise (40 x `byte * 10^9` is 38146.97265625 MB) the quantity
 * and units stay as written and `$note` says so: build must not write a fraction where the schema
 * wants an integer (issue 11, "Exact units").
 */
function unifyUnits(item: Obj): void {
  const type = valueOf(item.ResourceType);
  if (type !== 4 && type !== 17) return;
  const q = valueOf(item.VirtualQuantity);
  if (typeof q !== 'number') return;
  const written = valueOf(item.AllocationUnits);
  // Disks written without AllocationUnits count bytes (OVF default); memory defaults to MB.
  const units = typeof written === 'string' ? written : type === 17 ? 'byte' : undefined;
  const mb = exactMegabytes(q, units);
  if (mb === undefined) {
    const approx = toMegabytes(q, units);
    if (approx !== undefined && Number.isFinite(approx)) {
      item.$note = `VirtualQuantity is kept in the units written (${units}): ${q} of them is ${approx} MB, not a whole number of MB`;
    }
    return;
  }
  setValue(item, 'VirtualQuantity', mb);
  setValue(item, 'AllocationUnits', MEGABYTES);
}

/**
 * Normalize a document (XML text, or a parsed or hand-made model): decoded values, explicit defaults,
 * memory and disk in MB where exact. The result can be passed to build. With `apiVersion`, rewritten
 * for and checked against that version (throws VersionError, a BuildError).
 */
export function normalize(input: string | Uint8Array | ParsedDocument | VmParamsDocument, opts: NormalizeOptions = {}): NormalizedDocument {
  const doc = (typeof input === 'string' || input instanceof Uint8Array ? parse(input, opts) : input) as Obj;
  const kind = doc.kind as Kind;
  if (!(KINDS as string[]).includes(kind)) throw new UnknownDocumentError(`the document's "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind) ?? String(kind)}`);
  const target = opts.apiVersion === undefined ? undefined : checkApiVersion(opts.apiVersion);
  const out = normComplex(doc, ROOTS[kind] as unknown as ComplexDesc, `/${kind}`, '', { target });
  return carry(doc, { kind, ...out }) as unknown as NormalizedDocument;
}

/**
 * The value of a leaf in either form: an element that may carry attributes (the CIM leaves of a
 * rasd Item, `ovf:Info`, ...) is a plain value when it has none and `{ $value, ...attributes }`
 * when it has some, so its type is a union. `leafValue(item.VirtualQuantity)` is the number in both cases.
 */
export function leafValue<V>(leaf: V | { readonly $value: V; readonly [attribute: string]: unknown } | undefined): V | undefined {
  return typeof leaf === 'object' && leaf !== null && '$value' in leaf ? (leaf as { $value: V }).$value : (leaf as V | undefined);
}

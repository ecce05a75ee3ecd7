/**
 * What the graph of a document must list, computed without src/graph: names, counts and NICs from the
 * generic element tree of the document (src/xml/reader.ts + toXElement, not the typed model the graph
 * walks), sizes from normalize()'s output read directly. Shared by the model and renderer tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { normalize } from '../../src/normalize.js';
import { NS } from '../../src/xml/names.js';
import { toXElement } from '../../src/xml/parse.js';
import { readDocument } from '../../src/xml/reader.js';
import { isText, textOf, type XElement } from '../../src/xml/tree.js';
import { ROOT } from '../cli/helpers.js';

type Obj = Record<string, unknown>;
/** The document as a generic element tree (the reader, then the plain tree kept for unknown content). */
export function xmlTree(xml: string | Uint8Array): XElement {
  const doc = readDocument(xml);
  return toXElement(doc, doc.root);
}
const kids = (el: XElement | undefined, name: string, ns: string = NS.vcloud) => (el?.children ?? []).filter((c): c is XElement => !isText(c) && c.name === name && c.ns === ns);
const kid = (el: XElement | undefined, name: string, ns: string = NS.vcloud) => kids(el, name, ns)[0];
// Unqualified attributes are keyed by their local name (Clark notation without a namespace).
const attr = (el: XElement | undefined, name: string) => el?.attrs?.[name] ?? null;
const text = (el: XElement | undefined) => (el ? textOf(el) : null);

/** A NIC as the document writes it. */
export interface ExpectedNic {
  index: number | null;
  network: string | null;
  mode: string | null;
  ip: string | null;
}

/** A VM as the document writes it. */
export interface ExpectedVm {
  item: string;
  name: string | null;
  nics: ExpectedNic[];
}

/** The lists a document's graph must have. */
export interface Expected {
  kind: string;
  networks: Array<{ name: string; fenceMode: string | null; parent: string | null }>;
  vms: ExpectedVm[];
  deleted: string[];
}

// The graph lists VMs by the element that holds them, in this order (as the rules' DocView does);
// within one kind in document order.
const VM_ITEMS = ['SourcedItem', 'CreateItem', 'ReconfigureItem', 'InstantiateVmParams', 'SourcedVmInstantiationParams'];

function nicsOf(vmEl: XElement, item: string): ExpectedNic[] {
  const holder = item === 'SourcedItem' ? kid(vmEl, 'InstantiationParams') : vmEl;
  const section = kid(holder, 'NetworkConnectionSection');
  return kids(section, 'NetworkConnection').map((nc) => {
    const idx = text(kid(nc, 'NetworkConnectionIndex'))?.trim();
    return {
      index: idx !== undefined && /^\d+$/.test(idx) ? Number(idx) : null,
      network: attr(nc, 'network'),
      mode: text(kid(nc, 'IpAddressAllocationMode')),
      ip: text(kid(nc, 'IpAddress')),
    };
  });
}

function vmName(el: XElement, item: string): string | null {
  if (item === 'SourcedItem') return text(kid(kid(el, 'VmGeneralParams'), 'Name')) ?? attr(kid(el, 'Source'), 'name');
  if (item === 'SourcedVmInstantiationParams') return attr(kid(el, 'Source'), 'name');
  if (item === 'InstantiateVmParams') return attr(el, 'id');
  return attr(el, 'name');
}

/** The expected lists of a document, from its element tree. */
export function expectedOf(xml: string | Uint8Array): Expected {
  const root = xmlTree(xml);
  const networks = kids(kid(kid(root, 'InstantiationParams'), 'NetworkConfigSection'), 'NetworkConfig').map((nc) => {
    const conf = kid(nc, 'Configuration');
    const parent = kid(conf, 'ParentNetwork');
    return { name: attr(nc, 'networkName') ?? '', fenceMode: text(kid(conf, 'FenceMode'))?.trim() || null, parent: parent ? (attr(parent, 'name') ?? attr(parent, 'href')) : null };
  });
  const vms = VM_ITEMS.flatMap((item) => kids(root, item).map((el) => ({ item, name: vmName(el, item), nics: nicsOf(el, item) })));
  const deleted = kids(root, 'DeleteItem').map((d) => attr(d, 'name') ?? attr(d, 'href') ?? '');
  return { kind: root.name, networks, vms, deleted };
}

const valueOf = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj).$value : v);

/**
 * CPU count and memory (MB) of each SourcedItem from normalize()'s output: rasd ResourceType 3 and 4
 * of its VirtualHardwareSection (normalize has converted memory to `byte * 2^20`).
 */
export function sourcedSizes(xml: string | Uint8Array): Array<{ cpus: number | null; memoryMB: number | null }> {
  const doc = normalize(xml) as unknown as Obj;
  return ((doc.SourcedItem as Obj[] | undefined) ?? []).map((si) => {
    const sections = (((si.InstantiationParams as Obj | undefined)?.sections as Obj[] | undefined) ?? []).map((e) => Object.entries(e)[0]!);
    const vhs = sections.find(([k]) => k === 'VirtualHardwareSection')?.[1] as Obj | undefined;
    const items = (vhs?.Item as Obj[] | undefined) ?? [];
    const of = (type: number) => items.find((i) => valueOf(i.ResourceType) === type);
    const cpu = valueOf(of(3)?.VirtualQuantity);
    const mem = of(4);
    const memMB = mem && valueOf(mem.AllocationUnits) === 'byte * 2^20' ? valueOf(mem.VirtualQuantity) : null;
    return { cpus: typeof cpu === 'number' ? cpu : null, memoryMB: typeof memMB === 'number' ? memMB : null };
  });
}

/** Every *.xml below a fixtures folder (relative to the repository root), sorted. */
export function fixtureFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  const out: string[] = [];
  for (const name of readdirSync(abs).sort()) {
    const full = join(abs, name);
    if (statSync(full).isDirectory()) out.push(...fixtureFiles(relative(ROOT, full)));
    else if (name.endsWith('.xml')) out.push(relative(ROOT, full));
  }
  return out;
}

/** The bytes of a fixture. */
export const fixture = (file: string) => readFileSync(join(ROOT, file));

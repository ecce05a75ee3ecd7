/**
 * Read-only views over a parsed document for rule checks: the vApp-level sections, one view per VM
 * (SourcedItem, CreateItem, ReconfigureItem, InstantiateVmParams, SourcedVmInstantiationParams) with its
 * sections found by name, and decoders for the raw string leaves. Built once per run, shared by all rules.
 */
import type { ParsedDocument } from '../../document.js';
import { boolean, int, long } from '../../model/codecs.js';
import type { ComplexDesc } from '../../model/dsl.js';
import { ROOTS, type Kind } from '../../model/roots.js';
import { NS } from '../../xml/names.js';
import { infoOf } from '../../xml/positions.js';
import { isText, textOf, type XElement } from '../../xml/tree.js';
import type { VdcContext } from '../context.js';
import { vmTypeSections, type SectionRef, type UnknownSection, type WalkSource } from './walk.js';
import { LATEST_API_VERSION } from '../versions.js';

export type { SectionRef, UnknownSection };
import type { InstantiationParamsT, NetworkConfigT, NetworkConnectionT, SectionName, SectionTypes } from './model-types.js';

/** A plain model object. */
export type Obj = Record<string, unknown>;

/** The text of a raw leaf (`"x"` or `{ $value: "x", ... }`), undefined when absent. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  // Hand-built or normalized models may hold decoded values; read them in their lexical form.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && (v as Obj).$value !== undefined && (v as Obj).$value !== null) return text((v as Obj).$value);
  return undefined;
}
/** xs:boolean of a raw leaf; undefined when absent or not a boolean (the schema reports that). */
export function bool(v: unknown): boolean | undefined {
  const s = text(v);
  return s === undefined ? undefined : boolean.decode(s);
}
/** An integer leaf (xs:int/long/unsigned*); undefined when absent or not an integer. */
export function num(v: unknown): number | undefined {
  const s = text(v);
  return s === undefined ? undefined : (int.decode(s) ?? long.decode(s));
}

/** Where a VM is described. */
export type VmKind = 'SourcedItem' | 'CreateItem' | 'ReconfigureItem' | 'InstantiateVmParams' | 'SourcedVmInstantiationParams';

/** One VM of the request and everything the document says about it. */
export interface VmView {
  kind: VmKind;
  /** The item object (for CreateItem/ReconfigureItem the generic XML element). */
  node: object;
  /** 1-based position among the items of this kind. */
  index: number;
  /** For messages: `SourcedItem 2 ("web01")`. */
  label: string;
  /** The VM's name when the document gives one. */
  name?: string;
  /** The InstantiationParams of a SourcedItem. */
  params?: InstantiationParamsT;
  sections: SectionRef[];
  unknownSections: UnknownSection[];
  /** The first section of that name. */
  section<K extends SectionName>(name: K): SectionTypes[K] | undefined;
  /** VmType content of CreateItem/ReconfigureItem. */
  xml?: XElement;
}

/** The vApp level: the root InstantiationParams. */
export interface VAppView {
  params?: InstantiationParamsT;
  sections: SectionRef[];
  unknownSections: UnknownSection[];
  section<K extends SectionName>(name: K): SectionTypes[K] | undefined;
}

function sectionsOf(params: InstantiationParamsT | undefined): { sections: SectionRef[]; unknown: UnknownSection[] } {
  const sections: SectionRef[] = [];
  const unknown: UnknownSection[] = [];
  (params?.sections ?? []).forEach((entry, index) => {
    const [name, value] = Object.entries(entry)[0] as [string, unknown];
    if (name === '$xml') unknown.push({ el: value as XElement, holder: params!, index });
    else sections.push({ name: name as SectionName, value: value as never, holder: params!, key: 'sections', index });
  });
  return { sections, unknown };
}

function finder(sections: SectionRef[]) {
  return <K extends SectionName>(name: K): SectionTypes[K] | undefined => sections.find((s) => s.name === name)?.value as SectionTypes[K] | undefined;
}

/** The first child element of a generic element with this local name (any namespace unless given). */
export function xchild(el: XElement | undefined, name: string, ns: string | null = NS.vcloud): XElement | undefined {
  return el?.children?.find((c): c is XElement => !isText(c) && c.name === name && (ns === null || c.ns === ns));
}
/** The trimmed text of a generic child element. */
export function xtext(el: XElement | undefined, name: string): string | undefined {
  const c = xchild(el, name);
  return c ? textOf(c).trim() : undefined;
}

/** Everything a rule needs to look at, computed once per document: the shared facts the rules are handed. */
export class DocView implements WalkSource {
  readonly doc: ParsedDocument;
  readonly kind: Kind;
  /** The document as a plain object (for generic access). */
  readonly root: Obj;
  /** The root element's description. */
  readonly rootDesc: ComplexDesc;
  /** Target API version: the one given, else the newest known. */
  readonly apiVersion: string;
  /** True when the caller named the API version (`--api-version`). */
  readonly apiVersionGiven: boolean;
  readonly context?: VdcContext;
  readonly vapp: VAppView;
  readonly vms: VmView[];
  /** The vApp networks this document defines (root NetworkConfigSection). */
  readonly vappNetworks: NetworkConfigT[];
  private readonly byItem = new Map<unknown, VmView>();
  private readonly vappNetworkSet: Set<object>;

  constructor(doc: ParsedDocument, opts: { apiVersion?: string; context?: VdcContext } = {}) {
    this.doc = doc;
    this.kind = doc.kind;
    this.root = doc as unknown as Obj;
    this.rootDesc = ROOTS[doc.kind] as unknown as ComplexDesc;
    this.apiVersion = opts.apiVersion ?? LATEST_API_VERSION;
    this.apiVersionGiven = opts.apiVersion !== undefined;
    this.context = opts.context;
    const vp = this.root.InstantiationParams as InstantiationParamsT | undefined;
    const vs = sectionsOf(vp);
    this.vapp = { params: vp, sections: vs.sections, unknownSections: vs.unknown, section: finder(vs.sections) };
    this.vms = this.collectVms();
    for (const vm of this.vms) this.byItem.set(vm.node, vm);
    this.vappNetworks = this.vapp.sections.flatMap((s) => (s.name === 'NetworkConfigSection' ? ((s.value as SectionTypes['NetworkConfigSection']).NetworkConfig ?? []) : []));
    this.vappNetworkSet = new Set(this.vappNetworks);
  }

  /** True for a NetworkConfig of the root InstantiationParams (a vApp network), false for one misplaced in a VM. */
  isVAppNetwork(nc: object): boolean {
    return this.vappNetworkSet.has(nc);
  }

  /** The VM of a root-level item object (SourcedItem, CreateItem, ...), undefined for anything else. */
  vmOf(item: unknown): VmView | undefined {
    return this.byItem.get(item);
  }

  private collectVms(): VmView[] {
    const out: VmView[] = [];
    const items = (key: string) => (this.root[key] as object[] | undefined) ?? [];
    items('SourcedItem').forEach((node, i) => {
      const si = node as Obj;
      const params = si.InstantiationParams as InstantiationParamsT | undefined;
      const s = sectionsOf(params);
      const name = text((si.VmGeneralParams as Obj | undefined)?.Name) ?? text((si.Source as Obj | undefined)?.name);
      out.push(this.vm('SourcedItem', node, i, name, s.sections, s.unknown, params));
    });
    for (const key of ['CreateItem', 'ReconfigureItem'] as const) {
      items(key).forEach((node, i) => {
        const el = node as XElement;
        const s = vmTypeSections(el);
        out.push({ ...this.vm(key, node, i, el.attrs?.name, s.sections, s.unknown), xml: el });
      });
    }
    items('InstantiateVmParams').forEach((node, i) => {
      const ivp = node as Obj;
      const ncs = ivp.NetworkConnectionSection as object | undefined;
      const sections: SectionRef[] = ncs ? [{ name: 'NetworkConnectionSection', value: ncs as never, holder: node, key: 'NetworkConnectionSection', index: 0 }] : [];
      out.push(this.vm('InstantiateVmParams', node, i, text(ivp.id), sections, []));
    });
    items('SourcedVmInstantiationParams').forEach((node, i) => {
      out.push(this.vm('SourcedVmInstantiationParams', node, i, text(((node as Obj).Source as Obj | undefined)?.name), [], []));
    });
    return out;
  }

  private vm(kind: VmKind, node: object, i: number, name: string | undefined, sections: SectionRef[], unknownSections: UnknownSection[], params?: InstantiationParamsT): VmView {
    const label = `${kind} ${i + 1}${name ? ` ("${name}")` : ''}`;
    return { kind, node, index: i + 1, label, name, params, sections, unknownSections, section: finder(sections) };
  }

  /** Every section of this name on any VM, with its VM. */
  vmSections<K extends SectionName>(name: K): Array<{ vm: VmView; section: SectionTypes[K]; ref: SectionRef }> {
    return this.vms.flatMap((vm) => vm.sections.filter((s) => s.name === name).map((ref) => ({ vm, section: ref.value as SectionTypes[K], ref })));
  }

  /** Every NIC (NetworkConnection) of every VM, with its section and 0-based position in it. */
  nics(): Array<{ vm: VmView; section: SectionTypes['NetworkConnectionSection']; nic: NetworkConnectionT; i: number }> {
    return this.vmSections('NetworkConnectionSection').flatMap(({ vm, section }) => (section.NetworkConnection ?? []).map((nic, i) => ({ vm, section, nic, i })));
  }

  /** Whether the VM's guest OS is Windows: from vmw:osType / CIM id, or VmSpecSection OsType; undefined when unknown. */
  isWindows(vm: VmView): boolean | undefined {
    const os = vm.section('OperatingSystemSection');
    const osType = text(os?.osType) ?? xtext(xchild(vm.xml, 'VmSpecSection'), 'OsType');
    if (osType) return /^win/i.test(osType.trim());
    const id = num(os?.id);
    if (id !== undefined) return WINDOWS_CIM_IDS.has(id);
    return undefined;
  }

  /** True when the object came from parse (has a position); false for hand-built documents. */
  hasPosition(obj: object): boolean {
    return infoOf(obj) !== undefined;
  }
}

/**
 * CIM_OperatingSystem OsType values that are Windows (DMTF CIM schema ValueMap: 15-19 WIN3x..WINCE,
 * 58 Windows 2000, 63 Me, 67 XP, 69-77 Server 2003..2008 and XP/Vista variants, 103 2008 R2, 105 Windows 7,
 * 111-115 Server 2011..2012 R2 and Windows 8).
 */
const WINDOWS_CIM_IDS = new Set([15, 16, 17, 18, 19, 58, 63, 67, 69, 70, 71, 72, 73, 74, 75, 76, 77, 103, 105, 111, 112, 113, 114, 115]);

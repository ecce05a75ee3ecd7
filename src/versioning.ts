/**
 * Writing for one Cloud Director API version (`build(doc, { apiVersion })`, `normalize --api-version`).
 * The facts are the descriptions' `since`/`deprecated`/`removed` (src/model/**), corrected by
 * src/validate/versions.ts, the same facts validate uses. Two steps per object:
 * 1. adapt: where the target has another form for the same request, rewrite to it (a handler per
 *    schema type, style.md §3): ComputePolicy <-> VdcComputePolicy, SourcedItem <->
 *    SourcedVmInstantiationParams, VmGeneralParams/Name -> Source/@name, SubnetPrefixLength -> Netmask;
 * 2. refuse: anything still present that the target does not have (introduced later, or removed)
 *    throws a VersionError naming it and the version. Deprecated items are written (still accepted).
 */
import type { ComplexDesc, Meta } from './model/dsl.js';
import { exactMegabytes } from './model/units.js';
import { compareVersions, judge, parseApiVersion, verdictAt, VMTYPE_FACTS } from './validate/versions.js';
import { BuildError } from './xml/build-error.js';
import { NS } from './xml/names.js';
import { isText, type XElement } from './xml/tree.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const before = (target: string, v: string) => compareVersions(target, v) < 0;

/** An element or attribute the target API version does not have (a BuildError, so build's callers catch one class). */
export class VersionError extends BuildError {
  constructor(
    message: string,
    path: string,
    /** `<VmGeneralParams>` or `@linkedClone`. */
    readonly element: string,
    /** The version that introduced (or removed) it. */
    readonly version: string,
    readonly issue: 'not-yet-available' | 'removed',
    /** The target API version. */
    readonly target: string,
    /** Where, in a parsed document: the object holding the element, its key (`@attr` for an attribute) and index. */
    readonly at?: { node: object; key: string; index?: number },
  ) {
    super(message, path);
    this.name = 'VersionError';
  }
}

/** Check an `apiVersion` option (throws ApiVersionError for `36`, `v36.0`, ...). */
export function checkApiVersion(v: string): string {
  parseApiVersion(v);
  return v;
}

/** The message for an item the target does not have. */
function refusalMessage(name: string, issue: 'not-yet-available' | 'removed', version: string, target: string, replacement?: string): string {
  return issue === 'not-yet-available'
    ? `${name} was introduced in API ${version}; API ${target} does not have it (remove it, or target API ${version} or later)`
    : `${name} was removed in API ${version}; API ${target} does not accept it (${replacement ? `use ${replacement} instead` : 'remove it'}, or target an API version before ${version})`;
}

/**
 * Refuse an element (`<Name>`) or attribute (`@name`) the target version does not have. `trail` is
 * the element names from the root (`SourcedItem/VmGeneralParams`), matched against versions.ts facts.
 */
export function refuseIfUnknown(meta: Meta, name: string, trail: string, target: string, path: string, at?: VersionError['at']): void {
  const j = verdictAt(meta, trail, target);
  if (!j || j.issue === 'deprecated') return;
  throw new VersionError(refusalMessage(name, j.issue, j.version, target, j.replacement), path, name, j.version, j.issue, target, at);
}

/** The VmType content of CreateItem/ReconfigureItem, which the model keeps as XML: its facts are in versions.ts VMTYPE_FACTS. */
export function refuseInVmType(el: XElement, target: string, path: string): void {
  const stack: [XElement, string, string][] = [[el, '', path]];
  while (stack.length) {
    const [e, below, at] = stack.pop()!;
    for (const c of e.children ?? []) {
      if (isText(c) || c.ns !== NS.vcloud) continue;
      const trail = below ? `${below}/${c.name}` : c.name;
      const meta = VMTYPE_FACTS[trail];
      const j = meta && judge(meta, target);
      if (j && j.issue !== 'deprecated') throw new VersionError(refusalMessage(`<${c.name}>`, j.issue, j.version, target, j.replacement), `${at}/${c.name}`, `<${c.name}>`, j.version, j.issue, target);
      // VMTYPE_FACTS trails are at most two levels deep.
      if (!below) stack.push([c, trail, `${at}/${c.name}`]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Adapters: another form of the same request for the target version

type Adapter = (obj: Obj, target: string, path: string) => Obj;

const without = (o: Obj, ...keys: string[]): Obj => {
  const out = { ...o };
  for (const k of keys) delete out[k];
  return out;
};
const present = (o: Obj, keys: string[]) => keys.filter((k) => o[k] !== undefined);

/**
 * SourcedItem: ComputePolicy (33.0) and VdcComputePolicy (31.0, deprecated 33.0, removed 34.0).
 * Below 33.0 a ComputePolicy with one policy becomes VdcComputePolicy (which takes one reference);
 * from 33.0 on a VdcComputePolicy becomes ComputePolicy/VmSizingPolicy, as go-vcloud-director does
 * for servers at 33.0 and later. Below 5.6, VmGeneralParams/Name becomes Source/@name, how older
 * servers named the new VM (the Source doc: "specifying name attribute is deprecated. Include
 * VmGeneralParams element instead").
 */
const sourcedItem: Adapter = (obj, target, path) => {
  let out = obj;
  const cp = out.ComputePolicy;
  if (isObj(cp) && before(target, '33.0') && !before(target, '31.0') && out.VdcComputePolicy === undefined) {
    const policies = present(cp, ['VmPlacementPolicy', 'VmSizingPolicy']);
    const others = present(cp, Object.keys(cp)).filter((k) => !policies.includes(k));
    if (policies.length !== 1 || others.length) {
      const why = policies.length > 1 ? 'both a placement and a sizing policy' : others.length ? others.join(', ') : 'no policy';
      throw new VersionError(`<ComputePolicy> was introduced in API 33.0; API ${target} has <VdcComputePolicy> (31.0) instead, which takes one policy reference, and this ComputePolicy has ${why}`, `${path}/ComputePolicy`, '<ComputePolicy>', '33.0', 'not-yet-available', target);
    }
    out = { ...without(out, 'ComputePolicy'), VdcComputePolicy: cp[policies[0]] };
  } else if (out.VdcComputePolicy !== undefined && cp === undefined && !before(target, '33.0')) {
    out = { ...without(out, 'VdcComputePolicy'), ComputePolicy: { VmSizingPolicy: out.VdcComputePolicy } };
  }
  const gp = out.VmGeneralParams;
  if (isObj(gp) && before(target, '5.6') && isObj(out.Source)) {
    const rest = present(gp, Object.keys(gp)).filter((k) => k !== 'Name' && k !== 'NeedsCustomization');
    // NeedsCustomization only repeats an enabled GuestCustomizationSection, which older servers go by.
    const customizes = gp.NeedsCustomization === undefined || String(gp.NeedsCustomization) === 'false' || sectionOf(out, 'GuestCustomizationSection')?.Enabled !== undefined;
    if (rest.length === 0 && customizes && (gp.Name === undefined || out.Source.name === undefined || out.Source.name === gp.Name)) {
      out = { ...without(out, 'VmGeneralParams'), Source: gp.Name === undefined ? out.Source : { ...out.Source, name: gp.Name } };
    }
  }
  return out;
};

function sectionOf(holder: Obj, name: string): Obj | undefined {
  const ip = holder.InstantiationParams;
  if (!isObj(ip) || !Array.isArray(ip.sections)) return undefined;
  for (const s of ip.sections) if (isObj(s) && isObj(s[name])) return s[name] as Obj;
  return undefined;
}

const valueOf = (v: unknown): unknown => (isObj(v) ? v.$value : v);
const num = (v: unknown): number | undefined => {
  const x = valueOf(v);
  const n = typeof x === 'number' ? x : typeof x === 'string' && /^\s*\d+\s*$/.test(x) ? Number(x) : undefined;
  return n;
};

/** SourcedItem -> SourcedVmInstantiationParams (5.1-5.5), when everything it says fits: Source, StorageProfile, LocalityParams, CPU/memory/disk sizes. */
function toSourcedVm(item: Obj, target: string): Obj | undefined {
  if (present(item, Object.keys(item)).some((k) => !['Source', 'StorageProfile', 'LocalityParams', 'InstantiationParams'].includes(k))) return undefined;
  const out: Obj = { Source: item.Source };
  if (item.StorageProfile !== undefined) out.StorageProfile = item.StorageProfile;
  if (item.LocalityParams !== undefined) out.LocalityParams = item.LocalityParams;
  if (item.InstantiationParams === undefined) return out;
  const ip = item.InstantiationParams;
  if (!isObj(ip) || present(ip, Object.keys(ip)).some((k) => k !== 'sections') || !Array.isArray(ip.sections)) return undefined;
  if (ip.sections.length === 0) return out;
  // HardwareCustomization (5.5) holds what a VirtualHardwareSection says about CPU, memory and disk sizes.
  if (before(target, '5.5') || ip.sections.length !== 1 || !isObj(ip.sections[0]) || !isObj(ip.sections[0].VirtualHardwareSection)) return undefined;
  const hw = ip.sections[0].VirtualHardwareSection as Obj;
  if (present(hw, Object.keys(hw)).some((k) => k !== 'Item' && k !== 'Info') || !Array.isArray(hw.Item)) return undefined;
  const hc: Obj = {};
  const disks: Obj[] = [];
  for (const it of hw.Item) {
    if (!isObj(it)) return undefined;
    const type = num(it.ResourceType);
    const extra = present(it, Object.keys(it)).filter((k) => !['AllocationUnits', 'Description', 'ElementName', 'InstanceID', 'ResourceType', 'VirtualQuantity', 'CoresPerSocket', 'HostResource'].includes(k));
    if (extra.length) return undefined;
    if (type === 3 && it.HostResource === undefined) {
      hc.NumberOfCpus = num(it.VirtualQuantity);
      if (it.CoresPerSocket !== undefined) hc.CoresPerSocket = num(it.CoresPerSocket);
    } else if (type === 4 && it.HostResource === undefined) {
      const q = num(it.VirtualQuantity);
      const units = valueOf(it.AllocationUnits);
      const mb = q === undefined ? undefined : exactMegabytes(q, typeof units === 'string' ? units : undefined);
      if (mb === undefined) return undefined;
      hc.MemorySize = mb;
    } else if (type === 17) {
      const hosts = Array.isArray(it.HostResource) ? it.HostResource : [];
      const host = hosts[0];
      const capacity = isObj(host) ? num(host.capacity) : undefined;
      if (hosts.length > 1 || (isObj(host) && present(host, Object.keys(host)).some((k) => k !== 'capacity' && k !== '$value'))) return undefined;
      const q = num(it.VirtualQuantity);
      const units = valueOf(it.AllocationUnits);
      const size = capacity ?? (q === undefined ? undefined : exactMegabytes(q, typeof units === 'string' ? units : 'byte'));
      if (size === undefined) return undefined;
      disks.push({ instanceId: String(valueOf(it.InstanceID)), Size: size });
    } else return undefined;
  }
  if (disks.length) hc.Disk = disks;
  if (Object.values(hc).some((v) => v === undefined)) return undefined;
  return { ...out, HardwareCustomization: hc };
}

/** SourcedVmInstantiationParams -> SourcedItem (from 30.0 on, where it was removed): HardwareCustomization as rasd items. */
function toSourcedItem(p: Obj): Obj {
  const out: Obj = { Source: p.Source };
  if (p.StorageProfile !== undefined) out.StorageProfile = p.StorageProfile;
  if (p.LocalityParams !== undefined) out.LocalityParams = p.LocalityParams;
  const hc = p.HardwareCustomization;
  if (!isObj(hc)) return out;
  const items: Obj[] = [];
  if (hc.NumberOfCpus !== undefined) {
    items.push({ AllocationUnits: 'hertz * 10^6', Description: 'Number of Virtual CPUs', ElementName: `${valueOf(hc.NumberOfCpus)} virtual CPU(s)`, InstanceID: '4', ResourceType: 3, VirtualQuantity: hc.NumberOfCpus, ...(hc.CoresPerSocket !== undefined && { CoresPerSocket: { $value: hc.CoresPerSocket, required: false } }) });
  }
  if (hc.MemorySize !== undefined) items.push({ AllocationUnits: 'byte * 2^20', Description: 'Memory Size', ElementName: `${valueOf(hc.MemorySize)} MB of memory`, InstanceID: '5', ResourceType: 4, VirtualQuantity: hc.MemorySize });
  for (const d of Array.isArray(hc.Disk) ? hc.Disk : []) {
    if (isObj(d)) items.push({ Description: 'Hard disk', ElementName: `Hard disk ${d.instanceId ?? ''}`.trim(), HostResource: [{ $value: '', capacity: d.Size }], InstanceID: String(d.instanceId ?? ''), ResourceType: 17 });
  }
  if (items.length) out.InstantiationParams = { sections: [{ VirtualHardwareSection: { Item: items } }] };
  return out;
}

/** InstantiateVAppTemplateParams and CloneVAppParams: SourcedItem (5.6) <-> SourcedVmInstantiationParams (5.1, removed 30.0). */
const instantiate: Adapter = (obj, target) => {
  if (Array.isArray(obj.SourcedItem) && obj.SourcedItem.length && before(target, '5.6') && !before(target, '5.1') && obj.SourcedVmInstantiationParams === undefined) {
    const converted = obj.SourcedItem.map((it) => (isObj(it) ? toSourcedVm(sourcedItem(it, target, ''), target) : undefined));
    // All or nothing: otherwise the refusal names SourcedItem and its version.
    if (converted.every((c) => c !== undefined)) return { ...without(obj, 'SourcedItem'), SourcedVmInstantiationParams: converted };
  }
  if (Array.isArray(obj.SourcedVmInstantiationParams) && obj.SourcedVmInstantiationParams.length && !before(target, '30.0') && obj.SourcedItem === undefined && obj.SourcedVmInstantiationParams.every(isObj)) {
    return { ...without(obj, 'SourcedVmInstantiationParams'), SourcedItem: obj.SourcedVmInstantiationParams.map(toSourcedItem) };
  }
  return obj;
};

const PREFIX_LENGTH_MASK = (n: number) => [24, 16, 8, 0].map((s) => ((n >= 32 ? 0xffffffff : ~(0xffffffff >>> n)) >>> s) & 255).join('.');

/** IpScope: SubnetPrefixLength (34.0) below 34.0 is the Netmask it stands for (IPv4 only; IPv6 subnets need 34.0). */
const ipScope: Adapter = (obj, target) => {
  if (obj.SubnetPrefixLength === undefined || !before(target, '34.0')) return obj;
  if (obj.Netmask !== undefined) return without(obj, 'SubnetPrefixLength');
  const n = num(obj.SubnetPrefixLength);
  const gateway = valueOf(obj.Gateway);
  if (n === undefined || n > 32 || (typeof gateway === 'string' && gateway.includes(':'))) return obj;
  return { ...without(obj, 'SubnetPrefixLength'), Netmask: PREFIX_LENGTH_MASK(n) };
};

/** The adapters, by the schema type name of the object they rewrite. */
const ADAPTERS = {
  SourcedCompositionItemParamType: sourcedItem,
  InstantiateVAppTemplateParamsType: instantiate,
  CloneVAppParamsType: instantiate,
  IpScopeType: ipScope,
} satisfies Record<string, Adapter>;

/** The object in the form the target version takes (the input itself when nothing changes; never mutated). */
export function adaptForVersion(desc: ComplexDesc, obj: Obj, target: string, path: string): Obj {
  const a = (ADAPTERS as Record<string, Adapter | undefined>)[desc.name];
  return a ? a(obj, target, path) : obj;
}

/**
 * One GraphVm per VM of a normalized document. Where VMs live and which sections they have comes from
 * the rules' DocView (src/validate/rules/view.ts), so the picture shows the VMs validate checks.
 * Values are read from the normalized model (memory and disks in MB, numbers decoded). The model keeps
 * CreateItem/ReconfigureItem content (VmType) as generic XML: their sections are typed by DocView and
 * normalized here by the same normalize(), and their VmSpecSection (not modelled) is decoded with the
 * model's codecs.
 */
import { normalize } from '../normalize.js';
import { int, long } from '../model/codecs.js';
import { MEGABYTES } from '../model/units.js';
import { isText, type XElement } from '../xml/tree.js';
import { xchild, xtext, type DocView, type Obj, type SectionRef, type VmView } from '../validate/rules/view.js';
import type { GraphNic, GraphRef, GraphVm } from './types.js';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value of a normalized leaf (`x` or `{ $value: x, ...attrs }`). */
const valueOf = (leaf: unknown): unknown => (isObj(leaf) ? leaf.$value : leaf);
const num = (leaf: unknown): number | null => {
  const v = valueOf(leaf);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const str = (leaf: unknown): string | null => {
  const v = valueOf(leaf);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
};
const bool = (leaf: unknown): boolean | null => {
  const v = valueOf(leaf);
  return typeof v === 'boolean' ? v : null;
};

/** A ReferenceType as a GraphRef (null when absent). */
export function refOf(v: unknown): GraphRef | null {
  if (!isObj(v)) return null;
  return { name: str(v.name), href: str(v.href) };
}

/**
 * The sections of a VM as normalize() returns them. SourcedItem sections already are (the view was
 * built over the normalized document); CreateItem/ReconfigureItem sections were typed from generic XML
 * by the view, so they go through normalize() inside a minimal document of their own.
 */
function normalizedSections(vm: VmView): Record<string, Obj> {
  const out: Record<string, Obj> = {};
  const keep = (name: string, value: unknown) => {
    // The first section of a name counts, as DocView.section() does.
    if (!(name in out) && isObj(value)) out[name] = value;
  };
  if (!vm.xml) {
    for (const s of vm.sections) keep(s.name, s.value);
    return out;
  }
  const sections = vm.sections.map((s: SectionRef) => ({ [s.name]: s.value }));
  const wrapped = normalize({ kind: 'ComposeVAppParams', SourcedItem: [{ Source: { href: '' }, InstantiationParams: { sections } }] } as never) as unknown as Obj;
  const params = ((wrapped.SourcedItem as Obj[])[0]!.InstantiationParams as Obj).sections as Obj[];
  for (const entry of params) {
    const [name, value] = Object.entries(entry)[0]!;
    keep(name, value);
  }
  return out;
}

/** Hardware facts; each field stays null until a source gives it. */
interface Hardware {
  cpus: number | null;
  memoryMB: number | null;
  diskMB: number[] | null;
  os: string | null;
}

/** rasd Items of ovf:VirtualHardwareSection: CPU = ResourceType 3, memory = 4, disk = 17 (schema-facts.md §4.7). */
function fromVirtualHardware(section: Obj | undefined, hw: Hardware): void {
  const items = (section?.Item as Obj[] | undefined) ?? [];
  const disks: number[] = [];
  for (const item of items) {
    const type = num(item.ResourceType);
    // normalize() rewrites memory and disk quantities to MB and says so in AllocationUnits; a quantity
    // left in other units (hertz for memory, say) is not a size and is not shown as one.
    const mb = valueOf(item.AllocationUnits) === MEGABYTES ? num(item.VirtualQuantity) : null;
    if (type === 3 && hw.cpus === null) hw.cpus = num(item.VirtualQuantity);
    else if (type === 4 && hw.memoryMB === null) hw.memoryMB = mb;
    else if (type === 17) {
      // Cloud Director gives a disk's size as HostResource vcloud:capacity (MB); OVF as VirtualQuantity.
      const capacity = ((item.HostResource as unknown[] | undefined) ?? []).map((h) => (isObj(h) ? num(h.capacity) : null)).find((c) => c !== null);
      const size = capacity ?? mb;
      if (size !== null) disks.push(size);
    }
  }
  if (hw.diskMB === null && disks.length) hw.diskMB = disks;
}

/** ovf:OperatingSystemSection: Cloud Director's vmw:osType, else the description, else the CIM id. */
function fromOperatingSystem(section: Obj | undefined, hw: Hardware): void {
  if (!section || hw.os !== null) return;
  const id = num(section.id);
  hw.os = str(section.osType)?.trim() || str(section.Description)?.trim() || (id !== null ? `ovf:id ${id}` : null);
}

/** VmSpecSection of a CreateItem/ReconfigureItem (vcloud VmSpecSectionType; generic XML in the model). */
function fromVmSpec(vmType: XElement | undefined, hw: Hardware): void {
  const spec = xchild(vmType, 'VmSpecSection');
  if (!spec) return;
  const dec = (s: string | undefined, codec: typeof int) => (s === undefined ? null : (codec.decode(s) ?? null));
  hw.os ??= xtext(spec, 'OsType') || null;
  hw.cpus ??= dec(xtext(spec, 'NumCpus'), int);
  hw.memoryMB ??= dec(xtext(xchild(spec, 'MemoryResourceMb'), 'Configured'), long);
  const disks = (xchild(spec, 'DiskSection')?.children ?? [])
    .filter((c): c is XElement => !isText(c) && c.name === 'DiskSettings')
    .map((d) => dec(xtext(d, 'SizeMb'), long))
    .filter((n): n is number => n !== null);
  if (hw.diskMB === null && disks.length) hw.diskMB = disks;
}

/** HardwareCustomization (InstantiateVmParams, SourcedVmInstantiationParams): sizes in MB by the schema. */
function fromHardwareCustomization(hc: unknown, hw: Hardware): void {
  if (!isObj(hc)) return;
  hw.cpus ??= num(hc.NumberOfCpus);
  hw.memoryMB ??= num(hc.MemorySize);
  const disks = ((hc.Disk as Obj[] | undefined) ?? []).map((d) => num(d.Size)).filter((n): n is number => n !== null);
  if (hw.diskMB === null && disks.length) hw.diskMB = disks;
}

/** NetworkConnectionSection/NetworkConnection, in document order. */
function nicsOf(section: Obj | undefined): GraphNic[] {
  return ((section?.NetworkConnection as Obj[] | undefined) ?? []).map((nic) => ({
    index: num(nic.NetworkConnectionIndex),
    network: str(nic.network),
    mode: str(nic.IpAddressAllocationMode),
    ip: str(nic.IpAddress),
    connected: bool(nic.IsConnected),
  }));
}

/** The VM the item is made from or changes. */
function sourceOf(vm: VmView): GraphRef | null {
  if (vm.kind === 'ReconfigureItem') return { name: vm.xml?.attrs?.name ?? null, href: vm.xml?.attrs?.href ?? null };
  return refOf((vm.node as Obj).Source);
}

/** Every VM of the document (DocView order: SourcedItem, CreateItem, ReconfigureItem, InstantiateVmParams, SourcedVmInstantiationParams). */
export function graphVms(view: DocView): GraphVm[] {
  return view.vms.map((vm) => {
    const sections = normalizedSections(vm);
    const hw: Hardware = { cpus: null, memoryMB: null, diskMB: null, os: null };
    // A blank VM (CreateItem) is sized by its VmSpecSection; the ovf sections only override.
    fromVmSpec(vm.xml, hw);
    fromHardwareCustomization((vm.node as Obj).HardwareCustomization, hw);
    fromVirtualHardware(sections.VirtualHardwareSection, hw);
    fromOperatingSystem(sections.OperatingSystemSection, hw);
    return {
      name: vm.name ?? null,
      cpus: hw.cpus,
      memoryMB: hw.memoryMB,
      diskMB: hw.diskMB ?? [],
      nics: nicsOf(sections.NetworkConnectionSection),
      os: hw.os,
      item: vm.kind,
      source: sourceOf(vm),
    };
  });
}

/**
 * What every picture says, computed once for all renderers so mermaid, dot and svg agree: the
 * networks to draw (the declared ones, then those a NIC or NetworkMapping names without declaring),
 * the org VDC networks they connect to, and the text of each box and edge. Text from the document is
 * cleaned of control characters here; each renderer escapes it for its own syntax.
 */
import type { GraphNic, GraphRef, GraphVm, VAppGraph } from './types.js';

/** A network as drawn. */
export interface DrawNetwork {
  name: string;
  fenceMode: string | null;
  parent: string | null;
  /** False for a network a NIC or mapping names that this request does not declare (the source's or the VDC's). */
  declared: boolean;
  /** OVF networks mapped onto it (InstantiateOvfParams/NetworkMapping Source). */
  ovf: string[];
  /** Index into DrawModel.orgs of its parent, or -1. */
  org: number;
}

/** A NIC as drawn: the network it reaches (index into DrawModel.networks, -1 for `none` or no network). */
export interface DrawNic {
  nic: GraphNic;
  network: number;
  label: string;
  /** Drawn dashed: IsConnected false. */
  disconnected: boolean;
}

/** A VM as drawn. */
export interface DrawVm {
  title: string;
  /** Lines under the title: size, disks, OS, origin. */
  lines: string[];
  /** Every NIC in document order; those with network -1 have no edge. */
  nics: DrawNic[];
}

/** The NICs of a VM that reach a network (one edge each). */
export function attachedNics(vm: DrawVm): DrawNic[] {
  return vm.nics.filter((n) => n.network >= 0);
}

/** Label lines for the NICs that reach no network (`@network="none"`): they have no edge to carry their label. */
export function unattachedLines(vm: DrawVm): string[] {
  return vm.nics.filter((n) => n.network < 0).map((n) => `${n.label} · no network`);
}

/** Everything a renderer needs, in a fixed order (same graph -> same picture). */
export interface DrawModel {
  title: string;
  /** A second heading line: where the vApp comes from (template, copied vApp), when the request says. */
  subtitle: string | null;
  networks: DrawNetwork[];
  orgs: string[];
  vms: DrawVm[];
  /** RecomposeVAppParams DeleteItem names. */
  deleted: string[];
  /** What to say when the request names no VM, network or deleted VM; null otherwise. */
  empty: string | null;
}

/** The words for a request that draws nothing, by kind: what the vApp gets instead. */
const EMPTY: Record<VAppGraph['kind'], string> = {
  InstantiateVAppTemplateParams: 'VMs and networks as in the vApp template',
  CloneVAppParams: 'VMs and networks as in the source vApp',
  InstantiateOvfParams: 'VMs and networks as in the OVF descriptor',
  ComposeVAppParams: 'an empty vApp: no VMs or networks in this request',
  RecomposeVAppParams: 'no VMs or networks changed by this request',
};

/**
 * Text from the document without control characters (C0, DEL, C1, line separators) and without what
 * XML cannot hold (U+FFFE/U+FFFF, lone surrogates): no output format may carry them raw, and a
 * terminal must never receive an escape sequence from outside input.
 */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]+|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ');
}

/** A size in MB as people say it: `512 MB`, `8 GB`, `1.5 GB`, `2 TB`. */
export function formatMB(mb: number): string {
  const fmt = (n: number) => String(Math.round(n * 10) / 10);
  if (mb >= 1024 * 1024) return `${fmt(mb / (1024 * 1024))} TB`;
  if (mb >= 1024) return `${fmt(mb / 1024)} GB`;
  return `${fmt(mb)} MB`;
}

const refText = (r: GraphRef | null | undefined) => (r ? clean(r.name ?? r.href ?? '') : '');

/** The VM's origin in words, by the element that describes it. */
function origin(vm: GraphVm, g: VAppGraph): string {
  const from = refText(vm.source);
  switch (vm.item) {
    case 'SourcedItem':
      return `${g.kind === 'RecomposeVAppParams' ? 'added, ' : ''}from ${from || 'a source VM'}`;
    case 'SourcedVmInstantiationParams':
      return `from ${from || 'a source VM'}`;
    case 'CreateItem':
      return g.kind === 'RecomposeVAppParams' ? 'added, new blank VM' : 'new blank VM';
    case 'ReconfigureItem':
      return 'reconfigured';
    case 'InstantiateVmParams':
      return 'OVF VirtualSystem';
  }
}

/** `nic0 · MANUAL · 10.0.0.10` (index, allocation mode, IP; what the document leaves out is left out). */
export function nicLabel(nic: GraphNic): string {
  const parts = [nic.index === null ? 'nic ?' : `nic${nic.index}`];
  if (nic.mode) parts.push(clean(nic.mode.trim()));
  if (nic.ip) parts.push(clean(nic.ip.trim()));
  if (nic.connected === false) parts.push('disconnected');
  return parts.join(' · ');
}

/** The lines of a VM box under its name. */
function vmLines(vm: GraphVm, g: VAppGraph): string[] {
  const size: string[] = [];
  if (vm.cpus !== null) size.push(`${vm.cpus} vCPU`);
  if (vm.memoryMB !== null) size.push(`${formatMB(vm.memoryMB)} RAM`);
  const lines: string[] = [];
  lines.push(size.length ? size.join(' · ') : vm.item === 'ReconfigureItem' ? 'size unchanged' : 'size as in the source');
  if (vm.diskMB.length) lines.push(`${vm.diskMB.length === 1 ? 'disk' : 'disks'} ${vm.diskMB.map(formatMB).join(' + ')}`);
  if (vm.os) lines.push(clean(vm.os));
  lines.push(origin(vm, g));
  return lines;
}

/** The heading: request type and vApp name. */
function title(g: VAppGraph): string {
  return `${g.kind}: vApp ${g.vapp.name === null ? '(no name)' : clean(g.vapp.name)}`;
}

function subtitle(g: VAppGraph): string | null {
  const src = refText(g.vapp.source);
  if (!src) return null;
  if (g.kind === 'CloneVAppParams') return `${g.vapp.sourceDelete ? 'moved from' : 'copy of'} vApp ${src}`;
  return `from vApp template ${src}`;
}

/** The drawing model of a graph. */
export function drawModel(g: VAppGraph): DrawModel {
  const networks: DrawNetwork[] = [];
  const byName = new Map<string, number>();
  const orgs: string[] = [];
  const add = (name: string, declared: boolean, fenceMode: string | null = null, parent: string | null = null) => {
    const existing = byName.get(name);
    if (existing !== undefined) return existing;
    let org = -1;
    if (parent !== null) {
      org = orgs.indexOf(clean(parent));
      if (org < 0) org = orgs.push(clean(parent)) - 1;
    }
    byName.set(name, networks.length);
    return networks.push({ name: clean(name), fenceMode: fenceMode === null ? null : clean(fenceMode), parent: parent === null ? null : clean(parent), declared, ovf: [], org }) - 1;
  };
  // A second NetworkConfig of the same name (an error validate reports) is not drawn twice.
  for (const n of g.networks) add(n.name, true, n.fenceMode, n.parent);
  const vms = g.vms.map((vm, i): DrawVm => {
    const nics = vm.nics.map((nic): DrawNic => {
      const network = nic.network === null || nic.network.trim() === 'none' ? -1 : add(nic.network, false);
      return { nic, network, label: nicLabel(nic), disconnected: nic.connected === false };
    });
    const title = vm.name ? clean(vm.name) : `${vm.item} ${g.vms.slice(0, i + 1).filter((v) => v.item === vm.item).length} (no name)`;
    return { title, lines: vmLines(vm, g), nics };
  });
  for (const m of g.networkMappings ?? []) networks[add(m.target, false)]!.ovf.push(clean(m.source));
  const deleted = (g.deleted ?? []).map((d) => refText(d) || '(no name)');
  const empty = vms.length || networks.length || deleted.length ? null : EMPTY[g.kind];
  return { title: title(g), subtitle: subtitle(g), networks, orgs, vms, deleted, empty };
}

/** The lines of a network's label under its name. */
export function networkLines(n: DrawNetwork): string[] {
  const lines: string[] = [];
  if (!n.declared) lines.push('not declared in this request');
  else lines.push(n.fenceMode ?? 'no fence mode');
  if (n.parent !== null) lines.push(`parent ${n.parent}`);
  for (const o of n.ovf) lines.push(`OVF network ${o}`);
  return lines;
}

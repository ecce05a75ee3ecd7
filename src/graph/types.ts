/**
 * The graph of a request (interface.md "See the vApp"): what the document builds, as plain data that
 * every renderer (mermaid, dot, svg, json) draws. The fields interface.md names keep its names and
 * order; the others (os, item, source, connected, deleted, networkMappings) are additions the issue
 * asks for. A value the document does not give is `null` (the server takes it from the source).
 */
import type { Kind } from '../model/roots.js';

/** Where a VM is described in the request (the element that holds it). */
export type VmItem = 'SourcedItem' | 'CreateItem' | 'ReconfigureItem' | 'InstantiateVmParams' | 'SourcedVmInstantiationParams';

/** A reference to something on the server (ReferenceType): its `name` and `href` as written. */
export interface GraphRef {
  name: string | null;
  href: string | null;
}

/** One vApp network (root InstantiationParams/NetworkConfigSection/NetworkConfig). */
export interface GraphNetwork {
  /** `@networkName`. */
  name: string;
  /** Configuration/FenceMode (bridged, natRouted, isolated). */
  fenceMode: string | null;
  /** The org VDC network it connects to: Configuration/ParentNetwork `name`, else its `href`. */
  parent: string | null;
}

/** One NIC of a VM (NetworkConnectionSection/NetworkConnection). */
export interface GraphNic {
  /** NetworkConnectionIndex. */
  index: number | null;
  /** `@network`: a vApp network name, or `none`. */
  network: string | null;
  /** IpAddressAllocationMode (MANUAL, POOL, DHCP, NONE). */
  mode: string | null;
  /** IpAddress. */
  ip: string | null;
  /** IsConnected. */
  connected: boolean | null;
}

/** One VM the request creates, adds, reconfigures or instantiates. */
export interface GraphVm {
  /** VmGeneralParams/Name, else Source `name` (SourcedItem); `@name` (CreateItem, ReconfigureItem); `@id` (InstantiateVmParams). */
  name: string | null;
  /** Virtual CPUs (rasd ResourceType 3, VmSpecSection NumCpus or HardwareCustomization NumberOfCpus). */
  cpus: number | null;
  /** Memory in MB (normalized from any AllocationUnits). */
  memoryMB: number | null;
  /** Disk sizes in MB, in document order. */
  diskMB: number[];
  /** NICs in document order. */
  nics: GraphNic[];
  /** Guest OS: vmw:osType, else the OS description, else `ovf:id N`. */
  os: string | null;
  /** Which element describes the VM. */
  item: VmItem;
  /** The VM it is made from (SourcedItem Source) or the VM it changes (ReconfigureItem). */
  source: GraphRef | null;
}

/** An OVF network mapped onto a vApp or org VDC network (InstantiateOvfParams/NetworkMapping). */
export interface GraphNetworkMapping {
  /** The network name inside the OVF descriptor. */
  source: string;
  /** The network it is connected to. */
  target: string;
}

/** Everything a request builds, ready to draw. */
export interface VAppGraph {
  kind: Kind;
  vapp: {
    /** The root `@name`. */
    name: string | null;
    /** The vApp template (InstantiateVAppTemplateParams) or the vApp copied (CloneVAppParams): root Source. */
    source?: GraphRef;
    /** CloneVAppParams with IsSourceDelete true: a move, the source is deleted. */
    sourceDelete?: boolean;
  };
  networks: GraphNetwork[];
  vms: GraphVm[];
  /** RecomposeVAppParams: the VMs DeleteItem removes. */
  deleted?: GraphRef[];
  /** InstantiateOvfParams: NetworkMapping entries. */
  networkMappings?: GraphNetworkMapping[];
}

/** The output formats of `vmparams graph`. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;

/** One of GRAPH_FORMATS. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * Builders for the common jobs: a vApp from a template or from VMs, with a network, NICs,
 * CPU/memory/disk and guest customization, in a few lines. They return plain documents (the same
 * model parse returns), so anything they do not cover can be added to the result before build.
 */
import type { DocumentOf } from './document.js';
import type { Infer } from './model/dsl.js';
import type { SourcedItem } from './model/sourced-item.js';
import type { NetworkConfig } from './model/sections/network-config.js';
import type { RasdItem } from './model/sections/virtual-hardware.js';
import type { InstantiationParams } from './model/instantiation-params.js';
import { MEGABYTES } from './model/units.js';

type In<D> = Infer<D, 'input'>;
type Section = NonNullable<In<typeof InstantiationParams>['sections']>[number];

/** A vApp network (NetworkConfigSection/NetworkConfig). */
export interface NetworkSpec {
  /** The vApp network's name, which NICs refer to. */
  name: string;
  /** `bridged` (default when `parent` is given), `natRouted` or `isolated` (default without parent). */
  fenceMode?: 'bridged' | 'natRouted' | 'isolated';
  /** href of the org VDC network to connect to (bridged, natRouted). */
  parent?: string;
  /** Subnet for isolated and natRouted networks. */
  gateway?: string;
  netmask?: string;
  dns?: [string, string?];
  /** Static IP pool: [first, last] addresses. */
  pool?: [string, string];
  description?: string;
}

/** One NIC of a VM. */
export interface NicSpec {
  /** vApp network name, or `none`. */
  network: string;
  /** IP allocation: POOL (default), DHCP, MANUAL (needs `ip`) or NONE. */
  mode?: 'POOL' | 'DHCP' | 'MANUAL' | 'NONE';
  ip?: string;
  adapter?: 'VMXNET3' | 'E1000' | 'E1000E' | 'VMXNET2' | 'PCNet32' | 'SRIOVETHERNETCARD';
  connected?: boolean;
}

/** Guest customization of a VM. */
export interface CustomizationSpec {
  /** Set an explicit administrator password (otherwise none is set, or `autoPassword` generates one). */
  adminPassword?: string;
  autoPassword?: boolean;
  resetPasswordRequired?: boolean;
  /** Customization script; line ends are kept (Cloud Director wants CR LF, written as &#13;). */
  script?: string;
  /** Join an Active Directory domain. */
  domain?: { name: string; user: string; password: string; ou?: string };
  changeSid?: boolean;
}

/** One VM taken from a template (SourcedItem). */
export interface VmSpec {
  /** href of the template VM (`.../api/vAppTemplate/vm-<id>`). */
  source: string;
  /** The new VM's name. */
  name?: string;
  description?: string;
  /** Guest host name (letters, digits, hyphens; 15 characters for Windows). */
  computerName?: string;
  cpus?: number;
  coresPerSocket?: number;
  memoryMB?: number;
  /** Disks to size, by their rasd InstanceID in the template (2000, 2001, ...). */
  disks?: { instanceId: number | string; sizeMB: number; name?: string }[];
  nics?: NicSpec[];
  customization?: CustomizationSpec;
  /** href of a storage profile. */
  storageProfile?: string;
  /** href of a VM sizing policy (API 33.0+). */
  sizingPolicy?: string;
}

/** Options shared by instantiate and compose. */
export interface VAppSpec {
  name: string;
  description?: string;
  /** Deploy the vApp after creating it (server default true). */
  deploy?: boolean;
  /** Power it on (server default true; needs deploy). */
  powerOn?: boolean;
  networks?: NetworkSpec[];
  vms?: VmSpec[];
  /** Accept the template's EULAs (required when it has any). */
  acceptEulas?: boolean;
  /** Lease seconds (0 = never expires). */
  lease?: { deploymentSeconds?: number; storageSeconds?: number };
}

function networkConfig(n: NetworkSpec): In<typeof NetworkConfig> {
  const fenceMode = n.fenceMode ?? (n.parent ? 'bridged' : 'isolated');
  const scoped = n.gateway !== undefined || n.netmask !== undefined || n.pool !== undefined;
  return {
    networkName: n.name,
    ...(n.description !== undefined && { Description: n.description }),
    Configuration: {
      ...(scoped && {
        IpScopes: {
          IpScope: [
            {
              IsInherited: false,
              ...(n.gateway !== undefined && { Gateway: n.gateway }),
              ...(n.netmask !== undefined && { Netmask: n.netmask }),
              ...(n.dns?.[0] !== undefined && { Dns1: n.dns[0] }),
              ...(n.dns?.[1] !== undefined && { Dns2: n.dns[1] }),
              IsEnabled: true,
              ...(n.pool && { IpRanges: { IpRange: [{ StartAddress: n.pool[0], EndAddress: n.pool[1] }] } }),
            },
          ],
        },
      }),
      ...(n.parent !== undefined && { ParentNetwork: { href: n.parent } }),
      FenceMode: fenceMode,
    },
  };
}

function hardwareItems(vm: VmSpec): In<typeof RasdItem>[] {
  const items: In<typeof RasdItem>[] = [];
  if (vm.cpus !== undefined) {
    items.push({
      AllocationUnits: 'hertz * 10^6',
      Description: 'Number of Virtual CPUs',
      ElementName: `${vm.cpus} virtual CPU(s)`,
      InstanceID: '4',
      ResourceType: 3,
      VirtualQuantity: vm.cpus,
      ...(vm.coresPerSocket !== undefined && { CoresPerSocket: { $value: vm.coresPerSocket, required: false } }),
    });
  }
  if (vm.memoryMB !== undefined) {
    items.push({ AllocationUnits: MEGABYTES, Description: 'Memory Size', ElementName: `${vm.memoryMB} MB of memory`, InstanceID: '5', ResourceType: 4, VirtualQuantity: vm.memoryMB });
  }
  for (const [i, d] of (vm.disks ?? []).entries()) {
    items.push({
      Description: 'Hard disk',
      ElementName: d.name ?? `Hard disk ${i + 1}`,
      HostResource: [{ $value: '', capacity: d.sizeMB }],
      InstanceID: String(d.instanceId),
      ResourceType: 17,
    });
  }
  return items;
}

function sourcedItem(vm: VmSpec): In<typeof SourcedItem> {
  const sections: Section[] = [];
  const hw = hardwareItems(vm);
  if (hw.length) sections.push({ VirtualHardwareSection: { Item: hw } });
  if (vm.nics?.length) {
    sections.push({
      NetworkConnectionSection: {
        PrimaryNetworkConnectionIndex: 0,
        NetworkConnection: vm.nics.map((nic, i) => ({
          network: nic.mode === 'NONE' ? 'none' : nic.network,
          NetworkConnectionIndex: i,
          ...(nic.ip !== undefined && { IpAddress: nic.ip }),
          IsConnected: nic.connected ?? nic.mode !== 'NONE',
          IpAddressAllocationMode: nic.mode ?? 'POOL',
          ...(nic.adapter !== undefined && { NetworkAdapterType: nic.adapter }),
        })),
      },
    });
  }
  const c = vm.customization;
  if (c || vm.computerName !== undefined) {
    sections.push({
      GuestCustomizationSection: {
        Enabled: true,
        ...(c?.changeSid !== undefined && { ChangeSid: c.changeSid }),
        ...(c?.domain && {
          JoinDomainEnabled: true,
          UseOrgSettings: false,
          DomainName: c.domain.name,
          DomainUserName: c.domain.user,
          DomainUserPassword: c.domain.password,
          ...(c.domain.ou !== undefined && { MachineObjectOU: c.domain.ou }),
        }),
        ...((c?.adminPassword !== undefined || c?.autoPassword) && {
          AdminPasswordEnabled: true,
          AdminPasswordAuto: c.adminPassword === undefined,
          ...(c.adminPassword !== undefined && { AdminPassword: c.adminPassword }),
        }),
        ...(c?.resetPasswordRequired !== undefined && { ResetPasswordRequired: c.resetPasswordRequired }),
        ...(c?.script !== undefined && { CustomizationScript: c.script }),
        ...(vm.computerName !== undefined && { ComputerName: vm.computerName }),
      },
    });
  }
  return {
    Source: { href: vm.source },
    ...((vm.name !== undefined || vm.description !== undefined || c) && {
      VmGeneralParams: {
        ...(vm.name !== undefined && { Name: vm.name }),
        ...(vm.description !== undefined && { Description: vm.description }),
        ...(c && { NeedsCustomization: true }),
      },
    }),
    ...(sections.length && { InstantiationParams: { sections } }),
    ...(vm.storageProfile !== undefined && { StorageProfile: { href: vm.storageProfile } }),
    ...(vm.sizingPolicy !== undefined && { ComputePolicy: { VmSizingPolicy: { href: vm.sizingPolicy } } }),
  };
}

function vappSections(spec: VAppSpec): Section[] {
  const sections: Section[] = [];
  if (spec.networks?.length) sections.push({ NetworkConfigSection: { NetworkConfig: spec.networks.map(networkConfig) } });
  if (spec.lease) {
    sections.push({
      LeaseSettingsSection: {
        ...(spec.lease.deploymentSeconds !== undefined && { DeploymentLeaseInSeconds: spec.lease.deploymentSeconds }),
        ...(spec.lease.storageSeconds !== undefined && { StorageLeaseInSeconds: spec.lease.storageSeconds }),
      },
    });
  }
  return sections;
}

function head(spec: VAppSpec) {
  const sections = vappSections(spec);
  return {
    name: spec.name,
    deploy: spec.deploy ?? true,
    powerOn: spec.powerOn ?? true,
    ...(spec.description !== undefined && { Description: spec.description }),
    ...(sections.length && { InstantiationParams: { sections } }),
  };
}

/** An InstantiateVAppTemplateParams: a vApp from the template at `template` (its href). */
export function instantiateTemplate(spec: VAppSpec & { template: string }): DocumentOf<'InstantiateVAppTemplateParams', 'input'> {
  return {
    kind: 'InstantiateVAppTemplateParams',
    ...head(spec),
    Source: { href: spec.template },
    ...(spec.vms?.length && { SourcedItem: spec.vms.map(sourcedItem) }),
    ...(spec.acceptEulas !== undefined && { AllEULAsAccepted: spec.acceptEulas }),
  };
}

/** A ComposeVAppParams: a vApp made of VMs taken from templates or other vApps. */
export function composeVApp(spec: VAppSpec): DocumentOf<'ComposeVAppParams', 'input'> {
  return {
    kind: 'ComposeVAppParams',
    ...head(spec),
    ...(spec.vms?.length && { SourcedItem: spec.vms.map(sourcedItem) }),
    ...(spec.acceptEulas !== undefined && { AllEULAsAccepted: spec.acceptEulas }),
  };
}

/** A RecomposeVAppParams: add VMs to an existing vApp and delete others (by VM href). */
export function recomposeVApp(spec: Omit<VAppSpec, 'networks' | 'lease'> & { delete?: string[] }): DocumentOf<'RecomposeVAppParams', 'input'> {
  return {
    kind: 'RecomposeVAppParams',
    name: spec.name,
    ...(spec.description !== undefined && { Description: spec.description }),
    ...(spec.vms?.length && { SourcedItem: spec.vms.map(sourcedItem) }),
    ...(spec.acceptEulas !== undefined && { AllEULAsAccepted: spec.acceptEulas }),
    ...(spec.delete?.length && { DeleteItem: spec.delete.map((href) => ({ href })) }),
  };
}

/** A CloneVAppParams: copy (or with `move`, move) the vApp at `source`. */
export function cloneVApp(spec: { name: string; source: string; description?: string; move?: boolean; deploy?: boolean; powerOn?: boolean }): DocumentOf<'CloneVAppParams', 'input'> {
  return {
    kind: 'CloneVAppParams',
    name: spec.name,
    deploy: spec.deploy ?? false,
    powerOn: spec.powerOn ?? false,
    ...(spec.description !== undefined && { Description: spec.description }),
    Source: { href: spec.source },
    ...(spec.move !== undefined && { IsSourceDelete: spec.move }),
  };
}

/**
 * One VM's part of a request: a VmSpec as a SourcedItem (name, hardware, NICs, guest customization,
 * storage, compute policies, capabilities), and the NIC and hardware pieces InstantiateVmParams
 * reuses. Values that cannot work are BuildErrors here, with the option's path, rather than a
 * server error later.
 */
import type { Infer } from '../model/dsl.js';
import type { SourcedItem } from '../model/sourced-item.js';
import type { RasdItem } from '../model/sections/virtual-hardware.js';
import type { InstantiationParams } from '../model/instantiation-params.js';
import type { NetworkConnectionSection } from '../model/sections/network-connection.js';
import type { GuestCustomizationSection } from '../model/sections/guest-customization.js';
import { MEGABYTES } from '../model/units.js';
import { BuildError } from '../xml/build-error.js';
import type { CustomizationSpec, DiskBus, DiskSpec, NicSpec, VmSpec } from './types.js';

/** The build-input type of a description. */
export type In<D> = Infer<D, 'input'>;
/** One entry of an InstantiationParams `sections` array. */
export type Section = NonNullable<In<typeof InstantiationParams>['sections']>[number];

/** vcloud:busType and busSubType of each controller, as Cloud Director writes them on rasd:HostResource. */
const BUS: Record<DiskBus, { busType: string; busSubType: string }> = {
  ide: { busType: '5', busSubType: 'ide' },
  buslogic: { busType: '6', busSubType: 'buslogic' },
  lsilogic: { busType: '6', busSubType: 'lsilogic' },
  lsilogicsas: { busType: '6', busSubType: 'lsilogicsas' },
  paravirtual: { busType: '6', busSubType: 'VirtualSCSI' },
  sata: { busType: '20', busSubType: 'vmware.sata.ahci' },
  nvme: { busType: '20', busSubType: 'vmware.nvme.controller' },
};

/** The rasd items for CPU, memory and disks. */
export function hardwareItems(vm: Pick<VmSpec, 'cpus' | 'coresPerSocket' | 'memoryMB' | 'disks'>, path: string): In<typeof RasdItem>[] {
  const items: In<typeof RasdItem>[] = [];
  if (vm.coresPerSocket !== undefined && vm.cpus === undefined) throw new BuildError('coresPerSocket needs cpus (the CPU item carries both)', `${path}/coresPerSocket`);
  if (vm.cpus !== undefined) {
    if (vm.coresPerSocket !== undefined && vm.cpus % vm.coresPerSocket !== 0) throw new BuildError(`${vm.cpus} CPUs cannot be split into sockets of ${vm.coresPerSocket} cores; cpus must be a multiple of coresPerSocket`, `${path}/coresPerSocket`);
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
  items.push(...diskItems(vm.disks ?? [], `${path}/disks`));
  return items;
}

function diskItems(disks: readonly DiskSpec[], path: string): In<typeof RasdItem>[] {
  const listed = disks.map((d) => Number(d.instanceId)).filter((n) => Number.isSafeInteger(n));
  let next = Math.max(2000, ...listed) + 1;
  const used = new Set<string>();
  return disks.map((d, i) => {
    const at = `${path}[${i}]`;
    const isNew = d.instanceId === undefined;
    if (isNew && d.sizeMB === undefined) throw new BuildError('a new disk (no instanceId) needs sizeMB', at, 'sizeMB');
    if (!isNew && d.sizeMB === undefined && d.bus === undefined && d.storageProfile === undefined && d.unitNumber === undefined && d.name === undefined) {
      throw new BuildError(`disk ${d.instanceId}: nothing to change; give sizeMB, bus, unitNumber, storageProfile or name`, at);
    }
    let id = String(d.instanceId ?? '');
    if (isNew) {
      id = String(d.unitNumber !== undefined ? 2000 + d.unitNumber : next++);
      while (used.has(id)) id = String(next++);
    }
    if (used.has(id)) throw new BuildError(`disk InstanceID ${id} is listed twice`, at, 'instanceId');
    used.add(id);
    return {
      ...(d.unitNumber !== undefined && { AddressOnParent: String(d.unitNumber) }),
      Description: 'Hard disk',
      ElementName: d.name ?? `Hard disk ${i + 1}`,
      HostResource: [
        {
          $value: '',
          ...(d.sizeMB !== undefined && { capacity: d.sizeMB }),
          ...(d.bus !== undefined && BUS[d.bus]),
          ...(d.storageProfile !== undefined && { storageProfileHref: d.storageProfile, storageProfileOverrideVmDefault: true }),
        },
      ],
      InstanceID: id,
      ResourceType: 17,
    };
  });
}

/** NetworkConnectionSection for a list of NICs; the primary is the NIC marked `primary`, else the first. */
export function nicSection(nics: readonly NicSpec[], path: string): In<typeof NetworkConnectionSection> {
  const primaries = nics.flatMap((n, i) => (n.primary ? [i] : []));
  if (primaries.length > 1) throw new BuildError(`NICs ${primaries.join(' and ')} are both marked primary; one NIC is the primary`, `${path}[${primaries[1]}]`, 'primary');
  const indexes = new Map<number, number>();
  const connections = nics.map((nic, i) => {
    const at = `${path}[${i}]`;
    const index = nic.index ?? i;
    if (indexes.has(index)) throw new BuildError(`NIC index ${index} is used twice (NICs ${indexes.get(index)} and ${i})`, at, 'index');
    indexes.set(index, i);
    const mode = nic.mode ?? (nic.ip !== undefined ? 'MANUAL' : nic.network === 'none' ? 'NONE' : 'POOL');
    if (mode === 'MANUAL' && nic.ip === undefined) throw new BuildError('mode MANUAL needs ip (the address to give the NIC)', at, 'mode');
    const s = nic.secondary;
    if (s?.mode === 'MANUAL' && s.ip === undefined) throw new BuildError('mode MANUAL needs ip', `${at}/secondary`, 'mode');
    return {
      network: nic.network,
      NetworkConnectionIndex: index,
      ...(nic.ip !== undefined && { IpAddress: nic.ip }),
      ...(nic.ipType !== undefined && { IpType: nic.ipType }),
      ...(s?.ip !== undefined && { SecondaryIpAddress: s.ip }),
      ...(s && { SecondaryIpType: s.ipType ?? 'IPV6' }),
      IsConnected: nic.connected ?? nic.network !== 'none',
      IpAddressAllocationMode: mode,
      ...(s && { SecondaryIpAddressAllocationMode: s.mode ?? (s.ip !== undefined ? 'MANUAL' : 'POOL') }),
      ...(nic.adapter !== undefined && { NetworkAdapterType: nic.adapter }),
    };
  });
  const primary = primaries.length ? primaries[0] : 0;
  return { PrimaryNetworkConnectionIndex: nics[primary]?.index ?? primary, NetworkConnection: connections };
}

/** GuestCustomizationSection from the customization options and the computer name. */
export function customizationSection(c: CustomizationSpec | undefined, computerName: string | undefined, path: string): In<typeof GuestCustomizationSection> {
  if (c?.adminPassword !== undefined && c.autoPassword) throw new BuildError('give adminPassword or autoPassword: true, not both', `${path}/customization`, 'autoPassword');
  if (c?.autoLogon !== undefined && c.autoLogon < 0) throw new BuildError('autoLogon is a number of logons, 0 or more', `${path}/customization`, 'autoLogon');
  const password = c?.adminPassword !== undefined || c?.autoPassword === true;
  return {
    Enabled: c?.enabled ?? true,
    ...(c?.changeSid !== undefined && { ChangeSid: c.changeSid }),
    ...(c?.domain && {
      JoinDomainEnabled: true,
      UseOrgSettings: false,
      DomainName: c.domain.name,
      DomainUserName: c.domain.user,
      DomainUserPassword: c.domain.password,
      ...(c.domain.ou !== undefined && { MachineObjectOU: c.domain.ou }),
    }),
    ...(password && { AdminPasswordEnabled: true, AdminPasswordAuto: c?.adminPassword === undefined }),
    ...(c?.adminPassword !== undefined && { AdminPassword: c.adminPassword }),
    ...(c?.autoLogon !== undefined && { AdminAutoLogonEnabled: c.autoLogon > 0, AdminAutoLogonCount: c.autoLogon }),
    ...(c?.resetPasswordRequired !== undefined && { ResetPasswordRequired: c.resetPasswordRequired }),
    // The XSD asks for the script's line breaks as &#13; so they survive XML parsing (rule guest/script-newlines).
    ...(c?.script !== undefined && { CustomizationScript: c.script.includes('\r') ? c.script : c.script.replace(/\n/g, '\r\n') }),
    ...(computerName !== undefined && { ComputerName: computerName }),
  };
}

/** The SourcedItems of a spec's VMs, at `/vms[i]` (nothing when there are none). */
export function sourcedItems(vms: readonly VmSpec[] | undefined): { SourcedItem?: In<typeof SourcedItem>[] } {
  return vms?.length ? { SourcedItem: vms.map((vm, i) => sourcedItem(vm, `/vms[${i}]`)) } : {};
}

/** A VmSpec as a SourcedItem. `path` is the VM's place in the options (`/vms[2]`). */
export function sourcedItem(vm: VmSpec, path: string): In<typeof SourcedItem> {
  const sections: Section[] = [];
  const hw = hardwareItems(vm, path);
  if (hw.length) sections.push({ VirtualHardwareSection: { Item: hw } });
  if (vm.nics?.length) sections.push({ NetworkConnectionSection: nicSection(vm.nics, `${path}/nics`) });
  const c = vm.customization;
  if (c || vm.computerName !== undefined) sections.push({ GuestCustomizationSection: customizationSection(c, vm.computerName, path) });
  const customize = c !== undefined && c.enabled !== false;
  const policy = vm.sizingPolicy !== undefined || vm.placementPolicy !== undefined;
  return {
    Source: { href: vm.source },
    ...((vm.name !== undefined || vm.description !== undefined || customize) && {
      VmGeneralParams: {
        ...(vm.name !== undefined && { Name: vm.name }),
        ...(vm.description !== undefined && { Description: vm.description }),
        ...(customize && { NeedsCustomization: true }),
      },
    }),
    ...(sections.length && { InstantiationParams: { sections } }),
    ...(vm.storageProfile !== undefined && { StorageProfile: { href: vm.storageProfile } }),
    ...(policy && {
      ComputePolicy: {
        ...(vm.placementPolicy !== undefined && { VmPlacementPolicy: { href: vm.placementPolicy } }),
        ...(vm.sizingPolicy !== undefined && { VmSizingPolicy: { href: vm.sizingPolicy } }),
      },
    }),
    ...(vm.hotAdd && {
      VmCapabilities: {
        ...(vm.hotAdd.memory !== undefined && { MemoryHotAddEnabled: vm.hotAdd.memory }),
        ...(vm.hotAdd.cpu !== undefined && { CpuHotAddEnabled: vm.hotAdd.cpu }),
      },
    }),
  };
}

/**
 * The vApp-level parts every builder shares: vApp networks (NetworkConfigSection), leases,
 * the start order of the VMs (StartupSection), the default storage profile.
 */
import type { NetworkConfig } from '../model/sections/network-config.js';
import type { StartupItem } from '../model/sections/startup.js';
import { BuildError } from '../xml/build-error.js';
import type { LeaseSpec, NetworkSpec, StartupSpec } from './types.js';
import type { In, Section } from './vm.js';

/** One vApp network. */
export function networkConfig(n: NetworkSpec, path: string): In<typeof NetworkConfig> {
  const fenceMode = n.fenceMode ?? (n.parent !== undefined ? 'bridged' : 'isolated');
  if (fenceMode !== 'isolated' && n.parent === undefined) throw new BuildError(`a ${fenceMode} network needs parent (the href of the org VDC network it connects to)`, path, 'parent');
  if (fenceMode === 'bridged' && (n.gateway !== undefined || n.pool !== undefined || n.pools !== undefined)) {
    throw new BuildError('a bridged network takes its subnet from the parent network; gateway and pools belong to natRouted or isolated networks', path, n.gateway !== undefined ? 'gateway' : 'pool');
  }
  if (n.dns && (n.dns.length === 0 || n.dns.length > 2)) throw new BuildError(`dns takes one or two servers, got ${n.dns.length}`, path, 'dns');
  const pools = [...(n.pool ? [n.pool] : []), ...(n.pools ?? [])];
  const scoped = n.gateway !== undefined || n.netmask !== undefined || n.prefixLength !== undefined || pools.length > 0 || n.dns !== undefined || n.dnsSuffix !== undefined;
  if (scoped && n.gateway === undefined) throw new BuildError('a subnet (netmask, prefixLength, pools, dns) needs its gateway', path, 'gateway');
  return {
    networkName: n.name,
    ...(n.description !== undefined && { Description: n.description }),
    Configuration: {
      ...(scoped && {
        IpScopes: {
          IpScope: [
            {
              IsInherited: false,
              Gateway: n.gateway,
              ...(n.netmask !== undefined && { Netmask: n.netmask }),
              ...(n.prefixLength !== undefined && { SubnetPrefixLength: n.prefixLength }),
              ...(n.dns?.[0] !== undefined && { Dns1: n.dns[0] }),
              ...(n.dns?.[1] !== undefined && { Dns2: n.dns[1] }),
              ...(n.dnsSuffix !== undefined && { DnsSuffix: n.dnsSuffix }),
              IsEnabled: true,
              ...(pools.length && { IpRanges: { IpRange: pools.map(([first, last]) => ({ StartAddress: first, EndAddress: last })) } }),
            },
          ],
        },
      }),
      ...(n.parent !== undefined && { ParentNetwork: { href: n.parent } }),
      FenceMode: fenceMode,
      ...(n.retainNetInfo !== undefined && { RetainNetInfoAcrossDeployments: n.retainNetInfo }),
    },
  };
}

/** A StartupSection item for the VM named `id` (Cloud Director matches ovf:id with the VM's name). */
export function startupItem(id: string, s: StartupSpec): In<typeof StartupItem> {
  return {
    id,
    order: s.order,
    ...(s.startDelay !== undefined && { startDelay: s.startDelay }),
    ...(s.waitForGuest !== undefined && { waitingForGuest: s.waitForGuest }),
    ...(s.stopDelay !== undefined && { stopDelay: s.stopDelay }),
    ...(s.startAction !== undefined && { startAction: s.startAction }),
    ...(s.stopAction !== undefined && { stopAction: s.stopAction }),
  };
}

/** What goes into the vApp's InstantiationParams. */
export interface VAppParts {
  networks?: readonly NetworkSpec[];
  lease?: LeaseSpec;
  defaultStorageProfile?: string;
  /** Start order items, already made. */
  startup?: In<typeof StartupItem>[];
}

/**
 * What the builders that take VmSpecs (compose, instantiate, recompose, clone) write alike:
 * linkedClone, Description and the InstantiationParams with the vApp sections (the start order
 * naming the VMs by name).
 */
export function vappHead(s: Omit<VAppParts, 'startup'> & { linkedClone?: boolean; description?: string; vms?: readonly { name?: string; startup?: StartupSpec }[] }) {
  const sections = vappSections({ ...s, startup: startupItems(s.vms, (i) => s.vms![i].name) });
  return {
    ...(s.linkedClone !== undefined && { linkedClone: s.linkedClone }),
    ...(s.description !== undefined && { Description: s.description }),
    ...(sections.length && { InstantiationParams: { sections } }),
  };
}

/** The vApp-level sections, in the order Cloud Director lists them. */
export function vappSections(spec: VAppParts): Section[] {
  const sections: Section[] = [];
  if (spec.networks?.length) {
    const names = new Set<string>();
    spec.networks.forEach((n, i) => {
      if (names.has(n.name)) throw new BuildError(`two vApp networks are named "${n.name}"`, `/networks[${i}]`, 'name');
      names.add(n.name);
    });
    sections.push({ NetworkConfigSection: { NetworkConfig: spec.networks.map((n, i) => networkConfig(n, `/networks[${i}]`)) } });
  }
  if (spec.lease && (spec.lease.deploymentSeconds !== undefined || spec.lease.storageSeconds !== undefined)) {
    sections.push({
      LeaseSettingsSection: {
        ...(spec.lease.deploymentSeconds !== undefined && { DeploymentLeaseInSeconds: spec.lease.deploymentSeconds }),
        ...(spec.lease.storageSeconds !== undefined && { StorageLeaseInSeconds: spec.lease.storageSeconds }),
      },
    });
  }
  if (spec.startup?.length) sections.push({ StartupSection: { Item: spec.startup } });
  if (spec.defaultStorageProfile !== undefined) sections.push({ DefaultStorageProfileSection: { StorageProfile: spec.defaultStorageProfile } });
  return sections;
}

/** The vApp's `deploy`/`powerOn` (a vApp that is not deployed cannot be powered on). */
export function power(spec: { deploy?: boolean; powerOn?: boolean }, fallback: boolean): { deploy: boolean; powerOn: boolean } {
  const deploy = spec.deploy ?? (spec.powerOn === true ? true : fallback);
  const powerOn = spec.powerOn ?? (deploy ? fallback : false);
  if (powerOn && !deploy) throw new BuildError('powerOn: true needs deploy: true (a vApp that is not deployed cannot be powered on)', '/', 'powerOn');
  return { deploy, powerOn };
}

/** StartupSection items of the VMs that have `startup` (the VM's name is the item's ovf:id). */
export function startupItems(vms: readonly { startup?: StartupSpec }[] | undefined, idOf: (i: number) => string | undefined): In<typeof StartupItem>[] {
  const out: In<typeof StartupItem>[] = [];
  (vms ?? []).forEach((vm, i) => {
    if (!vm.startup) return;
    const id = idOf(i);
    if (id === undefined) throw new BuildError('startup needs the VM to have a name (the start order refers to VMs by name)', `/vms[${i}]`, 'name');
    out.push(startupItem(id, vm.startup));
  });
  return out;
}

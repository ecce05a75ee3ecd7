/**
 * InstantiationParamsType (vApp.xsd; schema-facts.md §3.2): any number of ovf:Section substitution
 * group members in any order. vmparams knows the sections below; others (vmw:*, ovf:EulaSection, ...)
 * are kept in place as `{ $xml }`.
 */
import { NS } from '../xml/names.js';
import { choice, extend, opt } from './dsl.js';
import { VCloudExtensible } from './common.js';
import { LeaseSettingsSection } from './sections/lease-settings.js';
import { NetworkConfigSection } from './sections/network-config.js';
import { StartupSection } from './sections/startup.js';
import { ProductSection } from './sections/product.js';
import { DefaultStorageProfileSection } from './sections/default-storage-profile.js';
import { GuestCustomizationSection } from './sections/guest-customization.js';
import { NetworkConnectionSection } from './sections/network-connection.js';
import { OperatingSystemSection } from './sections/operating-system.js';
import { VirtualHardwareSection } from './sections/virtual-hardware.js';

const V = NS.vcloud;
const O = NS.ovf;

/** The ovf:Section members vmparams understands, by element. */
export const sectionParticles = [
  opt(V, 'LeaseSettingsSection', LeaseSettingsSection, { doc: 'Runtime and storage leases of the new vApp (vApp level).' }),
  opt(V, 'NetworkConfigSection', NetworkConfigSection, { doc: 'The vApp networks: name, fence mode, parent org VDC network, IP scopes (vApp level).' }),
  opt(O, 'StartupSection', StartupSection, { doc: "Boot and shutdown order of the vApp's VMs (vApp level)." }),
  opt(O, 'ProductSection', ProductSection, { doc: 'Product information and OVF properties (vApp or VM level).' }),
  opt(V, 'DefaultStorageProfileSection', DefaultStorageProfileSection, { doc: 'The storage profile new VMs of the vApp use unless they name one (vApp level).', since: '5.1' }),
  opt(O, 'VirtualHardwareSection', VirtualHardwareSection, { doc: "A VM's virtual hardware: CPUs, memory, disks, NICs as OVF items (VM level)." }),
  opt(O, 'OperatingSystemSection', OperatingSystemSection, { doc: "A VM's guest operating system type (VM level)." }),
  opt(V, 'NetworkConnectionSection', NetworkConnectionSection, { doc: "A VM's NICs and the vApp networks they connect to (VM level)." }),
  opt(V, 'GuestCustomizationSection', GuestCustomizationSection, { doc: 'Guest OS customization of a VM: computer name, passwords, domain join, script (VM level).', since: '1.0' }),
] as const;

/** Sections Cloud Director honours at the vApp level (root InstantiationParams). */
export const VAPP_SECTIONS = ['LeaseSettingsSection', 'NetworkConfigSection', 'StartupSection', 'ProductSection', 'DefaultStorageProfileSection'] as const;
/** Sections Cloud Director honours per VM (SourcedItem InstantiationParams). */
export const VM_SECTIONS = ['VirtualHardwareSection', 'OperatingSystemSection', 'NetworkConnectionSection', 'GuestCustomizationSection', 'ProductSection'] as const;

export const InstantiationParams = extend(VCloudExtensible, 'InstantiationParamsType', {
  children: [choice('sections', sectionParticles, { keepUnknown: true })],
});

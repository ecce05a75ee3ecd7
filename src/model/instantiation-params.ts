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
  opt(V, 'LeaseSettingsSection', LeaseSettingsSection),
  opt(V, 'NetworkConfigSection', NetworkConfigSection),
  opt(O, 'StartupSection', StartupSection),
  opt(O, 'ProductSection', ProductSection),
  opt(V, 'DefaultStorageProfileSection', DefaultStorageProfileSection, { since: '5.1' }),
  opt(O, 'VirtualHardwareSection', VirtualHardwareSection),
  opt(O, 'OperatingSystemSection', OperatingSystemSection),
  opt(V, 'NetworkConnectionSection', NetworkConnectionSection),
  opt(V, 'GuestCustomizationSection', GuestCustomizationSection, { since: '1.0' }),
] as const;

/** Sections Cloud Director honours at the vApp level (root InstantiationParams). */
export const VAPP_SECTIONS = ['LeaseSettingsSection', 'NetworkConfigSection', 'StartupSection', 'ProductSection', 'DefaultStorageProfileSection'] as const;
/** Sections Cloud Director honours per VM (SourcedItem InstantiationParams). */
export const VM_SECTIONS = ['VirtualHardwareSection', 'OperatingSystemSection', 'NetworkConnectionSection', 'GuestCustomizationSection', 'ProductSection'] as const;

export const InstantiationParams = extend(VCloudExtensible, 'InstantiationParamsType', {
  children: [choice('sections', sectionParticles, { keepUnknown: true })],
});

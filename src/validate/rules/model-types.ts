/** Model types of the parts rules look at, inferred from the descriptions (raw mode: every leaf a string). */
import type { Infer } from '../../model/dsl.js';
import type { InstantiationParams } from '../../model/instantiation-params.js';
import type { ComputePolicy, HardwareCustomization, SourcedItem, VmGeneralParams } from '../../model/sourced-item.js';
import type { InstantiateVmParams } from '../../model/ovf-params.js';
import type { GuestCustomizationSection } from '../../model/sections/guest-customization.js';
import type { LeaseSettingsSection } from '../../model/sections/lease-settings.js';
import type { NetworkConfig, NetworkConfigSection } from '../../model/sections/network-config.js';
import type { NetworkConnection, NetworkConnectionSection } from '../../model/sections/network-connection.js';
import type { OperatingSystemSection } from '../../model/sections/operating-system.js';
import type { ProductSection, Property } from '../../model/sections/product.js';
import type { StartupSection } from '../../model/sections/startup.js';
import type { RasdItem, VirtualHardwareSection } from '../../model/sections/virtual-hardware.js';
import type { DefaultStorageProfileSection } from '../../model/sections/default-storage-profile.js';

export type InstantiationParamsT = Infer<typeof InstantiationParams>;
export type SourcedItemT = Infer<typeof SourcedItem>;
export type VmGeneralParamsT = Infer<typeof VmGeneralParams>;
export type ComputePolicyT = Infer<typeof ComputePolicy>;
export type HardwareCustomizationT = Infer<typeof HardwareCustomization>;
export type InstantiateVmParamsT = Infer<typeof InstantiateVmParams>;
export type NetworkConfigT = Infer<typeof NetworkConfig>;
export type NetworkConnectionT = Infer<typeof NetworkConnection>;
export type RasdItemT = Infer<typeof RasdItem>;
export type PropertyT = Infer<typeof Property>;

/** Each section vmparams models, by element name. */
export interface SectionTypes {
  LeaseSettingsSection: Infer<typeof LeaseSettingsSection>;
  NetworkConfigSection: Infer<typeof NetworkConfigSection>;
  StartupSection: Infer<typeof StartupSection>;
  ProductSection: Infer<typeof ProductSection>;
  DefaultStorageProfileSection: Infer<typeof DefaultStorageProfileSection>;
  VirtualHardwareSection: Infer<typeof VirtualHardwareSection>;
  OperatingSystemSection: Infer<typeof OperatingSystemSection>;
  NetworkConnectionSection: Infer<typeof NetworkConnectionSection>;
  GuestCustomizationSection: Infer<typeof GuestCustomizationSection>;
}

export type SectionName = keyof SectionTypes;

/** Model types of the parts rules look at, inferred from the descriptions (raw mode: every leaf a string). */
import type { Infer } from '../../model/dsl.js';
import type { InstantiationParams } from '../../model/instantiation-params.js';
import type { ComputePolicy, HardwareCustomization, NetworkAssignment, SourcedItem, SourcedVmInstantiationParams, VmGeneralParams } from '../../model/sourced-item.js';
import type { XElement } from '../../xml/tree.js';
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

/** An InstantiationParams (its `sections` array). */
export type InstantiationParamsT = Infer<typeof InstantiationParams>;
/** A SourcedItem. */
export type SourcedItemT = Infer<typeof SourcedItem>;
/** VmGeneralParams of a SourcedItem. */
export type VmGeneralParamsT = Infer<typeof VmGeneralParams>;
/** ComputePolicy of a SourcedItem. */
export type ComputePolicyT = Infer<typeof ComputePolicy>;
/** HardwareCustomization of InstantiateVmParams / SourcedVmInstantiationParams. */
export type HardwareCustomizationT = Infer<typeof HardwareCustomization>;
/** One InstantiateVmParams of an InstantiateOvfParams. */
export type InstantiateVmParamsT = Infer<typeof InstantiateVmParams>;
/** One vApp network (NetworkConfig). */
export type NetworkConfigT = Infer<typeof NetworkConfig>;
/** One NIC (NetworkConnection). */
export type NetworkConnectionT = Infer<typeof NetworkConnection>;
/** One rasd Item of a VirtualHardwareSection. */
export type RasdItemT = Infer<typeof RasdItem>;
/** One ProductSection Property. */
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

/** The element name of a modelled section. */
export type SectionName = keyof SectionTypes;

/**
 * The model value of each element kind rules listen for (engine.ts Listeners), by local name. A
 * listener for another element needs its name here first, so a misspelt kind fails to compile.
 */
export interface NodeTypes extends SectionTypes {
  SourcedItem: SourcedItemT;
  CreateItem: XElement;
  ReconfigureItem: XElement;
  InstantiateVmParams: InstantiateVmParamsT;
  SourcedVmInstantiationParams: Infer<typeof SourcedVmInstantiationParams>;
  InstantiationParams: InstantiationParamsT;
  VmGeneralParams: VmGeneralParamsT;
  ComputePolicy: ComputePolicyT;
  HardwareCustomization: HardwareCustomizationT;
  NetworkConfig: NetworkConfigT;
  NetworkConnection: NetworkConnectionT;
  NetworkAssignment: Infer<typeof NetworkAssignment>;
}

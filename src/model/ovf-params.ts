/** The InstantiateOvfParams parts (vApp.xsd, 5.5; schema-facts.md §2.5). */
import { NS } from '../xml/names.js';
import { string } from './codecs.js';
import { attr, complex, extend, leaf, one, opt } from './dsl.js';
import { Reference, VCloudExtensible } from './common.js';
import { NetworkConnectionSection } from './sections/network-connection.js';
import { HardwareCustomization } from './sourced-item.js';

const V = NS.vcloud;

/** NetworkMapping: OVF network name -> vCloud network name (not VCloudExtensible). */
export const NetworkMapping = complex('NetworkMappingType', {
  children: [one(V, 'Source', leaf(string)), one(V, 'Target', leaf(string))],
});

/** InstantiateOvfProperty: an OVF property value (not VCloudExtensible). */
export const InstantiateOvfProperty = complex('InstantiateOvfPropertyType', {
  children: [opt(V, 'ClassId', leaf(string)), opt(V, 'InstanceId', leaf(string)), one(V, 'Key', leaf(string)), one(V, 'Value', leaf(string))],
});

/** InstantiateVmParams: per-VM settings by the VirtualSystem's ovf:id (`@id`, documented as required). */
export const InstantiateVmParams = extend(VCloudExtensible, 'InstantiateVmParamsType', {
  children: [
    // A local element (no substitution group) that still needs ovf:Info.
    opt(V, 'NetworkConnectionSection', NetworkConnectionSection),
    opt(V, 'ComputerName', leaf(string)),
    opt(V, 'VdcStorageProfile', Reference),
    opt(V, 'HardwareCustomization', HardwareCustomization),
  ],
  attrs: [attr('id', string)],
});

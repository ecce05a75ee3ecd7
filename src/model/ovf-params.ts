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
  children: [one(V, 'Source', leaf(string), { doc: 'Network name as written in the OVF descriptor.' }), one(V, 'Target', leaf(string), { doc: 'Name of the vCloud network the OVF network maps to.' })],
});

/** InstantiateOvfProperty: an OVF property value (not VCloudExtensible). */
export const InstantiateOvfProperty = complex('InstantiateOvfPropertyType', {
  children: [opt(V, 'ClassId', leaf(string), { doc: 'Class of the OVF property (its ProductSection ovf:class).' }), opt(V, 'InstanceId', leaf(string), { doc: 'Instance of the OVF property (its ProductSection ovf:instance).' }), one(V, 'Key', leaf(string), { doc: 'Key of the OVF property to set.' }), one(V, 'Value', leaf(string), { doc: 'Value to give the OVF property.' })],
});

/** InstantiateVmParams: per-VM settings by the VirtualSystem's ovf:id (`@id`, documented as required). */
export const InstantiateVmParams = extend(VCloudExtensible, 'InstantiateVmParamsType', {
  children: [
    // A local element (no substitution group) that still needs ovf:Info.
    opt(V, 'NetworkConnectionSection', NetworkConnectionSection, { doc: 'NICs of this VM of the OVF package (still needs ovf:Info).' }),
    opt(V, 'ComputerName', leaf(string), { doc: 'Guest computer name of this VM.' }),
    opt(V, 'VdcStorageProfile', Reference, { doc: 'Storage profile of the VDC to place this VM on.' }),
    opt(V, 'HardwareCustomization', HardwareCustomization, { doc: 'CPU, memory and disk sizes to give this VM.' }),
  ],
  attrs: [attr('id', string, { doc: 'The ovf:id of the VirtualSystem in the OVF descriptor these settings apply to.' })],
});

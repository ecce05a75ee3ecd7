/**
 * NetworkConfigSection (vApp.xsd NetworkConfigSection_Type, network.xsd NetworkConfigurationType;
 * schema-facts.md §4.3): the vApp networks. Trap: IpScopes -> ParentNetwork -> FenceMode.
 */
import { NS } from '../../xml/names.js';
import { boolean, int, string } from '../codecs.js';
import { attr, extend, leaf, many, one, opt, xml } from '../dsl.js';
import { Link, Reference, Resource, VCloudExtensible, vcloudSectionBase } from '../common.js';

const V = NS.vcloud;

/** IpRangeType: one address range of a static pool. */
export const IpRange = extend(VCloudExtensible, 'IpRangeType', {
  children: [one(V, 'StartAddress', leaf(string)), one(V, 'EndAddress', leaf(string))],
});

/** IpRangesType. */
export const IpRanges = extend(VCloudExtensible, 'IpRangesType', { children: [many(V, 'IpRange', IpRange)] });

/** IpScopeType: one subnet (IsInherited is required). */
export const IpScope = extend(VCloudExtensible, 'IpScopeType', {
  children: [
    one(V, 'IsInherited', leaf(boolean)),
    opt(V, 'Gateway', leaf(string)),
    opt(V, 'Netmask', leaf(string)),
    opt(V, 'SubnetPrefixLength', leaf(int), { since: '34.0' }),
    opt(V, 'Dns1', leaf(string)),
    opt(V, 'Dns2', leaf(string)),
    opt(V, 'DnsSuffix', leaf(string)),
    opt(V, 'IsEnabled', leaf(boolean), { since: '5.1' }),
    opt(V, 'IpRanges', IpRanges),
    opt(V, 'AllocatedIpAddresses', xml('IpAddressesType'), { readOnly: true }),
    opt(V, 'SubAllocations', xml('SubAllocationsType'), { readOnly: true, since: '5.1' }),
  ],
});

/** IpScopesType (5.1). */
export const IpScopes = extend(VCloudExtensible, 'IpScopesType', { children: [many(V, 'IpScope', IpScope)] });

/** NetworkConfigurationType: how a vApp network is built (FenceMode is required). */
export const NetworkConfiguration = extend(VCloudExtensible, 'NetworkConfigurationType', {
  children: [
    opt(V, 'BackwardCompatibilityMode', leaf(boolean), { since: '5.1' }),
    opt(V, 'IpScope', IpScope, { deprecated: '5.1', replacement: 'IpScopes/IpScope' }),
    opt(V, 'IpScopes', IpScopes, { since: '5.1' }),
    opt(V, 'ParentNetwork', Reference),
    one(V, 'FenceMode', leaf(string)),
    opt(V, 'RetainNetInfoAcrossDeployments', leaf(boolean)),
    opt(V, 'Features', xml('NetworkFeaturesType')),
    opt(V, 'SyslogServerSettings', xml('SyslogServerSettingsType'), { readOnly: true }),
    opt(V, 'RouterInfo', xml('RouterInfoType'), { readOnly: true }),
    opt(V, 'AdvancedNetworkingEnabled', leaf(boolean), { since: '22.0', removed: '31.0' }),
    opt(V, 'SubInterface', leaf(boolean), { since: '27.0' }),
    opt(V, 'DistributedInterface', leaf(boolean), { since: '29.0' }),
    opt(V, 'GuestVlanAllowed', leaf(boolean), { since: '29.0' }),
    opt(V, 'Connected', leaf(boolean), { since: '33.0' }),
    opt(V, 'DualStackNetwork', leaf(boolean), { since: '34.0' }),
  ],
});

/** VAppNetworkConfigurationType: one `<NetworkConfig networkName="...">`. */
export const NetworkConfig = extend(Resource, 'VAppNetworkConfigurationType', {
  children: [
    opt(V, 'Description', leaf(string)),
    one(V, 'Configuration', NetworkConfiguration),
    opt(V, 'IsDeployed', leaf(boolean), { readOnly: true }),
  ],
  attrs: [attr('networkName', string, { required: true })],
});

export const NetworkConfigSection = extend(vcloudSectionBase('The configuration parameters for logical networks'), 'NetworkConfigSection_Type', {
  children: [many(V, 'Link', Link, { readOnly: true }), many(V, 'NetworkConfig', NetworkConfig)],
  anyTail: true,
});

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
  children: [one(V, 'StartAddress', leaf(string), { doc: 'First address of the range.' }), one(V, 'EndAddress', leaf(string), { doc: 'Last address of the range.' })],
});

/** IpRangesType. */
export const IpRanges = extend(VCloudExtensible, 'IpRangesType', { children: [many(V, 'IpRange', IpRange, { doc: 'One range of addresses of the static IP pool.' })] });

/** IpScopeType: one subnet (IsInherited is required). */
export const IpScope = extend(VCloudExtensible, 'IpScopeType', {
  children: [
    one(V, 'IsInherited', leaf(boolean), { doc: "Whether the scope's settings come from the parent network (required)." }),
    opt(V, 'Gateway', leaf(string), { doc: 'Gateway address of the subnet.' }),
    opt(V, 'Netmask', leaf(string), { doc: 'Network mask of the subnet (IPv4).' }),
    opt(V, 'SubnetPrefixLength', leaf(int), { doc: 'Prefix length of the subnet (IPv6 and dual stack).', since: '34.0' }),
    opt(V, 'Dns1', leaf(string), { doc: 'Primary DNS server.' }),
    opt(V, 'Dns2', leaf(string), { doc: 'Secondary DNS server.' }),
    opt(V, 'DnsSuffix', leaf(string), { doc: 'DNS suffix of the subnet.' }),
    opt(V, 'IsEnabled', leaf(boolean), { doc: 'Whether the scope is enabled.', since: '5.1' }),
    opt(V, 'IpRanges', IpRanges, { doc: 'The static IP pool of the subnet.' }),
    opt(V, 'AllocatedIpAddresses', xml('IpAddressesType'), { doc: 'Addresses in use, set by the server.', readOnly: true }),
    opt(V, 'SubAllocations', xml('SubAllocationsType'), { doc: 'Sub-allocated address pools, set by the server.', readOnly: true, since: '5.1' }),
  ],
});

/** IpScopesType (5.1). */
export const IpScopes = extend(VCloudExtensible, 'IpScopesType', { children: [many(V, 'IpScope', IpScope, { doc: 'One subnet of the network.' })] });

/** NetworkConfigurationType: how a vApp network is built (FenceMode is required). */
export const NetworkConfiguration = extend(VCloudExtensible, 'NetworkConfigurationType', {
  children: [
    opt(V, 'BackwardCompatibilityMode', leaf(boolean), { doc: 'Keep pre-5.1 network behaviour.', since: '5.1' }),
    opt(V, 'IpScope', IpScope, { doc: 'The subnet, the pre-5.1 way; use IpScopes/IpScope.', deprecated: '5.1', replacement: 'IpScopes/IpScope' }),
    opt(V, 'IpScopes', IpScopes, { doc: 'The subnets of the network.', since: '5.1' }),
    opt(V, 'ParentNetwork', Reference, { doc: 'The org VDC network this vApp network connects to (bridged or natRouted).' }),
    one(V, 'FenceMode', leaf(string), { doc: 'How the vApp network connects to its parent: bridged, isolated or natRouted (required).' }),
    opt(V, 'RetainNetInfoAcrossDeployments', leaf(boolean), { doc: 'Keep MAC and IP addresses when the vApp is undeployed and deployed again.' }),
    opt(V, 'Features', xml('NetworkFeaturesType'), { doc: 'Network services of the vApp network: DHCP, firewall, NAT and more.' }),
    opt(V, 'SyslogServerSettings', xml('SyslogServerSettingsType'), { doc: 'Syslog servers of the network, set by the server.', readOnly: true }),
    opt(V, 'RouterInfo', xml('RouterInfoType'), { doc: 'Router information, set by the server.', readOnly: true }),
    opt(V, 'AdvancedNetworkingEnabled', leaf(boolean), { doc: 'Use the advanced edge gateway (removed from the API).', since: '22.0', removed: '31.0' }),
    opt(V, 'SubInterface', leaf(boolean), { doc: 'Attach the network as a sub-interface of the edge.', since: '27.0' }),
    opt(V, 'DistributedInterface', leaf(boolean), { doc: 'Use distributed routing for the network.', since: '29.0' }),
    opt(V, 'GuestVlanAllowed', leaf(boolean), { doc: 'Allow VLAN tagging inside the guests.', since: '29.0' }),
    opt(V, 'Connected', leaf(boolean), { doc: 'Whether the vApp network is connected to its parent network.', since: '33.0' }),
    opt(V, 'DualStackNetwork', leaf(boolean), { doc: 'Use IPv4 and IPv6 on the network.', since: '34.0' }),
  ],
});

/** VAppNetworkConfigurationType: one `<NetworkConfig networkName="...">`. */
export const NetworkConfig = extend(Resource, 'VAppNetworkConfigurationType', {
  children: [
    opt(V, 'Description', leaf(string), { doc: 'Free-text description of the vApp network.' }),
    one(V, 'Configuration', NetworkConfiguration, { doc: 'How the vApp network is built: IP scopes, parent network, fence mode.' }),
    opt(V, 'IsDeployed', leaf(boolean), { doc: 'Whether the network is deployed, set by the server.', readOnly: true }),
  ],
  attrs: [attr('networkName', string, { doc: 'Name of the vApp network; NICs name it in their network attribute.', required: true })],
});

export const NetworkConfigSection = extend(vcloudSectionBase('The configuration parameters for logical networks'), 'NetworkConfigSection_Type', {
  children: [many(V, 'Link', Link, { doc: 'Links the server adds to the section; ignored in a request.', readOnly: true }), many(V, 'NetworkConfig', NetworkConfig, { doc: 'One vApp network, named by networkName.' })],
  anyTail: true,
});

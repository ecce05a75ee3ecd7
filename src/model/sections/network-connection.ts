/**
 * NetworkConnectionSection (vApp.xsd NetworkConnectionSection_Type; schema-facts.md §4.6): a VM's NICs.
 * Trap: IsConnected comes after IpAddress and before IpAddressAllocationMode.
 */
import { NS } from '../../xml/names.js';
import { boolean, int, string } from '../codecs.js';
import { attr, extend, leaf, many, one, opt } from '../dsl.js';
import { Link, VCloudExtensible, vcloudSectionBase } from '../common.js';

const V = NS.vcloud;

/** NetworkConnectionType: one NIC, attached to the vApp network named by `@network` (or `none`). */
export const NetworkConnection = extend(VCloudExtensible, 'NetworkConnectionType', {
  children: [
    one(V, 'NetworkConnectionIndex', leaf(int)),
    opt(V, 'IpAddress', leaf(string)),
    opt(V, 'IpType', leaf(string), { since: '34.0' }),
    opt(V, 'SecondaryIpAddress', leaf(string), { since: '34.0' }),
    opt(V, 'SecondaryIpType', leaf(string), { since: '34.0' }),
    opt(V, 'ExternalIpAddress', leaf(string), { readOnly: true }),
    one(V, 'IsConnected', leaf(boolean)),
    opt(V, 'MACAddress', leaf(string)),
    opt(V, 'IpAddressAllocationMode', leaf(string)),
    opt(V, 'SecondaryIpAddressAllocationMode', leaf(string), { since: '34.0' }),
    opt(V, 'NetworkAdapterType', leaf(string), { since: '5.11' }),
  ],
  attrs: [attr('network', string, { required: true }), attr('needsCustomization', boolean, { readOnly: true })],
});

export const NetworkConnectionSection = extend(vcloudSectionBase('Specifies the available VM network connections'), 'NetworkConnectionSection_Type', {
  children: [
    opt(V, 'PrimaryNetworkConnectionIndex', leaf(int)),
    many(V, 'NetworkConnection', NetworkConnection),
    many(V, 'Link', Link, { readOnly: true }),
  ],
  anyTail: true,
});

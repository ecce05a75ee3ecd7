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
    one(V, 'NetworkConnectionIndex', leaf(int), { doc: "The NIC's number within the VM, from 0 (required)." }),
    opt(V, 'IpAddress', leaf(string), { doc: "The NIC's IP address (with MANUAL allocation)." }),
    opt(V, 'IpType', leaf(string), { doc: 'IPV4 or IPV6.', since: '34.0' }),
    opt(V, 'SecondaryIpAddress', leaf(string), { doc: 'A second IP address of the NIC (dual stack).', since: '34.0' }),
    opt(V, 'SecondaryIpType', leaf(string), { doc: 'Type of the second address.', since: '34.0' }),
    opt(V, 'ExternalIpAddress', leaf(string), { doc: "The NIC's address as seen from outside a NAT, set by the server.", readOnly: true }),
    one(V, 'IsConnected', leaf(boolean), { doc: 'Whether the NIC is connected (required).' }),
    opt(V, 'MACAddress', leaf(string), { doc: "The NIC's MAC address." }),
    opt(V, 'IpAddressAllocationMode', leaf(string), { doc: 'How the NIC gets its address: POOL, DHCP, MANUAL or NONE.' }),
    opt(V, 'SecondaryIpAddressAllocationMode', leaf(string), { doc: 'How the second address is allocated.', since: '34.0' }),
    opt(V, 'NetworkAdapterType', leaf(string), { doc: 'The virtual NIC model (VMXNET3, E1000E, E1000, ...).', since: '5.11' }),
  ],
  attrs: [attr('network', string, { doc: 'Name of the vApp network the NIC connects to, or none.', required: true }), attr('needsCustomization', boolean, { doc: 'Whether the NIC needs guest customization, set by the server.', readOnly: true })],
});

export const NetworkConnectionSection = extend(vcloudSectionBase('Specifies the available VM network connections'), 'NetworkConnectionSection_Type', {
  children: [
    opt(V, 'PrimaryNetworkConnectionIndex', leaf(int), { doc: "Index of the VM's primary NIC." }),
    many(V, 'NetworkConnection', NetworkConnection, { doc: 'One NIC of the VM.' }),
    many(V, 'Link', Link, { doc: 'Links the server adds to the section; ignored in a request.', readOnly: true }),
  ],
  anyTail: true,
});

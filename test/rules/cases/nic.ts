/** Cases for the nic/* rules. */
import { compose, instantiate, rasd, vhs, LAN, ncs, netConfig, netSection, nic, ovf, recompose, sourced, vmDoc } from '../docs.js';
import { fixed, type RuleCases } from '../tester.js';

const vm = (...nics: string[]) => vmDoc([ncs(nics)]);
const rasdNic = (mode: string, ip: string) =>
  rasd({ AddressOnParent: '0', ElementName: 'nic0', InstanceID: '1', ResourceSubType: 'VMXNET3', ResourceType: '10' }, { hostResource: undefined }).replace('<rasd:ElementName>', `<rasd:Connection vcloud:ipAddressingMode="${mode}" vcloud:ipAddress="${ip}" vcloud:primaryNetworkConnection="true">lan</rasd:Connection>\n<rasd:ElementName>`);

export default {
  'nic/allocation-mode': {
    valid: [vm(nic()), vm(nic({ IpAddressAllocationMode: 'DHCP' })), vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5' }))],
    invalid: [
      { code: vm(nic({ IpAddressAllocationMode: null })), errors: [{ messageId: 'missing', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")' }, at: '<NetworkConnection ' }] },
      fixed({ code: vm(nic({ IpAddressAllocationMode: 'pool' })), errors: [{ messageId: 'wrongCase', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', value: 'pool', expected: 'POOL' }, at: '<IpAddressAllocationMode>' }] }, '>pool<', '>POOL<'),
      { code: vm(nic({ IpAddressAllocationMode: 'STATIC', IpAddress: '10.0.0.5' })), errors: [{ messageId: 'unknown', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', value: 'STATIC' }, at: '<IpAddressAllocationMode>' }] },
      { code: vm(nic({ SecondaryIpAddressAllocationMode: 'AUTO' })), errors: [{ messageId: 'unknownSecondary', at: '<SecondaryIpAddressAllocationMode>' }] },
      { name: 'rasd NIC item', code: vmDoc([vhs([rasdNic('static', '10.0.0.5')]), ncs([nic()])]), errors: [{ messageId: 'rasdMode', data: { vm: 'SourcedItem 1 ("vm1")', instance: '1', value: 'static' }, at: '<rasd:Connection' }] },
    ],
  },
  'nic/manual-needs-ip': {
    valid: [vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5' })), vm(nic({ IpAddressAllocationMode: 'POOL' }))],
    invalid: [
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL' })), errors: [{ messageId: 'missingIp', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")' }, at: '<IpAddressAllocationMode>MANUAL' }] },
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '' })), errors: [{ messageId: 'missingIp', at: '<IpAddressAllocationMode>' }] },
      { code: vm(nic({ IpAddress: '10.0.0.5', IpAddressAllocationMode: 'MANUAL', SecondaryIpAddressAllocationMode: 'MANUAL' })), errors: [{ messageId: 'missingSecondaryIp', at: '<SecondaryIpAddressAllocationMode>' }] },
      { name: '"Any" names no address', code: vm(nic({ IpAddress: 'Any', IpAddressAllocationMode: 'MANUAL' })), errors: [{ messageId: 'anyIp', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', ip: 'Any' }, at: '<IpAddress>' }] },
    ],
  },
  'nic/ip-ignored': {
    valid: [
      vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5' })),
      vm(nic({ IpAddressAllocationMode: 'DHCP' })),
      { name: 'terraform placeholder NIC: IpAddress "any" with NONE', code: vm(nic({ network: 'none', IpAddress: 'any', IsConnected: 'false', IpAddressAllocationMode: 'NONE' })) },
    ],
    invalid: [
      { code: vm(nic({ IpAddressAllocationMode: 'POOL', IpAddress: '10.0.0.5' })), errors: [{ messageId: 'ignored', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', ip: '10.0.0.5', mode: 'POOL' }, at: '<IpAddress>' }] },
      { code: vm(nic({ IpAddressAllocationMode: 'DHCP', IpAddress: '10.0.0.6' })), errors: [{ messageId: 'ignored', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', ip: '10.0.0.6', mode: 'DHCP' } }] },
    ],
  },
  'nic/ip-address-format': {
    valid: [
      vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5', IpType: 'IPV4' })),
      vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: 'fd00::5', IpType: 'IPV6' })),
      vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5', SecondaryIpAddress: 'fd00::5', SecondaryIpType: 'IPV6', SecondaryIpAddressAllocationMode: 'MANUAL' })),
      { name: '"Any", which network.xsd IpAddressType documents (terraform writes "any")', code: vm(nic({ network: 'none', IpAddress: 'any', IsConnected: 'false', IpAddressAllocationMode: 'NONE' })) },
      vm(nic({ IpAddress: 'Any', IpAddressAllocationMode: 'DHCP' })),
    ],
    invalid: [
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.300' })), errors: [{ messageId: 'notIp', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', field: 'IpAddress', value: '10.0.0.300' }, at: '<IpAddress>' }] },
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5/24' })), errors: [{ messageId: 'notIp', at: '<IpAddress>' }] },
      { name: 'rasd NIC item', code: vmDoc([vhs([rasdNic('MANUAL', '10.0.0.x')]), ncs([nic()])]), errors: [{ messageId: 'rasdIp', data: { vm: 'SourcedItem 1 ("vm1")', instance: '1', value: '10.0.0.x' }, at: '<rasd:Connection' }] },
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5', IpType: 'IPV6' })), errors: [{ messageId: 'mismatch', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', field: 'IpAddress', value: '10.0.0.5', family: 4, typeField: 'IpType', type: 'IPV6' }, at: '<IpAddress>' }] },
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: 'fd00::5', SecondaryIpAddress: '10.1.1.1', SecondaryIpType: 'IPV6' })), errors: [{ messageId: 'mismatch', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', field: 'SecondaryIpAddress', value: '10.1.1.1', family: 4, typeField: 'SecondaryIpType', type: 'IPV6' }, at: '<SecondaryIpAddress>' }] },
    ],
  },
  'nic/unique-index': {
    valid: [vm(nic(), nic({ NetworkConnectionIndex: '1' }))],
    invalid: [{ code: vm(nic(), nic({ NetworkConnectionIndex: '0', IpAddressAllocationMode: 'DHCP' })), errors: [{ messageId: 'duplicate', data: { vm: 'SourcedItem 1 ("vm1")', index: '0' }, at: '<NetworkConnectionIndex>', nth: 2 }] }],
  },
  'nic/primary-index': {
    valid: [vmDoc([ncs([nic({ NetworkConnectionIndex: '3' })], '3')]), vmDoc([ncs([nic()], null)])],
    invalid: [
      { name: 'list position instead of index', code: vmDoc([ncs([nic({ NetworkConnectionIndex: '1' }), nic({ NetworkConnectionIndex: '2' })], '0')]), errors: [{ messageId: 'noSuchNic', data: { vm: 'SourcedItem 1 ("vm1")', primary: 0, indexes: '1, 2' }, at: '<PrimaryNetworkConnectionIndex>' }] },
    ],
  },
  'nic/none-mode-disconnected': {
    valid: [vm(nic({ network: 'none', IsConnected: 'false', IpAddressAllocationMode: 'NONE' }))],
    invalid: [
      { code: vm(nic({ IsConnected: 'false', IpAddressAllocationMode: 'NONE' })), errors: [{ messageId: 'network', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', network: 'lan' }, at: '<NetworkConnection ' }] },
      fixed({ code: vm(nic({ network: 'none', IsConnected: 'true', IpAddressAllocationMode: 'NONE' })), errors: [{ messageId: 'connected', at: '<IsConnected>' }] }, '<IsConnected>true<', '<IsConnected>false<'),
      { name: 'no fix when the value is not plain text', code: vm(nic({ network: 'none', IsConnected: '<!-- on purpose -->true', IpAddressAllocationMode: 'NONE' })), errors: [{ messageId: 'connected', at: '<IsConnected>' }] },
    ],
  },
  'nic/network-declared': {
    valid: [
      vm(nic()),
      vm(nic({ network: 'none', IsConnected: 'false', IpAddressAllocationMode: 'NONE' })),
      { name: 'instantiate without NetworkConfigSection keeps template networks', code: instantiate({ items: [sourced({ sections: [ncs([nic({ network: 'tpl-net' })])] })] }) },
      { name: 'OVF network mapping target', code: ovf({ body: ['<NetworkMapping>', '<Source>VM Network</Source>', '<Target>app-net</Target>', '</NetworkMapping>', '<InstantiateVmParams id="web">', ncs([nic({ network: 'app-net' })]), '</InstantiateVmParams>'] }) },
      { name: 'recompose checked against the context', code: recompose({ items: [sourced({ sections: [ncs([nic({ network: 'app-net' })])] })] }), context: { vapp: { networks: ['app-net'] } } },
    ],
    invalid: [
      { code: vm(nic({ network: 'lan2' })), errors: [{ messageId: 'undeclared', data: { what: 'NIC 0', vm: 'SourcedItem 1 ("vm1")', network: 'lan2', declared: '"lan"' }, at: '<NetworkConnection ' }] },
      { code: compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: ['<NetworkAssignment innerNetwork="VM Network" containerNetwork="corp-lan"/>'] })] }), errors: [{ messageId: 'undeclared', data: { what: 'NetworkAssignment', vm: 'SourcedItem 1 ("vm1")', network: 'corp-lan', declared: '"lan"' }, at: '<NetworkAssignment' }] },
      { code: compose({ items: [sourced({ sections: [ncs([nic()])] })] }), errors: [{ messageId: 'noNetworks', data: { what: 'NIC 0', vm: 'SourcedItem 1 ("vm1")', network: 'lan', kind: 'ComposeVAppParams' } }] },
      { code: recompose({ items: [sourced({ sections: [ncs([nic({ network: 'app-net' })])] })] }), errors: [{ messageId: 'unverified', severity: 'warning', at: '<NetworkConnection ' }] },
      { code: recompose({ items: [sourced({ sections: [ncs([nic({ network: 'app-net' })])] })] }), context: { vapp: { networks: ['other'] } }, errors: [{ messageId: 'notInVApp', data: { what: 'NIC 0', vm: 'SourcedItem 1 ("vm1")', network: 'app-net', declared: '"other"' }, severity: 'error' }] },
    ],
  },
  'nic/adapter-type': {
    valid: [vm(nic({ NetworkAdapterType: 'VMXNET3' })), vm(nic({ NetworkAdapterType: 'SRIOVETHERNETCARD' }))],
    invalid: [
      { code: vm(nic({ NetworkAdapterType: 'VMXNET4' })), errors: [{ messageId: 'unknown', at: '<NetworkAdapterType>' }] },
      { code: compose({ vapp: [netSection(netConfig('lan', { fence: 'natRouted' }))], items: [sourced({ sections: [ncs([nic({ NetworkAdapterType: 'SRIOVETHERNETCARD' })])] })] }), errors: [{ messageId: 'sriovRouted', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', network: 'lan', fence: 'natRouted' }, at: '<NetworkAdapterType>' }] },
    ],
  },
  'nic/ip-in-subnet': {
    valid: [
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5' })), context: { networks: [{ name: 'corp-lan', subnets: [{ gateway: '10.0.0.1', prefixLength: 24, staticPools: [{ start: '10.0.0.2', end: '10.0.0.50' }] }] }] } },
      { code: compose({ vapp: [netSection(netConfig('iso', { fence: 'isolated' }))], items: [sourced({ sections: [ncs([nic({ network: 'iso', IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.150' })])] })] }), context: {} },
    ],
    invalid: [
      { code: vm(nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '192.168.1.5' })), context: { networks: [{ name: 'corp-lan', subnets: [{ gateway: '10.0.0.1', prefixLength: 24 }] }] }, errors: [{ messageId: 'outsideSubnet', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', ip: '192.168.1.5', network: 'lan', subnets: '10.0.0.1/24' }, at: '<IpAddress>' }] },
      { code: compose({ vapp: [netSection(netConfig('iso', { fence: 'isolated' }))], items: [sourced({ sections: [ncs([nic({ network: 'iso', IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.20' })])] })] }), context: {}, errors: [{ messageId: 'outsidePool', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")', ip: '10.0.0.20', network: 'iso', pools: '10.0.0.100-10.0.0.200' } }] },
    ],
  },
} satisfies Record<string, RuleCases>;


/** Cases for network/* rules. */
import { compose, ipScope, netConfig, netSection, NETWORK } from '../docs.js';
import { fixed, type RuleCases } from '../tester.js';

const net = (...configs: string[]) => compose({ vapp: [netSection(...configs)], attrs: 'name="t" deploy="false" powerOn="false"' });

export default {
  'network/fence-mode': {
    valid: [net(netConfig('a'), netConfig('b', { fence: 'natRouted' }), netConfig('c', { fence: 'isolated' }))],
    invalid: [
      { code: net(netConfig('a', { fence: 'bridge' })), errors: [{ messageId: 'unknown', data: { network: 'a', value: 'bridge' }, at: '<FenceMode>' }] },
      fixed({ code: net(netConfig('a', { fence: 'NATROUTED' })), errors: [{ messageId: 'wrongCase', data: { network: 'a', value: 'NATROUTED', expected: 'natRouted' }, at: '<FenceMode>' }] }, '>NATROUTED<', '>natRouted<'),
    ],
  },
  'network/parent-network': {
    valid: [net(netConfig('a'), netConfig('c', { fence: 'isolated' }))],
    invalid: [
      { code: net(netConfig('a', { parent: false })), errors: [{ messageId: 'missing', data: { network: 'a', mode: 'bridged' }, at: '<FenceMode>' }] },
      { code: net(netConfig('c', { fence: 'isolated', parent: true })), errors: [{ messageId: 'isolated', data: { network: 'c' }, at: '<ParentNetwork' }] },
    ],
  },
  'network/ip-scopes-required': {
    valid: [net(netConfig('a'), netConfig('b', { fence: 'natRouted' }))],
    invalid: [{ code: net(netConfig('b', { fence: 'natRouted', scopes: null })), errors: [{ messageId: 'missing', data: { network: 'b', mode: 'natRouted' }, at: '<FenceMode>' }] }],
  },
  'network/duplicate-name': {
    valid: [net(netConfig('a'), netConfig('b'))],
    invalid: [{ code: net(netConfig('a'), netConfig('a', { fence: 'isolated' })), errors: [{ messageId: 'duplicate', data: { network: 'a' }, at: '<NetworkConfig networkName="a"', nth: 2 }] }],
  },
  'network/ip-scope-values': {
    valid: [net(netConfig('a', { fence: 'isolated' })), net(netConfig('v6', { fence: 'isolated', scopes: [ipScope({ gateway: 'fd00::1', netmask: null, prefix: '64', ranges: [['fd00::10', 'fd00::20']] })] }))],
    invalid: [
      { code: net(netConfig('a', { fence: 'isolated', scopes: [ipScope({ gateway: 'not-an-ip' })] })), errors: [{ messageId: 'notIp', data: { network: 'a', field: 'Gateway', value: 'not-an-ip' }, at: '<Gateway>' }] },
      { code: net(netConfig('a', { fence: 'isolated', scopes: [ipScope({ netmask: '255.0.255.0' })] })), errors: [{ messageId: 'badMask', data: { network: 'a', value: '255.0.255.0' }, at: '<Netmask>' }] },
      { code: net(netConfig('a', { fence: 'isolated', scopes: [ipScope({ ranges: [['10.0.0.200', '10.0.0.100']] })] })), errors: [{ messageId: 'reversed', data: { network: 'a', start: '10.0.0.200', end: '10.0.0.100' }, at: '<IpRange>' }] },
      { code: net(netConfig('a', { fence: 'isolated', scopes: [ipScope({ ranges: [['10.0.1.10', '10.0.1.20']] })] })), errors: [{ messageId: 'outside', data: { network: 'a', start: '10.0.1.10', end: '10.0.1.20', gateway: '10.0.0.1', prefix: 24 }, at: '<IpRange>' }] },
    ],
  },
  'network/fence-mode-allowed': {
    valid: [{ code: net(netConfig('a')), context: { allowedFenceModes: ['bridged'] } }],
    invalid: [{ code: net(netConfig('a'), netConfig('b', { fence: 'natRouted' })), context: { allowedFenceModes: ['bridged', 'isolated'] }, errors: [{ messageId: 'notAllowed', data: { network: 'b', mode: 'natRouted', allowed: 'bridged, isolated' }, at: '<FenceMode>natRouted' }] }],
  },
  'network/parent-network-in-vdc': {
    valid: [
      { code: net(netConfig('a')), context: { networks: [{ name: 'corp-lan', href: NETWORK }] } },
      { name: 'matched by the id part of the href', code: net(netConfig('a')), context: { networks: [{ name: 'renamed', id: 'urn:vcloud:network:018b194d-a08d-4f69-a869-8c325986dab9' }] } },
    ],
    invalid: [{ code: net(netConfig('a')), context: { networks: [{ name: 'dmz', href: 'https://vcd.example.com/api/network/aaaaaaaa-0000-4000-8000-000000000000' }] }, errors: [{ messageId: 'parent', data: { network: 'a', ref: '"corp-lan"', available: 'dmz' }, at: '<ParentNetwork' }] }],
  },
} satisfies Record<string, RuleCases>;


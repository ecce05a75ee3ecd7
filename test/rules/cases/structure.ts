/** Cases for structure/*, reference/*, version/*, deprecated/* and policy/* rules. */
import { compose, createItem, instantiate, ipScope, LAN, lease, ncs, netConfig, netSection, nic, product, sourced, startup, STORAGE_GOLD, SIZING, TEMPLATE_VM, VAPP, vmDoc } from '../docs.js';
import { fixed, type RuleCases } from '../tester.js';

const VM1 = 'SourcedItem 1 ("vm1")';
const eula = '<ovf:EulaSection>\n<ovf:Info>license</ovf:Info>\n<ovf:License>terms</ovf:License>\n</ovf:EulaSection>';
const storage = (href: string) => `<StorageProfile href="${href}" name="Gold"/>`;
const vdcPolicy = `<VdcComputePolicy href="${SIZING}" name="small"/>`;
const computePolicy = `<ComputePolicy>\n<VmSizingPolicy href="${SIZING}" name="small"/>\n</ComputePolicy>`;
const ipTypeDoc = vmDoc([ncs([nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5', IpType: 'IPV4' })])]);
const oldScope = netSection(`<NetworkConfig networkName="lan">\n<Configuration>\n${ipScope().replace('<IpScope>', '<IpScope>')}\n<FenceMode>isolated</FenceMode>\n</Configuration>\n</NetworkConfig>`);
const svip = `<SourcedVmInstantiationParams>\n<Source href="${TEMPLATE_VM}"/>\n</SourcedVmInstantiationParams>`;

export default {
  'structure/section-container': {
    valid: [vmDoc([ncs([nic()])]), compose({ vapp: [LAN, lease({ deploy: '0' })], items: [sourced({ sections: [ncs([nic()]), product(['ovf:key="a" ovf:type="string"'])] })] })],
    invalid: [
      { code: compose({ vapp: [LAN, ncs([nic()])] }), errors: [{ messageId: 'vmSectionAtVApp', data: { section: 'NetworkConnectionSection' }, at: '<NetworkConnectionSection>' }] },
      { code: vmDoc([ncs([nic()]), lease({ deploy: '7200' })]), errors: [{ messageId: 'vappSectionInVm', data: { section: 'LeaseSettingsSection', vm: VM1 }, at: '<LeaseSettingsSection>' }] },
      { name: 'in a CreateItem', code: compose({ vapp: [LAN], items: [createItem({ sections: [startup('ovf:id="blank1" ovf:order="0"'), ncs([nic()])] })] }), errors: [{ messageId: 'vappSectionInVm', data: { section: 'StartupSection', vm: 'CreateItem 1 ("blank1")' }, at: '<CreateItem' }] },
    ],
  },
  'structure/unknown-section': {
    valid: [vmDoc([ncs([nic()])])],
    invalid: [{ code: compose({ vapp: [LAN, eula] }), errors: [{ messageId: 'unknown', data: { section: 'EulaSection', ns: 'ovf' }, at: '<ovf:EulaSection>' }] }],
  },
  'structure/wrong-namespace': {
    valid: [vmDoc([ncs([nic()])])],
    invalid: [
      { name: 'rasd:Item in the lax tail of VirtualHardwareSection', code: vmDoc(['<ovf:VirtualHardwareSection>\n<ovf:Info>hw</ovf:Info>\n<rasd:Item>\n<rasd:ElementName>cpu</rasd:ElementName>\n</rasd:Item>\n</ovf:VirtualHardwareSection>']), errors: [{ messageId: 'wrongNs', data: { name: 'Item', actual: 'rasd', expected: 'ovf' }, at: '<rasd:Item>' }] },
      { name: 'ovf:NetworkConnection in the lax tail of NetworkConnectionSection', code: vmDoc([ncs([nic(), '<ovf:NetworkConnection network="lan"/>'])]), errors: [{ messageId: 'wrongNs', data: { name: 'NetworkConnection', actual: 'ovf', expected: 'vcloud' }, at: '<ovf:NetworkConnection' }] },
      { name: 'section in the ovf namespace', schemaInvalid: true, code: compose({ vapp: ['<ovf:NetworkConfigSection>\n<ovf:Info>n</ovf:Info>\n</ovf:NetworkConfigSection>'] }), errors: [{ messageId: 'wrongNs', data: { name: 'NetworkConfigSection', actual: 'ovf', expected: 'vcloud' }, at: '<ovf:NetworkConfigSection>' }] },
    ],
  },
  'structure/unqualified-ovf-attribute': {
    valid: [compose({ vapp: [LAN, startup('ovf:id="vm1" ovf:order="0" ovf:startAction="none"')] })],
    invalid: [
      fixed({ code: compose({ vapp: [LAN, startup('ovf:id="vm1" ovf:order="0" startAction="none"')] }), errors: [{ messageId: 'unqualified', data: { name: 'startAction', element: 'Item', value: 'none' }, at: '<ovf:Item' }] }, ' startAction="none"', ' ovf:startAction="none"'),
      fixed({ code: compose({ vapp: [LAN, product(['ovf:key="a" ovf:type="string" userConfigurable="true"'])] }), errors: [{ messageId: 'unqualified', data: { name: 'userConfigurable', element: 'Property', value: 'true' }, at: '<ovf:Property' }] }, ' userConfigurable="true"', ' ovf:userConfigurable="true"'),
      fixed(
        { name: 'ovf:Info msgid="": the default, so info only', code: vmDoc([ncs([nic()]).replace('<ovf:Info>', '<ovf:Info msgid="">')]), errors: [{ messageId: 'defaultValue', severity: 'info', data: { name: 'msgid', element: 'Info', value: '' }, at: '<ovf:Info msgid' }] },
        '<ovf:Info msgid="">',
        '<ovf:Info ovf:msgid="">',
      ),
      fixed(
        { name: 'an OVF prefix other than ovf: is used when it is the one in scope', code: vmDoc([ncs([nic()]).replace('<ovf:Info>nics</ovf:Info>', '<o:Info xmlns:o="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="urn:other" msgid="m1">nics</o:Info>')]), errors: [{ messageId: 'unqualified', data: { name: 'msgid', element: 'Info', value: 'm1' } }] },
        'msgid="m1"',
        'o:msgid="m1"',
      ),
    ],
  },
  'reference/href': {
    valid: [vmDoc([ncs([nic()])]), compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: [storage(STORAGE_GOLD)] })] })],
    invalid: [
      { code: compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: ['<StorageProfile href=""/>'] })] }), errors: [{ messageId: 'empty', data: { element: 'StorageProfile' }, at: '<StorageProfile href=""' }] },
      { code: compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: [storage('/api/vdcStorageProfile/d5ba2303')] })] }), errors: [{ messageId: 'notAbsolute', severity: 'warning', data: { element: 'StorageProfile', href: '/api/vdcStorageProfile/d5ba2303' }, at: '<StorageProfile' }] },
      { schemaInvalid: true, code: compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: ['<StorageProfile name="Gold"/>'] })] }), errors: [{ messageId: 'missing', data: { element: 'StorageProfile' }, at: '<StorageProfile' }] },
      { name: 'CreateItem media', code: compose({ vapp: [LAN], items: [createItem({ after: ['<Media href="" name="install.iso"/>'] })] }), errors: [{ messageId: 'empty', data: { element: 'Media' }, at: '<CreateItem' }] },
    ],
  },
  'version/not-yet-available': {
    valid: [{ code: ipTypeDoc, apiVersion: '34.0' }, ipTypeDoc, { code: instantiate({ items: [sourced()] }), apiVersion: '5.6' }],
    invalid: [
      { code: ipTypeDoc, apiVersion: '33.0', errors: [{ messageId: 'tooNew', data: { name: 'IpType', since: '34.0', target: '33.0' }, at: '<IpType>' }] },
      { code: instantiate({ items: [sourced()] }), apiVersion: '5.5', errors: [{ messageId: 'tooNew', data: { name: 'SourcedItem', since: '5.6', target: '5.5' }, at: '<SourcedItem>' }, { messageId: 'tooNew', data: { name: 'VmGeneralParams', since: '5.6', target: '5.5' }, at: '<VmGeneralParams>' }] },
      { name: 'VmType content of a CreateItem', schemaInvalid: true, code: compose({ vapp: [LAN], items: [createItem({ after: ['<BootOptions>\n<BootDelay>0</BootDelay>\n<EnterBIOSSetup>false</EnterBIOSSetup>\n<EfiSecureBootEnabled>true</EfiSecureBootEnabled>\n</BootOptions>'] })] }), apiVersion: '36.0', errors: [{ messageId: 'tooNew', data: { name: 'EfiSecureBootEnabled', since: '37.1', target: '36.0' }, at: '<CreateItem' }] },
    ],
  },
  'version/deprecated': {
    valid: [{ code: vmDoc([ncs([nic()])], {}).replace('</SourcedItem>', `${vdcPolicy}\n</SourcedItem>`), apiVersion: '32.0' }],
    invalid: [
      { code: vmDoc([ncs([nic()])]).replace('</SourcedItem>', `${vdcPolicy}\n</SourcedItem>`), apiVersion: '33.0', errors: [{ messageId: 'deprecated', data: { name: 'VdcComputePolicy', version: '33.0', target: '33.0', advice: 'use ComputePolicy instead' }, at: '<VdcComputePolicy' }] },
      { name: 'singular IpScope', code: compose({ vapp: [oldScope.replace('<IpScope>', '<IpScope>')] }), errors: [{ messageId: 'deprecated', data: { name: 'IpScope', version: '5.1', target: '39.1', advice: 'use IpScopes/IpScope instead' }, at: '<IpScope>' }] },
    ],
  },
  'version/removed': {
    valid: [{ code: vmDoc([ncs([nic()])]).replace('</SourcedItem>', `${vdcPolicy}\n</SourcedItem>`), apiVersion: '33.0' }, { code: instantiate({ items: [svip] }), apiVersion: '29.0' }],
    invalid: [
      { code: vmDoc([ncs([nic()])]).replace('</SourcedItem>', `${vdcPolicy}\n</SourcedItem>`), apiVersion: '34.0', errors: [{ messageId: 'removed', severity: 'error', data: { name: 'VdcComputePolicy', version: '34.0', target: '34.0', advice: 'use ComputePolicy instead' }, at: '<VdcComputePolicy' }] },
      { name: 'newest version assumed', code: vmDoc([ncs([nic()])]).replace('</SourcedItem>', `${vdcPolicy}\n</SourcedItem>`), errors: [{ messageId: 'removed', severity: 'warning', at: '<VdcComputePolicy' }] },
      { name: 'no replacement', code: compose({ vapp: [netSection(netConfig('lan').replace('<FenceMode>bridged</FenceMode>', '<FenceMode>bridged</FenceMode>\n<AdvancedNetworkingEnabled>true</AdvancedNetworkingEnabled>'))] }), apiVersion: '31.0', errors: [{ messageId: 'removed', data: { name: 'AdvancedNetworkingEnabled', version: '31.0', target: '31.0', advice: 'remove it' }, at: '<AdvancedNetworkingEnabled>' }] },
      { code: instantiate({ items: [svip] }), apiVersion: '31.0', errors: [{ messageId: 'removed', data: { name: 'SourcedVmInstantiationParams', version: '30.0', target: '31.0', advice: 'use SourcedItem instead' }, at: '<SourcedVmInstantiationParams>' }] },
    ],
  },
  'deprecated/sourced-vm-instantiation-params': {
    valid: [instantiate({ items: [svip] }), instantiate({ items: [sourced()] })],
    invalid: [{ code: instantiate({ items: [svip, sourced()] }), errors: [{ messageId: 'ignored', data: { index: 1 }, at: '<SourcedVmInstantiationParams>' }] }],
  },
  'deprecated/source-name-rename': {
    valid: [
      compose({ items: [sourced({ sourceName: 'tpl-vm' })] }),
      compose({ items: [sourced({ name: null, href: VAPP, sourceName: 'whole-vapp' })] }),
      { name: 'pyvcloud copies the source reference: the name is the source VM\'s own', code: compose({ items: [sourced({ name: null, sourceName: 'ubuntu-22' })] }), context: { templates: [{ href: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', vms: [{ href: TEMPLATE_VM, name: 'ubuntu-22' }] }] } },
    ],
    invalid: [
      { code: compose({ items: [sourced({ name: null, sourceName: 'web01' })] }), errors: [{ messageId: 'rename', severity: 'info', data: { vm: 'SourcedItem 1', name: 'web01' }, at: '<Source ' }] },
      { name: 'the context names the source VM differently: a real rename', code: compose({ items: [sourced({ name: null, sourceName: 'web01' })] }), context: { templates: [{ href: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', vms: [{ href: TEMPLATE_VM, name: 'ubuntu-22' }] }] }, errors: [{ messageId: 'rename', data: { vm: 'SourcedItem 1', name: 'web01' } }] },
    ],
  },
  'policy/compute-policy-conflict': {
    valid: [compose({ items: [sourced({ after: [computePolicy] })] }), compose({ items: [sourced({ after: [vdcPolicy] })] })],
    invalid: [
      { code: compose({ items: [sourced({ after: [vdcPolicy, computePolicy] })] }), errors: [{ messageId: 'both', data: { vm: VM1 }, at: '<VdcComputePolicy' }] },
      { name: 'CreateItem', code: compose({ vapp: [LAN], items: [createItem({ after: [vdcPolicy, computePolicy] })] }), errors: [{ messageId: 'both', data: { vm: 'CreateItem 1 ("blank1")' }, at: '<CreateItem' }] },
    ],
  },
} satisfies Record<string, RuleCases>;



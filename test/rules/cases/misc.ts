/** Cases for product/*, startup/*, lifecycle/*, eula/*, lease/org-maximum and reference/in-vdc. */
import { clone, compose, defaultStorage, instantiate, LAN, lease, ncs, nic, product, recompose, sourced, startup, STORAGE_GOLD, STORAGE_OTHER, SIZING, TEMPLATE, TEMPLATE_VM, VAPP, VAPP_VM } from '../docs.js';
import type { RuleCases } from '../tester.js';

const off = 'name="t" deploy="false" powerOn="false"';
const vapp = (...sections: string[]) => compose({ vapp: [LAN, ...sections], attrs: off });
const withStorage = (href: string) => compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: [`<StorageProfile href="${href}" name="Gold"/>`] })] });

export default {
  'product/property-type': {
    valid: [vapp(product(['ovf:key="a" ovf:type="string"', 'ovf:key="n" ovf:type="uint16"']))],
    invalid: [
      { code: vapp(product(['ovf:key="a" ovf:type="int"'])), errors: [{ messageId: 'badType', data: { key: 'a', type: 'int', types: 'uint8, sint8, uint16, sint16, uint32, sint32, uint64, sint64, string, boolean, real32, real64' }, at: '<ovf:Property' }] },
      { code: vapp(product(['ovf:key="" ovf:type="string"'])), errors: [{ messageId: 'emptyKey', at: '<ovf:Property' }] },
    ],
  },
  'product/not-user-configurable': {
    valid: [vapp(product(['ovf:key="a" ovf:type="string" ovf:userConfigurable="true" ovf:value="x"', 'ovf:key="b" ovf:type="string"']))],
    invalid: [
      { code: vapp(product(['ovf:key="a" ovf:type="string" ovf:value="x"'])), errors: [{ messageId: 'notConfigurable', data: { key: 'a', value: 'x', state: 'not set (false)' }, at: '<ovf:Property' }] },
      { code: vapp(product(['ovf:key="a" ovf:type="string" ovf:userConfigurable="false" ovf:value="x"'])), errors: [{ messageId: 'notConfigurable', data: { key: 'a', value: 'x', state: 'false' } }] },
    ],
  },
  'product/qualified-key': {
    valid: [vapp(product(['ovf:key="a" ovf:type="string"']))],
    invalid: [{ code: vapp(product(['ovf:key="port" ovf:type="uint16"'], 'ovf:class="org.app" ovf:instance="1"')), errors: [{ messageId: 'qualified', data: { key: 'port', full: 'org.app.port.1' }, at: '<ovf:Property' }] }],
  },
  'startup/actions': {
    valid: [vapp(startup('ovf:id="vm1" ovf:order="0" ovf:startAction="powerOn" ovf:stopAction="guestShutdown"'))],
    invalid: [
      { code: vapp(startup('ovf:id="vm1" ovf:order="0" ovf:startAction="PowerOn"')), errors: [{ messageId: 'start', data: { id: 'vm1', value: 'PowerOn' }, at: '<ovf:Item' }] },
      { code: vapp(startup('ovf:id="vm1" ovf:order="0" ovf:stopAction="shutdown"')), errors: [{ messageId: 'stop', data: { id: 'vm1', value: 'shutdown' }, at: '<ovf:Item' }] },
    ],
  },
  'startup/duplicate-item': {
    valid: [vapp(startup('ovf:id="vm1" ovf:order="0"', 'ovf:id="vm2" ovf:order="0"'))],
    invalid: [{ code: vapp(startup('ovf:id="vm1" ovf:order="0"', 'ovf:id="vm1" ovf:order="1"')), errors: [{ messageId: 'duplicate', data: { id: 'vm1' }, at: '<ovf:Item', nth: 2 }] }],
  },
  'startup/unknown-vm': {
    valid: [
      { code: compose({ vapp: [LAN, startup('ovf:id="vm1" ovf:order="0"')], items: [sourced({ sections: [ncs([nic()])] })] }), context: {} },
      { code: recompose({ vapp: [startup('ovf:id="db01" ovf:order="0"')] }), context: { vapp: { vms: ['db01'] } } },
    ],
    invalid: [{ code: compose({ vapp: [LAN, startup('ovf:id="vm-1" ovf:order="0"')], items: [sourced({ sections: [ncs([nic()])] })] }), context: {}, errors: [{ messageId: 'unknown', data: { id: 'vm-1', known: 'vm1' }, at: '<ovf:Item' }] }],
  },
  'lease/org-maximum': {
    valid: [{ code: vapp(lease({ deploy: '86400', storage: '0' })), context: { lease: { maxDeploymentLeaseSeconds: 86400, maxStorageLeaseSeconds: 0 } } }],
    invalid: [
      { code: vapp(lease({ deploy: '604800' })), context: { lease: { maxDeploymentLeaseSeconds: 86400 } }, errors: [{ messageId: 'above', data: { field: 'DeploymentLeaseInSeconds', value: 604800, max: 86400 }, at: '<DeploymentLeaseInSeconds>' }] },
      { code: vapp(lease({ storage: '0' })), context: { lease: { maxStorageLeaseSeconds: 2592000 } }, errors: [{ messageId: 'unlimited', data: { field: 'StorageLeaseInSeconds', max: 2592000 }, at: '<StorageLeaseInSeconds>' }] },
    ],
  },
  'lifecycle/source-powered-off': {
    valid: [{ code: compose({ items: [sourced({ href: VAPP_VM })] }), context: { vms: [{ href: VAPP_VM, name: 'cache', powerState: 'POWERED_OFF' }] } }],
    invalid: [
      { code: compose({ items: [sourced({ href: VAPP_VM })] }), context: { vms: [{ href: VAPP_VM, name: 'cache', powerState: 'POWERED_ON' }] }, errors: [{ messageId: 'running', data: { what: 'Source VM', name: 'cache', state: 'POWERED_ON', action: 'copied' }, at: '<Source ' }] },
      { code: compose({ items: [sourced({ href: VAPP_VM, attrs: 'sourceDelete="true"' })] }), context: { vms: [{ href: VAPP_VM, name: 'cache', powerState: 'SUSPENDED', independentDisks: true }] }, errors: [{ messageId: 'running', data: { what: 'Source VM', name: 'cache', state: 'SUSPENDED', action: 'moved' } }, { messageId: 'independentDisk', data: { what: 'Source VM', name: 'cache' } }] },
      { name: 'clone with IsSourceDelete (a move)', code: clone({ attrs: off, move: true }), context: { vms: [{ href: VAPP, name: 'app', powerState: 'POWERED_ON' }] }, errors: [{ messageId: 'running', data: { what: 'Source vApp', name: 'app', state: 'POWERED_ON', action: 'moved' }, at: '<Source ' }] },
    ],
  },
  'lifecycle/recompose-running-vapp': {
    valid: [
      { code: recompose({ tail: [`<DeleteItem href="${VAPP_VM}"/>`] }), context: { vapp: { status: 'POWERED_OFF' } } },
      { code: recompose({ tail: [`<DeleteItem href="${VAPP_VM}"/>`] }), context: { vapp: { status: 'POWERED_ON', recomposeWhileRunning: true } } },
    ],
    invalid: [{ code: recompose({ tail: [`<DeleteItem href="${VAPP_VM}"/>`] }), context: { vapp: { name: 'crm', status: 'POWERED_ON' } }, errors: [{ messageId: 'running', data: { name: ' "crm"', state: 'POWERED_ON', change: 'deleting VMs' }, at: '<RecomposeVAppParams' }] }],
  },
  'eula/not-accepted': {
    valid: [{ code: instantiate(), context: { templates: [{ href: TEMPLATE, eula: true }] } }, { code: instantiate({ eula: false }), context: { templates: [{ href: TEMPLATE, eula: false }] } }],
    invalid: [
      { code: instantiate({ eula: false }), context: { templates: [{ href: TEMPLATE, name: 'win2022', eula: true }] }, errors: [{ messageId: 'notAccepted', data: { template: 'win2022', state: 'missing' }, at: '<Source ' }] },
      { name: 'compose from a template VM', code: compose({ items: [sourced()] }).replace('<AllEULAsAccepted>true', '<AllEULAsAccepted>false'), context: { templates: [{ href: TEMPLATE, name: 'win2022', eula: true, vms: [{ href: TEMPLATE_VM }] }] }, errors: [{ messageId: 'notAccepted', data: { template: 'win2022', state: 'false' } }] },
    ],
  },
  'reference/in-vdc': {
    valid: [{ code: withStorage(STORAGE_GOLD), context: { storageProfiles: [{ name: 'Gold', href: STORAGE_GOLD }] } }, { code: vapp(defaultStorage('Gold')), context: { storageProfiles: [{ name: 'Gold' }] } }],
    invalid: [
      { code: withStorage(STORAGE_OTHER), context: { storageProfiles: [{ name: 'Gold-A', href: STORAGE_GOLD }] }, errors: [{ messageId: 'notInVdc', data: { where: 'SourcedItem 1 ("vm1")', kind: 'storage profile', ref: '"Gold"', available: 'Gold-A' }, at: '<StorageProfile' }] },
      { code: vapp(defaultStorage('Platinum')), context: { storageProfiles: [{ name: 'Gold', href: STORAGE_GOLD }] }, errors: [{ messageId: 'notInVdc', data: { where: 'DefaultStorageProfileSection', kind: 'storage profile', ref: '"Platinum"', available: 'Gold' }, at: '<StorageProfile>' }] },
      { code: compose({ items: [sourced({ after: [`<ComputePolicy>\n<VmSizingPolicy href="${SIZING}" name="large"/>\n</ComputePolicy>`] })] }), context: { sizingPolicies: [{ name: 'small', id: 'urn:vcloud:vdcComputePolicy:00000000-0000-4000-8000-000000000000' }] }, errors: [{ messageId: 'notInVdc', data: { where: 'SourcedItem 1 ("vm1")', kind: 'sizing policy', ref: '"large"', available: 'small' }, at: '<VmSizingPolicy' }] },
    ],
  },
} satisfies Record<string, RuleCases>;


/** Cases for hardware/* rules. */
import { compose, cpu, createItem, disk, LAN, memory, ncs, nic, ovf, SIZING, TEMPLATE, TEMPLATE_VM, vhs, vmDoc, vmSpec } from '../docs.js';
import type { RuleCases } from '../tester.js';

const VM1 = 'SourcedItem 1 ("vm1")';
const hw = (...items: string[]) => vmDoc([vhs(items), ncs([nic()])]);
const ivp = (hc: string) => ovf({ body: ['<InstantiateVmParams id="web">', '<HardwareCustomization>', hc, '</HardwareCustomization>', '</InstantiateVmParams>'] });
const blank = (spec: string | null, sections?: string[]) => compose({ vapp: [LAN], items: [createItem({ spec, sections })] });
const tplContext = { templates: [{ href: TEMPLATE, name: 'ubuntu', vms: [{ href: TEMPLATE_VM, name: 'vm', disks: [{ instanceId: '2000', sizeMb: 40960 }] }] }] };

export default {
  'hardware/cores-per-socket': {
    valid: [hw(cpu('8', '4')), hw(cpu('3')), ivp('<NumberOfCpus>4</NumberOfCpus>\n<CoresPerSocket>2</CoresPerSocket>'), blank(vmSpec({ cpus: '4', cores: '2' }))],
    invalid: [
      { code: hw(cpu('6', '4')), errors: [{ messageId: 'notMultiple', data: { vm: VM1, cpus: 6, cores: 4 }, at: '<vmw:CoresPerSocket' }] },
      { code: hw(cpu('4', '0')), errors: [{ messageId: 'belowOne', data: { vm: VM1, field: 'vmw:CoresPerSocket', value: 0 }, at: '<vmw:CoresPerSocket' }] },
      { code: ivp('<NumberOfCpus>6</NumberOfCpus>\n<CoresPerSocket>4</CoresPerSocket>'), errors: [{ messageId: 'notMultiple', data: { vm: 'InstantiateVmParams 1 ("web")', cpus: 6, cores: 4 }, at: '<CoresPerSocket>' }] },
      { code: ivp('<NumberOfCpus>0</NumberOfCpus>'), errors: [{ messageId: 'belowOne', data: { vm: 'InstantiateVmParams 1 ("web")', field: 'NumberOfCpus', value: 0 }, at: '<NumberOfCpus>' }] },
      { code: blank(vmSpec({ cpus: '6', cores: '4' })), errors: [{ messageId: 'notMultiple', data: { vm: 'CreateItem 1 ("blank1")', cpus: 6, cores: 4 }, at: '<CreateItem' }] },
    ],
  },
  'hardware/memory-size': {
    valid: [hw(memory('4096')), hw(memory('32', 'byte * 2^30')), ivp('<MemorySize>8192</MemorySize>'), blank(vmSpec({ mem: '2048' }))],
    invalid: [
      { code: hw(memory('1022')), errors: [{ messageId: 'notMultiple', data: { vm: VM1, mb: 1022 }, at: '<rasd:VirtualQuantity>' }] },
      { name: 'units applied before the check', code: hw(memory('1023', 'byte * 2^10')), errors: [{ messageId: 'tooSmall', data: { vm: VM1, mb: 1023 / 1024 }, at: '<rasd:VirtualQuantity>' }] },
      { code: ivp('<MemorySize>1000001</MemorySize>'), errors: [{ messageId: 'notMultiple', data: { vm: 'InstantiateVmParams 1 ("web")', mb: 1000001 }, at: '<MemorySize>' }] },
      { code: blank(vmSpec({ mem: '2' })), errors: [{ messageId: 'tooSmall', data: { vm: 'CreateItem 1 ("blank1")', mb: 2 }, at: '<CreateItem' }] },
    ],
  },
  'hardware/rasd-units': {
    valid: [hw(cpu('2'), memory('4096'), disk('2000', '10240'))],
    invalid: [
      { code: hw(cpu('2', undefined, 'byte * 2^20')), errors: [{ messageId: 'wrongKind', data: { vm: VM1, what: 'CPU', instance: '4', units: 'byte * 2^20', base: 'hertz', example: 'hertz * 10^6' }, at: '<rasd:AllocationUnits>' }] },
      { code: hw(memory('4', 'GigaHertz')), errors: [{ messageId: 'unreadable', data: { vm: VM1, what: 'memory', instance: '5', units: 'GigaHertz', base: 'byte', example: 'byte * 2^20' }, at: '<rasd:AllocationUnits>' }] },
    ],
  },
  'hardware/unique-instance-id': {
    valid: [hw(cpu('2'), memory('4096'))],
    invalid: [{ code: hw(cpu('2'), memory('4096', 'byte * 2^20', '4')), errors: [{ messageId: 'duplicate', data: { vm: VM1, id: '4' }, at: '<rasd:InstanceID>', nth: 2 }] }],
  },
  'hardware/new-vm-spec': {
    valid: [blank(vmSpec())],
    invalid: [
      { code: blank(null), errors: [{ messageId: 'noSpec', data: { vm: 'CreateItem 1 ("blank1")' }, at: '<CreateItem' }] },
      { code: blank(vmSpec({ os: null })), errors: [{ messageId: 'missing', data: { vm: 'CreateItem 1 ("blank1")', field: 'OsType' } }] },
      { code: blank(vmSpec({ mem: '0' })), errors: [{ messageId: 'memory', data: { vm: 'CreateItem 1 ("blank1")', value: '0' } }] },
      { code: blank(vmSpec({ mem: null })), errors: [{ messageId: 'missing', data: { vm: 'CreateItem 1 ("blank1")', field: 'MemoryResourceMb/Configured' } }] },
      {
        name: 'terraform leaves memory to the sizing policy: a warning',
        code: compose({ vapp: [LAN], items: [createItem({ spec: vmSpec({ mem: null, cpus: null, cores: null }), after: [`<ComputePolicy>\n<VmSizingPolicy href="${SIZING}"/>\n</ComputePolicy>`] })] }),
        errors: [{ messageId: 'memoryFromPolicy', severity: 'warning', data: { vm: 'CreateItem 1 ("blank1")' }, at: '<CreateItem' }],
      },
      { code: blank(vmSpec(), []), errors: [{ messageId: 'noNetwork', severity: 'warning', at: '<CreateItem' }] },
    ],
  },
  'hardware/disk-shrink': {
    valid: [{ code: hw(disk('2000', '40960')), context: tplContext }, { code: hw(disk('2001', '1024')), context: tplContext }],
    invalid: [{ code: hw(disk('2000', '20480')), context: tplContext, errors: [{ messageId: 'smaller', data: { vm: VM1, instance: '2000', size: 20480, templateSize: 40960 }, at: '<rasd:HostResource' }] }],
  },
  'hardware/hardware-version-supported': {
    valid: [{ code: blank(vmSpec({ hw: 'vmx-19' })), context: { hardwareVersions: ['vmx-19', 'vmx-17'] } }],
    invalid: [
      { code: blank(vmSpec({ hw: 'vmx-21' })), context: { hardwareVersions: ['vmx-19'] }, errors: [{ messageId: 'unsupported', data: { vm: 'CreateItem 1 ("blank1")', version: 'vmx-21', supported: 'vmx-19' }, at: '<CreateItem' }] },
      { code: vmDoc([vhs([cpu('2')], 'vmx-20'), ncs([nic()])]), context: { hardwareVersions: ['vmx-19'] }, errors: [{ messageId: 'unsupported', data: { vm: VM1, version: 'vmx-20', supported: 'vmx-19' }, at: '<vssd:VirtualSystemType>' }] },
    ],
  },
} satisfies Record<string, RuleCases>;


/** R31: the CPU count is a multiple of the cores per socket, both at least 1. */
import { defineRule } from '../engine.js';
import { xtext } from '../view.js';
import { hardwareVm, num, resourceType, vmSpec } from './_items.js';

export default defineRule({
  id: 'hardware/cores-per-socket',
  severity: 'error',
  docs: {
    description: 'The number of CPUs is not a multiple of the cores per socket, or either is below 1',
    reason: 'vSphere builds sockets of CoresPerSocket cores, so the CPU count must divide evenly; the server rejects 6 CPUs with 4 cores per socket (XSD InstantiateVmHardwareCustomizationParams doc; tf-vcd#634; semantic-rules.md R31). This applies to the rasd CPU item with vmw:CoresPerSocket, to HardwareCustomization and to VmSpecSection.',
    fix: 'Choose a cores-per-socket value that divides the CPU count (1, or a divisor such as 2 or 4).',
  },
  messages: {
    notMultiple: '{{vm}}: {{cpus}} CPUs is not a multiple of {{cores}} cores per socket',
    belowOne: '{{vm}}: {{field}} is {{value}}; it must be at least 1',
  },
  check(ctx) {
    const judge = (vm: string, cpus: number | undefined, cores: number | undefined, report: (id: 'notMultiple' | 'belowOne', data: Record<string, string | number>, which: 'cpus' | 'cores') => void, names: [string, string]) => {
      if (cpus !== undefined && cpus < 1) return report('belowOne', { vm, field: names[0], value: cpus }, 'cpus');
      if (cores !== undefined && cores < 1) return report('belowOne', { vm, field: names[1], value: cores }, 'cores');
      if (cpus !== undefined && cores !== undefined && cpus % cores !== 0) report('notMultiple', { vm, cpus, cores }, 'cores');
    };
    const n = (s: string | undefined) => (s !== undefined && /^-?\d+$/.test(s) ? Number(s) : undefined);
    return {
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        for (const item of section.Item ?? []) {
          if (resourceType(item) !== 3) continue;
          judge(vm.label, num(item.VirtualQuantity), num(item.CoresPerSocket), (messageId, data, which) => ctx.report({ node: item, key: which === 'cpus' ? 'VirtualQuantity' : 'CoresPerSocket', messageId, data }), ['VirtualQuantity', 'vmw:CoresPerSocket']);
        }
      },
      HardwareCustomization(v) {
        const vm = hardwareVm(v);
        const hc = v.value;
        if (vm) judge(vm.label, num(hc.NumberOfCpus), num(hc.CoresPerSocket), (messageId, data, which) => ctx.report({ node: hc, key: which === 'cpus' ? 'NumberOfCpus' : 'CoresPerSocket', messageId, data }), ['NumberOfCpus', 'CoresPerSocket']);
      },
      VmItem({ vm }) {
        const spec = vmSpec(vm);
        if (spec) judge(vm.label, n(xtext(spec, 'NumCpus')), n(xtext(spec, 'NumCoresPerSocket')), (messageId, data) => ctx.report({ node: vm.xml, key: 'VmSpecSection', messageId, data }), ['NumCpus', 'NumCoresPerSocket']);
      },
    };
  },
});

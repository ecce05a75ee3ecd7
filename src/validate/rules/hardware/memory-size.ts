/** R32: memory is at least 4 MB and a multiple of 4 MB. */
import { toMegabytes } from '../../../model/units.js';
import { defineRule } from '../engine.js';
import { xchild, xtext } from '../view.js';
import { hardwareVm, num, resourceType, text, vmSpec } from './_items.js';

export default defineRule({
  id: 'hardware/memory-size',
  severity: 'error',
  docs: {
    description: 'Memory is below 4 MB or not a multiple of 4 MB',
    reason: 'vSphere allocates VM memory in 4 MB steps; the server rejects other sizes (XSD InstantiateVmHardwareCustomizationParams MemorySize doc; tf validateMultipleOf4; semantic-rules.md R32). The rasd memory item is converted to MB with its AllocationUnits first.',
    fix: 'Round the memory size to a multiple of 4 MB (for example 4096 for 4 GB).',
  },
  messages: {
    notMultiple: '{{vm}}: memory {{mb}} MB is not a multiple of 4 MB',
    tooSmall: '{{vm}}: memory {{mb}} MB is below the minimum of 4 MB',
  },
  check(ctx) {
    const judge = (vm: string, mb: number | undefined, node: object | undefined, key: string) => {
      if (mb === undefined || !node) return;
      if (mb < 4) ctx.report({ node, key, messageId: 'tooSmall', data: { vm, mb } });
      else if (mb % 4 !== 0) ctx.report({ node, key, messageId: 'notMultiple', data: { vm, mb } });
    };
    return {
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        for (const item of section.Item ?? []) {
          if (resourceType(item) !== 4) continue;
          const q = num(item.VirtualQuantity);
          const mb = q === undefined ? undefined : toMegabytes(q, text(item.AllocationUnits));
          judge(vm.label, mb, item, 'VirtualQuantity');
        }
      },
      HardwareCustomization(v) {
        const vm = hardwareVm(v);
        if (vm) judge(vm.label, num(v.value.MemorySize), v.value, 'MemorySize');
      },
      VmItem({ vm }) {
        const configured = xtext(xchild(vmSpec(vm), 'MemoryResourceMb'), 'Configured');
        if (configured !== undefined && /^\d+$/.test(configured)) judge(vm.label, Number(configured), vm.xml, 'VmSpecSection');
      },
    };
  },
});

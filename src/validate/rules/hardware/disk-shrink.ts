/** R34 (context): a disk cannot be made smaller than the template's disk at instantiation. */
import { toMegabytes } from '../../../model/units.js';
import { defineRule } from '../engine.js';
import { findTemplate } from '../context-helpers.js';
import type { SourcedItemT } from '../model-types.js';
import { num, text } from '../view.js';
import { resourceType } from './_items.js';

export default defineRule({
  id: 'hardware/disk-shrink',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A disk is set smaller than the same disk of the source template VM (needs --context)',
    reason: 'Disks can be grown but not shrunk when a VM is instantiated; a smaller size is rejected or ignored (XSD InstantiateVmHardwareCustomizationParams Size doc; semantic-rules.md R34).',
    fix: 'Give the disk at least the template\'s size, and shrink the file system inside the guest instead if needed.',
  },
  messages: {
    smaller: '{{vm}}: disk {{instance}} is set to {{size}} MB but the template disk has {{templateSize}} MB; disks cannot shrink',
  },
  check(ctx) {
    return {
      VmItem({ vm }) {
        if (vm.kind !== 'SourcedItem') return;
        const tvm = findTemplate(ctx.context, (vm.node as SourcedItemT).Source?.href)?.vm;
        if (!tvm?.disks?.length) return;
        for (const item of vm.section('VirtualHardwareSection')?.Item ?? []) {
          if (resourceType(item) !== 17) continue;
          const instance = text(item.InstanceID)?.trim();
          const tdisk = tvm.disks.find((d) => d.instanceId === instance);
          if (!tdisk) continue;
          const host = item.HostResource?.[0];
          const capacity = host && typeof host === 'object' ? num(host.capacity) : undefined;
          const q = num(item.VirtualQuantity);
          const size = capacity ?? (q === undefined ? undefined : toMegabytes(q, text(item.AllocationUnits) ?? 'byte'));
          if (size !== undefined && size < tdisk.sizeMb) ctx.report({ node: item, key: capacity !== undefined ? 'HostResource' : 'VirtualQuantity', messageId: 'smaller', data: { vm: vm.label, instance: instance!, size, templateSize: tdisk.sizeMb } });
        }
      },
    };
  },
});

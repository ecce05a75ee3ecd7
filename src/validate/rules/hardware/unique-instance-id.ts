/** R33: rasd InstanceID values are unique within a VirtualHardwareSection. */
import { defineRule } from '../engine.js';
import { text } from './_items.js';

export default defineRule({
  id: 'hardware/unique-instance-id',
  severity: 'error',
  docs: {
    description: 'Two rasd items of one VirtualHardwareSection have the same InstanceID',
    reason: 'InstanceID identifies a device within the VM (disks are matched by it, Parent refers to it); duplicates make the server apply one item over the other or reject the section (CIM RASD; semantic-rules.md R33).',
    fix: 'Give every item its own InstanceID (Cloud Director uses 1.. for controllers and NICs, 2000+ for disks).',
  },
  messages: {
    duplicate: '{{vm}}: InstanceID {{id}} is used by more than one item of the VirtualHardwareSection',
  },
  check(ctx) {
    return {
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        const seen = new Set<string>();
        for (const item of section.Item ?? []) {
          const id = text(item.InstanceID)?.trim();
          if (id === undefined) continue;
          if (seen.has(id)) ctx.report({ node: item, key: 'InstanceID', messageId: 'duplicate', data: { vm: vm.label, id } });
          seen.add(id);
        }
      },
    };
  },
});

/** R33: a rasd item's AllocationUnits fit its ResourceType (CPU in hertz, memory and disk in bytes). */
import { parseUnits } from '../../../model/units.js';
import { defineRule } from '../engine.js';
import { resourceType, text } from './_items.js';

const EXPECTED: Record<number, { base: string; what: string; example: string }> = {
  3: { base: 'hertz', what: 'CPU', example: 'hertz * 10^6' },
  4: { base: 'byte', what: 'memory', example: 'byte * 2^20' },
  17: { base: 'byte', what: 'disk', example: 'byte * 2^20' },
};

export default defineRule({
  id: 'hardware/rasd-units',
  severity: 'error',
  docs: {
    description: 'A CPU, memory or disk rasd item has AllocationUnits that do not fit its ResourceType or cannot be read',
    reason: 'Cloud Director reads VirtualQuantity in the item\'s AllocationUnits: CPU items (ResourceType 3) count in "hertz * 10^6", memory (4) and disks (17) in bytes such as "byte * 2^20". Units of the wrong kind or an unreadable unit string make the quantity meaningless (CIM RASD; bosh-deployment#266; semantic-rules.md R33).',
    fix: 'Write hertz * 10^6 for CPU items and byte * 2^20 (MB) or byte * 2^30 (GB) for memory and disks.',
  },
  messages: {
    wrongKind: '{{vm}}: {{what}} item {{instance}} has AllocationUnits "{{units}}", which is not a {{base}} unit; use "{{example}}"',
    unreadable: '{{vm}}: {{what}} item {{instance}} has AllocationUnits "{{units}}", which is not a unit Cloud Director understands; use "{{example}}"',
  },
  check(ctx) {
    return {
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        for (const item of section.Item ?? []) {
          const t = resourceType(item);
          const exp = t === undefined ? undefined : EXPECTED[t];
          const units = text(item.AllocationUnits);
          if (!exp || units === undefined) continue;
          const u = parseUnits(units);
          const data = { vm: vm.label, what: exp.what, instance: text(item.InstanceID) ?? '?', units, base: exp.base, example: exp.example };
          if (!u) ctx.report({ node: item, key: 'AllocationUnits', messageId: 'unreadable', data });
          else if (u.base !== exp.base) ctx.report({ node: item, key: 'AllocationUnits', messageId: 'wrongKind', data });
        }
      },
    };
  },
});

/** R17: NetworkConnectionIndex values are unique per VM. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/unique-index',
  severity: 'error',
  docs: {
    description: 'Two NICs of one VM have the same NetworkConnectionIndex',
    reason: 'NetworkConnectionIndex identifies the NIC slot; the server rejects duplicates or overwrites one NIC with the other (tf-vcd#458; XSD doc; semantic-rules.md R17).',
    fix: 'Number the NICs 0, 1, 2, ... without repeats.',
  },
  messages: {
    duplicate: '{{vm}} has more than one NIC with NetworkConnectionIndex {{index}}; each NIC needs its own index',
  },
  check(ctx) {
    return {
      NetworkConnectionSection({ vm, value: section }) {
        if (!vm) return;
        const seen = new Set<string>();
        for (const nic of section.NetworkConnection ?? []) {
          const idx = text(nic.NetworkConnectionIndex)?.trim();
          if (idx === undefined) continue;
          if (seen.has(idx)) ctx.report({ node: nic, key: 'NetworkConnectionIndex', messageId: 'duplicate', data: { vm: vm.label, index: idx } });
          seen.add(idx);
        }
      },
    };
  },
});

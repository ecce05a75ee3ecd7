/** R17: PrimaryNetworkConnectionIndex names one of the NICs' NetworkConnectionIndex values. */
import { defineRule } from '../engine.js';
import { num, text } from '../view.js';

export default defineRule({
  id: 'nic/primary-index',
  severity: 'error',
  docs: {
    description: 'PrimaryNetworkConnectionIndex does not match any NIC\'s NetworkConnectionIndex',
    reason: 'The primary NIC is chosen by NetworkConnectionIndex value, not by the position of the NetworkConnection in the list; a value no NIC has is rejected (tf-vcd#458; XSD doc; semantic-rules.md R17).',
    fix: 'Set PrimaryNetworkConnectionIndex to the NetworkConnectionIndex of the NIC that should be primary.',
  },
  messages: {
    noSuchNic: '{{vm}}: PrimaryNetworkConnectionIndex {{primary}} matches no NIC (their indexes are {{indexes}})',
  },
  check(ctx) {
    return {
      NetworkConnectionSection({ vm, value: section }) {
        if (!vm) return;
        const primary = num(section.PrimaryNetworkConnectionIndex);
        const nics = section.NetworkConnection ?? [];
        if (primary === undefined || !nics.length) return;
        const indexes = nics.map((n) => num(n.NetworkConnectionIndex));
        if (!indexes.includes(primary)) ctx.report({ node: section, key: 'PrimaryNetworkConnectionIndex', messageId: 'noSuchNic', data: { vm: vm.label, primary, indexes: nics.map((n) => text(n.NetworkConnectionIndex) ?? '?').join(', ') } });
      },
    };
  },
});

/** Two vApp networks with the same networkName. */
import { defineRule } from '../engine.js';

export default defineRule({
  id: 'network/duplicate-name',
  severity: 'error',
  docs: {
    description: 'Two NetworkConfig elements have the same networkName',
    reason: 'NICs and NetworkAssignments refer to vApp networks by name, so names must be unique within the vApp; the server rejects duplicates (XSD VAppNetworkConfigurationType networkName; semantic-rules.md R19/R22).',
    fix: 'Rename one of the networks, or merge the two NetworkConfig elements.',
  },
  messages: {
    duplicate: 'vApp network name "{{network}}" is defined more than once; names must be unique',
  },
  check(ctx) {
    const seen = new Set<string>();
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        if (seen.has(n.networkName)) ctx.report({ node: n, key: '@networkName', messageId: 'duplicate', data: { network: n.networkName } });
        seen.add(n.networkName);
      },
    };
  },
});

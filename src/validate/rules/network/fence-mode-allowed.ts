/** R22 (context): the VDC allows the vApp network's fence mode. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'network/fence-mode-allowed',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A vApp network uses a fence mode the VDC does not allow (needs --context)',
    reason: 'VDCs can disallow fenced or NAT-routed vApp networks (for example without an edge gateway or on NSX-T backed VDCs); the request is then rejected (cloudavenue#529; semantic-rules.md R22).',
    fix: 'Use one of the fence modes listed in the message.',
  },
  messages: {
    notAllowed: 'vApp network "{{network}}" uses {{mode}}, which this VDC does not allow (allowed: {{allowed}})',
  },
  check(ctx) {
    const allowed = ctx.context?.allowedFenceModes;
    if (!allowed) return;
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const mode = text(n.Configuration?.FenceMode)?.trim();
        if (mode && ['bridged', 'isolated', 'natRouted'].includes(mode) && !(allowed as string[]).includes(mode)) ctx.report({ node: n.Configuration, key: 'FenceMode', messageId: 'notAllowed', data: { network: n.networkName, mode, allowed: allowed.join(', ') || 'none' } });
      },
    };
  },
});

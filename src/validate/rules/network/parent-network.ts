/** R22: bridged and natRouted networks need a ParentNetwork; isolated ones must not have one. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'network/parent-network',
  severity: 'error',
  docs: {
    description: 'A bridged or natRouted vApp network has no ParentNetwork, or an isolated one has one',
    reason: 'bridged and natRouted connect the vApp network to an org VDC network, named by ParentNetwork; isolated has no uplink, and the server rejects a ParentNetwork there (XSD NetworkConfigurationType doc; zettagrid vm-creator.ts; cloudavenue#529; semantic-rules.md R22).',
    fix: 'Add <ParentNetwork href="..."/> (before FenceMode) for bridged/natRouted, or remove it for isolated.',
  },
  messages: {
    missing: 'vApp network "{{network}}" is {{mode}} but has no ParentNetwork; add the org VDC network it connects to',
    isolated: 'vApp network "{{network}}" is isolated but has a ParentNetwork; remove it or use natRouted/bridged',
  },
  check(ctx) {
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const c = n.Configuration;
        const mode = text(c?.FenceMode)?.trim();
        if (!c || !mode) return;
        if ((mode === 'bridged' || mode === 'natRouted') && !c.ParentNetwork) ctx.report({ node: c, key: 'FenceMode', messageId: 'missing', data: { network: n.networkName, mode } });
        if (mode === 'isolated' && c.ParentNetwork) ctx.report({ node: c, key: 'ParentNetwork', messageId: 'isolated', data: { network: n.networkName } });
      },
    };
  },
});

/** R19/R40 (context): a ParentNetwork or NetworkMapping target is an org VDC network of the target VDC. */
import { defineRule } from '../engine.js';
import { findRef } from '../context-helpers.js';
import { text } from '../view.js';

export default defineRule({
  id: 'network/parent-network-in-vdc',
  severity: 'error',
  needsContext: true,
  docs: {
    description: 'A ParentNetwork (or InstantiateOvfParams NetworkMapping target) is not a network of the target VDC (needs --context)',
    reason: 'A vApp network can only connect to an org VDC network available in the VDC the vApp is created in; a network of another VDC is rejected or silently left disconnected (tf-vcd#539; semantic-rules.md R19, R40).',
    fix: 'Point ParentNetwork at one of the VDC\'s networks (listed in the message).',
  },
  messages: {
    parent: 'vApp network "{{network}}": ParentNetwork {{ref}} is not a network of this VDC (available: {{available}})',
  },
  check(ctx) {
    const nets = ctx.context?.networks;
    if (!nets) return;
    const available = nets.map((n) => n.name).join(', ') || 'none';
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const p = n.Configuration?.ParentNetwork;
        if (!p || findRef(nets, { href: text(p.href), id: text(p.id), name: text(p.name) })) return;
        ctx.report({ node: n.Configuration, key: 'ParentNetwork', messageId: 'parent', data: { network: n.networkName, ref: text(p.name) ? `"${text(p.name)}"` : (text(p.href) ?? '?'), available } });
      },
    };
  },
});

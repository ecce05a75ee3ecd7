/** R22: natRouted and isolated vApp networks need an IP scope. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'network/ip-scopes-required',
  severity: 'error',
  docs: {
    description: 'A natRouted or isolated vApp network has no IpScopes',
    reason: 'A natRouted or isolated vApp network gets its own subnet, which the request must describe (gateway, netmask, pool); only a bridged network inherits the parent\'s scope (XSD NetworkConfigurationType doc; semantic-rules.md R22).',
    fix: 'Add <IpScopes><IpScope><IsInherited>false</IsInherited><Gateway>..</Gateway><Netmask>..</Netmask>...</IpScope></IpScopes> before ParentNetwork/FenceMode.',
  },
  messages: {
    missing: 'vApp network "{{network}}" is {{mode}} but has no IpScopes; describe its subnet (gateway, netmask, IP range)',
  },
  check(ctx) {
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const c = n.Configuration;
        const mode = text(c?.FenceMode)?.trim();
        if (!c || (mode !== 'natRouted' && mode !== 'isolated')) return;
        if (!c.IpScopes?.IpScope?.length && !c.IpScope) ctx.report({ node: c, key: 'FenceMode', messageId: 'missing', data: { network: n.networkName, mode } });
      },
    };
  },
});

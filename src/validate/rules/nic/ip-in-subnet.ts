/** R16 (context): a MANUAL address lies in its network's subnet and static pool. */
import { defineRule } from '../engine.js';
import { findRef } from '../context-helpers.js';
import { inRange, inSubnet, netmaskPrefix, parseIp, type Ip } from '../ip.js';
import { num, text } from '../view.js';

interface Subnet {
  gateway: Ip;
  prefix: number;
  pools: Array<[Ip, Ip]>;
  label: string;
}

export default defineRule({
  id: 'nic/ip-in-subnet',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A MANUAL NIC address is outside the subnet or static pools of its network (needs --context)',
    reason: 'Cloud Director assigns MANUAL addresses only from the network\'s static IP pools; an address outside the subnet or the pools is rejected when the VM is deployed (terraform-provider-vcd checkEmptyOrSingleIP; tf-vcd#807; semantic-rules.md R16). Subnets come from the document\'s own IpScopes or, for bridged and org networks, from the context file.',
    fix: 'Pick a free address inside one of the static pools listed in the message.',
  },
  messages: {
    outsideSubnet: 'NIC {{nic}} of {{vm}}: {{ip}} is not in the subnet of network "{{network}}" ({{subnets}})',
    outsidePool: 'NIC {{nic}} of {{vm}}: {{ip}} is in the subnet of network "{{network}}" but in none of its static pools ({{pools}})',
  },
  check(ctx) {
    const fromContext = (name: string | undefined, ref?: { href?: string; name?: string }): Subnet[] => {
      const n = ref ? findRef(ctx.context?.networks, ref) : ctx.context?.networks?.find((x) => x.name === name);
      return (n?.subnets ?? []).flatMap((s) => {
        const gateway = parseIp(s.gateway);
        if (!gateway) return [];
        const pools = (s.staticPools ?? []).flatMap((p) => {
          const a = parseIp(p.start);
          const b = parseIp(p.end);
          return a && b ? [[a, b] as [Ip, Ip]] : [];
        });
        return [{ gateway, prefix: s.prefixLength, pools, label: `${s.gateway}/${s.prefixLength}` }];
      });
    };
    const subnetsOf = (network: string): Subnet[] => {
      const vn = ctx.vappNetworks.find((n) => n.networkName === network);
      if (!vn) return fromContext(network);
      const c = vn.Configuration;
      const scopes = c?.IpScopes?.IpScope ?? [];
      const own = scopes.flatMap((s): Subnet[] => {
        const gateway = parseIp(text(s.Gateway)?.trim() ?? '');
        const prefix = num(s.SubnetPrefixLength) ?? netmaskPrefix(text(s.Netmask) ?? '');
        if (!gateway || prefix === undefined || text(s.IsInherited)?.trim() === 'true') return [];
        const pools = (s.IpRanges?.IpRange ?? []).flatMap((r) => {
          const a = parseIp(text(r.StartAddress) ?? '');
          const b = parseIp(text(r.EndAddress) ?? '');
          return a && b ? [[a, b] as [Ip, Ip]] : [];
        });
        return [{ gateway, prefix, pools, label: `${text(s.Gateway)!.trim()}/${prefix}` }];
      });
      if (own.length) return own;
      // A bridged network without own scope uses its parent's addresses.
      if (text(c?.FenceMode)?.trim() === 'bridged' && c?.ParentNetwork) return fromContext(undefined, { href: c.ParentNetwork.href, name: c.ParentNetwork.name });
      return [];
    };
    // Subnets per network name, computed once per document.
    const subnets = new Map<string, Subnet[]>();
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm || text(nic.IpAddressAllocationMode)?.trim() !== 'MANUAL') return;
        const ipText = text(nic.IpAddress)?.trim();
        const ip = ipText ? parseIp(ipText) : undefined;
        const network = text(nic.network) ?? '';
        if (!ip || network === 'none') return;
        if (!subnets.has(network)) subnets.set(network, subnetsOf(network));
        const nets = subnets.get(network)!.filter((s) => s.gateway.v === ip.v);
        if (!nets.length) return;
        const data = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label, ip: ipText!, network };
        const home = nets.filter((s) => inSubnet(ip, s.gateway, s.prefix));
        if (!home.length) ctx.report({ node: nic, key: 'IpAddress', messageId: 'outsideSubnet', data: { ...data, subnets: nets.map((s) => s.label).join(', ') } });
        else {
          const pools = home.flatMap((s) => s.pools);
          if (pools.length && !pools.some(([a, b]) => inRange(ip, a, b))) {
            const show = (x: Ip) => (x.v === 4 ? [24, 16, 8, 0].map((sh) => Number((x.n >> BigInt(sh)) & 255n)).join('.') : x.n.toString(16));
            ctx.report({ node: nic, key: 'IpAddress', messageId: 'outsidePool', data: { ...data, pools: pools.map(([a, b]) => `${show(a)}-${show(b)}`).join(', ') } });
          }
        }
      },
    };
  },
});

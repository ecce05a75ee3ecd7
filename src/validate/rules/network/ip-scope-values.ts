/** IpScope addresses are addresses: the XSD's IpAddressType accepts any string. */
import { defineRule } from '../engine.js';
import { inSubnet, netmaskPrefix, parseIp } from '../ip.js';
import { num, text } from '../view.js';

export default defineRule({
  id: 'network/ip-scope-values',
  severity: 'error',
  docs: {
    description: 'An IpScope has a gateway, netmask, DNS or range value that is not an address, or a range outside its subnet',
    reason: 'Gateway, Netmask, Dns1/Dns2 and IpRange addresses are IpAddressType, an unrestricted xs:string in network.xsd ("not-an-ip" validates, verified); the server rejects them, and a pool range outside the gateway\'s subnet or with start after end cannot be allocated (schema-facts.md §4.3).',
    fix: 'Write plain IPv4/IPv6 addresses, a contiguous netmask (255.255.255.0) or SubnetPrefixLength, and ranges inside the subnet with StartAddress <= EndAddress.',
  },
  messages: {
    notIp: 'vApp network "{{network}}": {{field}} "{{value}}" is not an IP address',
    badMask: 'vApp network "{{network}}": Netmask "{{value}}" is not a contiguous netmask such as 255.255.255.0',
    reversed: 'vApp network "{{network}}": IP range {{start}}-{{end}} starts after it ends',
    outside: 'vApp network "{{network}}": IP range {{start}}-{{end}} is outside the subnet of gateway {{gateway}}/{{prefix}}',
  },
  check(ctx) {
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const scopes = [...(n.Configuration?.IpScopes?.IpScope ?? []), ...(n.Configuration?.IpScope ? [n.Configuration.IpScope] : [])];
        for (const s of scopes) {
          const network = n.networkName;
          for (const field of ['Gateway', 'Dns1', 'Dns2'] as const) {
            const value = text(s[field])?.trim();
            if (value && !parseIp(value)) ctx.report({ node: s, key: field, messageId: 'notIp', data: { network, field, value } });
          }
          const mask = text(s.Netmask)?.trim();
          let prefix = num(s.SubnetPrefixLength);
          if (mask) {
            const p = netmaskPrefix(mask);
            if (p === undefined) ctx.report({ node: s, key: 'Netmask', messageId: 'badMask', data: { network, value: mask } });
            else prefix ??= p;
          }
          const gw = parseIp(text(s.Gateway)?.trim() ?? '');
          for (const r of s.IpRanges?.IpRange ?? []) {
            const start = text(r.StartAddress)?.trim() ?? '';
            const end = text(r.EndAddress)?.trim() ?? '';
            const a = parseIp(start);
            const b = parseIp(end);
            if (!a) ctx.report({ node: r, key: 'StartAddress', messageId: 'notIp', data: { network, field: 'StartAddress', value: start } });
            if (!b) ctx.report({ node: r, key: 'EndAddress', messageId: 'notIp', data: { network, field: 'EndAddress', value: end } });
            if (!a || !b) continue;
            if (a.v === b.v && a.n > b.n) ctx.report({ node: r, messageId: 'reversed', data: { network, start, end } });
            if (gw && prefix !== undefined && (!inSubnet(a, gw, prefix) || !inSubnet(b, gw, prefix))) ctx.report({ node: r, messageId: 'outside', data: { network, start, end, gateway: text(s.Gateway)!.trim(), prefix } });
          }
        }
      },
    };
  },
});

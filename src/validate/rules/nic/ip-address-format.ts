/** R16: IpAddress/SecondaryIpAddress are IP addresses of the family IpType/SecondaryIpType says. */
import { defineRule } from '../engine.js';
import { isAnyAddress, parseIp } from '../ip.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/ip-address-format',
  severity: 'error',
  docs: {
    description: 'A NIC address is not an IPv4/IPv6 address, or does not match its IpType (IpType itself is enumerated by the XSD)',
    reason:
      'The XSD IpAddressType is an unrestricted string, so "10.0.0.300" or "auto" pass the schema and fail on the server; IpType/SecondaryIpType (IPV4, IPV6) must agree with the address (tf checkEmptyOrSingleIP; tf-vcd#807; semantic-rules.md R16). "Any" is accepted: the schema documents it ("A valid IPv4 address or Any", network.xsd IpAddressType) and terraform-provider-vcd sends `any` on the placeholder NIC of a new VM.',
    fix: 'Write a plain address (10.0.0.15 or fd00::15, no prefix length), and IpType IPV4 or IPV6 to match it.',
  },
  messages: {
    notIp: 'NIC {{nic}} of {{vm}}: {{field}} "{{value}}" is not an IPv4 or IPv6 address',
    rasdIp: '{{vm}}: network adapter item {{instance}} has vcloud:ipAddress "{{value}}", which is not an IPv4 or IPv6 address',
    mismatch: 'NIC {{nic}} of {{vm}}: {{field}} {{value}} is IPv{{family}} but {{typeField}} says {{type}}',
  },
  check(ctx) {
    const pairs = [
      ['IpAddress', 'IpType'],
      ['SecondaryIpAddress', 'SecondaryIpType'],
    ] as const;
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm) return;
        const base = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label };
        for (const [field, typeField] of pairs) {
          const value = text(nic[field])?.trim();
          const type = text(nic[typeField])?.trim();
          if (!value || isAnyAddress(value)) continue;
          const ip = parseIp(value);
          if (!ip) ctx.report({ node: nic, key: field, messageId: 'notIp', data: { ...base, field, value } });
          else if ((type === 'IPV4' && ip.v !== 4) || (type === 'IPV6' && ip.v !== 6)) ctx.report({ node: nic, key: field, messageId: 'mismatch', data: { ...base, field, value, family: ip.v, typeField, type } });
        }
      },
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        for (const item of section.Item ?? []) {
          for (const c of item.Connection ?? []) {
            const value = typeof c === 'object' ? text(c.ipAddress)?.trim() : undefined;
            if (value && !isAnyAddress(value) && !parseIp(value)) ctx.report({ node: item, key: 'Connection', messageId: 'rasdIp', data: { vm: vm.label, instance: text(item.InstanceID) ?? '?', value } });
          }
        }
      },
    };
  },
});

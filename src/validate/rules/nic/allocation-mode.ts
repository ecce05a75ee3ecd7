/** R14: IpAddressAllocationMode is present and one of POOL, DHCP, MANUAL, NONE (exact case). */
import { defineRule } from '../engine.js';
import { replaceText } from '../fix.js';
import { text } from '../view.js';

const MODES = ['POOL', 'DHCP', 'MANUAL', 'NONE'];

export default defineRule({
  id: 'nic/allocation-mode',
  severity: 'error',
  fixable: true,
  docs: {
    description: 'A NIC has no IpAddressAllocationMode, or a value outside POOL, DHCP, MANUAL, NONE',
    reason:
      'The XSD types IpAddressAllocationMode as a plain xs:string (and made it optional after 9.1) while the documentation marks it required with the values POOL, DHCP, MANUAL and NONE; the server rejects other spellings such as "static" or "pool" (XSD doc; tf ValidateFunc; pyvcloud maps static to MANUAL; semantic-rules.md R14).',
    fix: 'Write <IpAddressAllocationMode> with one of POOL, DHCP, MANUAL (with IpAddress) or NONE, in upper case.',
  },
  messages: {
    missing: 'NIC {{nic}} of {{vm}} has no IpAddressAllocationMode; add one of POOL, DHCP, MANUAL, NONE',
    wrongCase: 'NIC {{nic}} of {{vm}}: IpAddressAllocationMode "{{value}}" must be written in upper case: {{expected}}',
    unknown: 'NIC {{nic}} of {{vm}}: IpAddressAllocationMode "{{value}}" is not one of POOL, DHCP, MANUAL, NONE',
    unknownSecondary: 'NIC {{nic}} of {{vm}}: SecondaryIpAddressAllocationMode "{{value}}" is not one of POOL, DHCP, MANUAL, NONE',
    rasdMode: '{{vm}}: network adapter item {{instance}} has vcloud:ipAddressingMode "{{value}}", which is not one of POOL, DHCP, MANUAL, NONE',
  },
  check(ctx) {
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm) return;
        const data = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label };
        const mode = text(nic.IpAddressAllocationMode);
        if (mode === undefined) ctx.report({ node: nic, messageId: 'missing', data });
        else if (!MODES.includes(mode.trim())) {
          const upper = mode.trim().toUpperCase();
          if (MODES.includes(upper)) ctx.report({ node: nic, key: 'IpAddressAllocationMode', messageId: 'wrongCase', data: { ...data, value: mode, expected: upper }, fix: replaceText(nic, 'IpAddressAllocationMode', upper, `Write ${upper}`) });
          else ctx.report({ node: nic, key: 'IpAddressAllocationMode', messageId: 'unknown', data: { ...data, value: mode } });
        }
        const second = text(nic.SecondaryIpAddressAllocationMode);
        if (second !== undefined && !MODES.includes(second.trim())) ctx.report({ node: nic, key: 'SecondaryIpAddressAllocationMode', messageId: 'unknownSecondary', data: { ...data, value: second } });
      },
      // The same modes on the rasd NIC items of a VirtualHardwareSection (Connection/@vcloud:ipAddressingMode).
      VirtualHardwareSection({ vm, value: section }) {
        if (!vm) return;
        for (const item of section.Item ?? []) {
          for (const c of item.Connection ?? []) {
            const value = typeof c === 'object' ? text(c.ipAddressingMode) : undefined;
            if (value !== undefined && !MODES.includes(value.trim())) ctx.report({ node: item, key: 'Connection', messageId: 'rasdMode', data: { vm: vm.label, instance: text(item.InstanceID) ?? '?', value } });
          }
        }
      },
    };
  },
});

/** R15: MANUAL allocation needs an IpAddress. */
import { defineRule } from '../engine.js';
import { isAnyAddress } from '../ip.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/manual-needs-ip',
  severity: 'error',
  docs: {
    description: 'A NIC uses MANUAL allocation but has no IpAddress',
    reason: 'With MANUAL the server takes the address from IpAddress; without it the request fails (tf vapp_vm docs; pyvcloud#205; ansible-vcd#149; semantic-rules.md R15). The same holds for SecondaryIpAddressAllocationMode and SecondaryIpAddress.',
    fix: 'Add <IpAddress> (before IsConnected) with an address of the network, or use POOL/DHCP.',
  },
  messages: {
    missingIp: 'NIC {{nic}} of {{vm}} uses MANUAL but has no <IpAddress>; add the address or use POOL',
    anyIp: 'NIC {{nic}} of {{vm}} uses MANUAL but its IpAddress is "{{ip}}", which names no address; write the address or use POOL',
    missingSecondaryIp: 'NIC {{nic}} of {{vm}} uses MANUAL for its secondary address but has no <SecondaryIpAddress>',
  },
  check(ctx) {
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm) return;
        const data = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label };
        const ip = text(nic.IpAddress)?.trim();
        if (text(nic.IpAddressAllocationMode)?.trim() === 'MANUAL') {
          if (!ip) ctx.report({ node: nic, key: 'IpAddressAllocationMode', messageId: 'missingIp', data });
          // "Any" is a documented IpAddressType value but no address a MANUAL NIC can be given (network.xsd).
          else if (isAnyAddress(ip)) ctx.report({ node: nic, key: 'IpAddress', messageId: 'anyIp', data: { ...data, ip } });
        }
        if (text(nic.SecondaryIpAddressAllocationMode)?.trim() === 'MANUAL' && !text(nic.SecondaryIpAddress)?.trim()) ctx.report({ node: nic, key: 'SecondaryIpAddressAllocationMode', messageId: 'missingSecondaryIp', data });
      },
    };
  },
});

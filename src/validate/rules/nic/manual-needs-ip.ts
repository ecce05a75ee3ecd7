/** R15: MANUAL allocation needs an IpAddress. */
import { defineRule } from '../engine.js';
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
    missingSecondaryIp: 'NIC {{nic}} of {{vm}} uses MANUAL for its secondary address but has no <SecondaryIpAddress>',
  },
  check(ctx) {
    for (const { vm, nic, i } of ctx.nics()) {
      const data = { nic: text(nic.NetworkConnectionIndex) ?? i, vm: vm.label };
      if (text(nic.IpAddressAllocationMode)?.trim() === 'MANUAL' && !text(nic.IpAddress)?.trim()) ctx.report({ node: nic, key: 'IpAddressAllocationMode', messageId: 'missingIp', data });
      if (text(nic.SecondaryIpAddressAllocationMode)?.trim() === 'MANUAL' && !text(nic.SecondaryIpAddress)?.trim()) ctx.report({ node: nic, key: 'SecondaryIpAddressAllocationMode', messageId: 'missingSecondaryIp', data });
    }
  },
});

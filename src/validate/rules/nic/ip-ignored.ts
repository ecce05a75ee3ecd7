/** R15 (warning): an IpAddress with POOL, DHCP or NONE is ignored. */
import { defineRule } from '../engine.js';
import { isAnyAddress } from '../ip.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/ip-ignored',
  severity: 'warning',
  docs: {
    description: 'A NIC sets IpAddress but its allocation mode is POOL, DHCP or NONE',
    reason:
      'Only MANUAL uses IpAddress; with POOL the server picks an address from the pool, with DHCP and NONE it sets none, so the written address is silently ignored (tf docs; pyvcloud#205; semantic-rules.md R15). It fires on requests the server takes (pyvcloud instantiate_vapp writes the given ip_address with the default DHCP mode), because the address the author wrote is not the one the VM gets. IpAddress "Any" (terraform-provider-vcd\'s placeholder NIC) names no address and is not reported.',
    fix: 'Use MANUAL to get this address, or remove <IpAddress>.',
  },
  messages: {
    ignored: 'NIC {{nic}} of {{vm}} sets IpAddress {{ip}} but uses {{mode}}, so the address is ignored; use MANUAL or remove it',
  },
  check(ctx) {
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm) return;
        const mode = text(nic.IpAddressAllocationMode)?.trim();
        const ip = text(nic.IpAddress)?.trim();
        // "Any" is no particular address (network.xsd IpAddressType), so there is nothing to ignore.
        if (ip && !isAnyAddress(ip) && (mode === 'POOL' || mode === 'DHCP' || mode === 'NONE')) ctx.report({ node: nic, key: 'IpAddress', messageId: 'ignored', data: { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label, ip, mode } });
      },
    };
  },
});

/** R15 (warning): an IpAddress with POOL, DHCP or NONE is ignored. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/ip-ignored',
  severity: 'warning',
  docs: {
    description: 'A NIC sets IpAddress but its allocation mode is POOL, DHCP or NONE',
    reason: 'Only MANUAL uses IpAddress; with POOL the server picks an address from the pool, with DHCP and NONE it sets none, so the written address is silently ignored (tf docs; pyvcloud#205; semantic-rules.md R15).',
    fix: 'Use MANUAL to get this address, or remove <IpAddress>.',
  },
  messages: {
    ignored: 'NIC {{nic}} of {{vm}} sets IpAddress {{ip}} but uses {{mode}}, so the address is ignored; use MANUAL or remove it',
  },
  check(ctx) {
    for (const { vm, nic, i } of ctx.nics()) {
      const mode = text(nic.IpAddressAllocationMode)?.trim();
      const ip = text(nic.IpAddress)?.trim();
      if (ip && (mode === 'POOL' || mode === 'DHCP' || mode === 'NONE')) ctx.report({ node: nic, key: 'IpAddress', messageId: 'ignored', data: { nic: text(nic.NetworkConnectionIndex) ?? i, vm: vm.label, ip, mode } });
    }
  },
});

/** R18: a NIC with allocation mode NONE is attached to network "none" and not connected. */
import { defineRule } from '../engine.js';
import { bool, text } from '../view.js';

export default defineRule({
  id: 'nic/none-mode-disconnected',
  severity: 'error',
  docs: {
    description: 'A NIC with IpAddressAllocationMode NONE is attached to a network or connected',
    reason: 'NONE means "no network": Cloud Director expects network="none" and IsConnected=false for it and rejects a connected NONE NIC (terraform-provider-vcd docs and PR#535, networksToConfig; semantic-rules.md R18).',
    fix: 'Write network="none" and <IsConnected>false</IsConnected>, or choose POOL/DHCP/MANUAL to attach the NIC.',
  },
  messages: {
    network: 'NIC {{nic}} of {{vm}} uses NONE but is attached to network "{{network}}"; write network="none"',
    connected: 'NIC {{nic}} of {{vm}} uses NONE but IsConnected is true; write <IsConnected>false</IsConnected>',
  },
  check(ctx) {
    for (const { vm, nic, i } of ctx.nics()) {
      if (text(nic.IpAddressAllocationMode)?.trim() !== 'NONE') continue;
      const data = { nic: text(nic.NetworkConnectionIndex) ?? i, vm: vm.label };
      const network = text(nic.network);
      if (network !== undefined && network !== 'none') ctx.report({ node: nic, key: '@network', messageId: 'network', data: { ...data, network } });
      if (bool(nic.IsConnected) === true) ctx.report({ node: nic, key: 'IsConnected', messageId: 'connected', data });
    }
  },
});

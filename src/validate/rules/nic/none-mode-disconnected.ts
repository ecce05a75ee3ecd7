/** R18: a NIC with allocation mode NONE is attached to network "none" and not connected. */
import { defineRule } from '../engine.js';
import { replaceText } from '../fix.js';
import { bool, text } from '../view.js';

export default defineRule({
  id: 'nic/none-mode-disconnected',
  severity: 'error',
  fixable: true,
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
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm || text(nic.IpAddressAllocationMode)?.trim() !== 'NONE') return;
        const data = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label };
        const network = text(nic.network);
        if (network !== undefined && network !== 'none') ctx.report({ node: nic, key: '@network', messageId: 'network', data: { ...data, network } });
        // A NONE NIC has nothing to connect to, so false is the only value the server takes: a certain fix.
        if (bool(nic.IsConnected) === true) ctx.report({ node: nic, key: 'IsConnected', messageId: 'connected', data, fix: replaceText(nic, 'IsConnected', 'false', 'Set IsConnected to false') });
      },
    };
  },
});

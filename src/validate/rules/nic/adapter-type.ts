/** R21: NetworkAdapterType is a known adapter; SR-IOV needs a directly connected network. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

const KNOWN = ['VMXNET3', 'E1000', 'E1000E', 'VMXNET2', 'VMXNET', 'PCNet32', 'VLANCE', 'FLEXIBLE', 'SRIOVETHERNETCARD'];

export default defineRule({
  id: 'nic/adapter-type',
  severity: 'warning',
  docs: {
    description: 'NetworkAdapterType is not a known adapter, or SR-IOV is used on a routed/isolated vApp network',
    reason: 'NetworkAdapterType is a plain string in the XSD; the server knows VMXNET3, E1000, E1000E, VMXNET2, VMXNET, PCNet32/VLANCE, FLEXIBLE and SRIOVETHERNETCARD, and an SR-IOV adapter needs a network bridged directly to a port group (XSD doc; tf docs; semantic-rules.md R21).',
    fix: 'Use one of the known adapter names in upper case (VMXNET3 is the usual choice); attach SR-IOV NICs to a bridged network.',
  },
  messages: {
    unknown: 'NIC {{nic}} of {{vm}}: NetworkAdapterType "{{value}}" is not a known adapter ({{known}})',
    sriovRouted: 'NIC {{nic}} of {{vm}} is an SR-IOV adapter on vApp network "{{network}}", which is {{fence}}; SR-IOV needs a directly connected (bridged) network',
  },
  check(ctx) {
    // The fence mode of each vApp network, once per document.
    const fence = new Map(ctx.vappNetworks.map((n) => [n.networkName, text(n.Configuration?.FenceMode)?.trim()]));
    return {
      NetworkConnection({ vm, value: nic, index }) {
        if (!vm) return;
        const value = text(nic.NetworkAdapterType)?.trim();
        if (value === undefined) return;
        const data = { nic: text(nic.NetworkConnectionIndex) ?? index ?? 0, vm: vm.label };
        if (!KNOWN.some((k) => k.toUpperCase() === value.toUpperCase())) {
          ctx.report({ node: nic, key: 'NetworkAdapterType', messageId: 'unknown', data: { ...data, value, known: KNOWN.join(', ') } });
          return;
        }
        const f = fence.get(text(nic.network) ?? '');
        if (value.toUpperCase() === 'SRIOVETHERNETCARD' && (f === 'isolated' || f === 'natRouted')) ctx.report({ node: nic, key: 'NetworkAdapterType', messageId: 'sriovRouted', data: { ...data, network: text(nic.network) ?? '', fence: f } });
      },
    };
  },
});

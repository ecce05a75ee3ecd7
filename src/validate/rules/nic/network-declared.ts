/** R19: a NIC's network and a NetworkAssignment's containerNetwork name a vApp network (or "none"). */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'nic/network-declared',
  severity: 'error',
  docs: {
    description: 'A NIC or NetworkAssignment names a network that is not a network of the vApp',
    reason:
      'NetworkConnection/@network and NetworkAssignment/@containerNetwork refer to vApp networks by name (or "none"), not to org VDC networks; a name the vApp lacks is rejected (tf-vcd#539; XSD NetworkAssignment doc; semantic-rules.md R19). For instantiate and compose requests that define vApp networks, the NetworkConfigSection of the same document must have the name. For a recompose the vApp already exists: with a context file (vapp.networks) the name is checked, otherwise only a warning is given. That warning fires on requests the server takes (go-vcloud-director, terraform-provider-vcd and pyvcloud add VMs to a vApp on its existing networks), because the document alone cannot show the network exists.',
    fix: 'Add a <NetworkConfig networkName="..."> for the network to the root NetworkConfigSection, correct the name, or use network="none".',
  },
  messages: {
    undeclared: '{{what}} of {{vm}} uses network "{{network}}" but the NetworkConfigSection defines only {{declared}}; declare it or fix the name',
    noNetworks: '{{what}} of {{vm}} uses network "{{network}}" but this {{kind}} defines no vApp network; add a NetworkConfigSection with it or use "none"',
    notInVApp: '{{what}} of {{vm}} uses network "{{network}}", which the vApp does not have (its networks: {{declared}})',
    unverified: '{{what}} of {{vm}} uses network "{{network}}", which this recompose does not define; it must already exist in the vApp (pass --context with vapp.networks to check)',
  },
  check(ctx) {
    const hasSection = ctx.vapp.sections.some((s) => s.name === 'NetworkConfigSection');
    const declared = new Set(ctx.vappNetworks.map((n) => n.networkName));
    // InstantiateOvfParams names vApp networks also through NetworkMapping targets.
    for (const m of (ctx.root.NetworkMapping as Array<{ Target?: string }> | undefined) ?? []) if (text(m.Target)) declared.add(text(m.Target)!.trim());
    const known = ctx.context?.vapp?.networks;
    const list = (names: Iterable<string>) => [...names].map((n) => `"${n}"`).join(', ') || 'none';
    const judge = (u: { node: object; key: string; network: string; what: string; vm: string }) => {
      if (u.network === 'none' || declared.has(u.network)) return;
      const base = { what: u.what, vm: u.vm, network: u.network };
      if (ctx.kind === 'RecomposeVAppParams') {
        if (known) {
          if (!known.includes(u.network)) ctx.report({ node: u.node, key: u.key, messageId: 'notInVApp', data: { ...base, declared: list(new Set([...known, ...declared])) } });
        } else ctx.report({ node: u.node, key: u.key, messageId: 'unverified', severity: 'warning', data: base });
      } else if (hasSection) ctx.report({ node: u.node, key: u.key, messageId: 'undeclared', data: { ...base, declared: list(declared) } });
      else if (ctx.kind === 'ComposeVAppParams') ctx.report({ node: u.node, key: u.key, messageId: 'noNetworks', data: { ...base, kind: ctx.kind } });
      // Instantiate, clone and OVF requests without a NetworkConfigSection keep the source's networks, which the document does not list.
    };
    return {
      NetworkConnection({ vm, value: nic, index }) {
        const network = text(nic.network);
        if (vm && network !== undefined) judge({ node: nic, key: '@network', network, what: `NIC ${text(nic.NetworkConnectionIndex) ?? index ?? 0}`, vm: vm.label });
      },
      NetworkAssignment({ vm, value: na, up }) {
        const network = text(na.containerNetwork);
        if (vm?.kind === 'SourcedItem' && up?.value === vm.node && network !== undefined) judge({ node: na, key: '@containerNetwork', network, what: 'NetworkAssignment', vm: vm.label });
      },
    };
  },
});

/** R20 (and R36's expirations): read-only values in a request are ignored by the server. */
import { defineRule, forElements } from '../engine.js';
import { namesOf } from '../walk.js';

// Not marked modifiable=none in the XSD but not applied by these requests (tf comment "MAC ... does not get set with this call"):
// element -> the parent element it is read-only under.
const EXTRA: Record<string, string> = { MACAddress: 'NetworkConnection' };
// Response metadata (identity, navigation, state the server computes): copied from a GET into a request it is
// harmless, as vcloud-rest, fog and pyvcloud do with section href/type, so it is reported as info only.
const ECHO = new Set(['href', 'type', 'needsCustomization', 'Link', 'VirtualMachineId', 'IsDeployed', 'AllocatedIpAddresses', 'SubAllocations', 'RouterInfo']);
// The element kinds that can be read-only, from the descriptions (once).
const KINDS = [...namesOf((p) => !!p.readOnly), ...Object.keys(EXTRA)];

export default defineRule({
  id: 'readonly/ignored-value',
  severity: 'warning',
  docs: {
    description: 'The request sets a read-only value (MACAddress, ExternalIpAddress, IsDeployed, *LeaseExpiration, VirtualMachineId, Link, href/type of a section)',
    reason:
      'Values the schema marks modifiable=none appear in server responses; copied into a request they are ignored (or rejected by some versions), so the user believes something was set that was not (XSD modifiable=none; terraform-provider-vcd comment on MACAddress; semantic-rules.md R20, R36). It fires on requests the server takes: terraform-provider-vcd sends a NIC\'s MACAddress with the create call and sets it again with a later PUT because the create ignores it, so a MACAddress (or an ExternalIpAddress, a *LeaseExpiration) is a warning: the value written is not the value the VM gets. Response metadata that no one means to set (href/type of a section, Link, needsCustomization, VirtualMachineId, IsDeployed; fog and vcloud-rest copy section href/type into their requests) is reported as info only.',
    fix: 'Remove the value from the request; set the MAC address, for example, with a later reconfigure of the VM.',
  },
  messages: {
    element: '<{{name}}> is read-only in a request; Cloud Director ignores it',
    attribute: 'the {{name}} attribute on <{{element}}> is read-only in a request; Cloud Director ignores it',
  },
  check(ctx) {
    return {
      ...forElements(KINDS, (v) => {
        const p = v.particle;
        if (!p.readOnly && (EXTRA[p.local] === undefined || v.up?.particle.local !== EXTRA[p.local])) return;
        // VAppParent is "reserved, unimplemented" rather than a response value; version/ and reference/ rules cover it.
        if (p.local === 'VAppParent') return;
        ctx.report({ node: v.parent, key: v.key, index: v.index, messageId: 'element', severity: ECHO.has(p.local) ? 'info' : undefined, data: { name: p.local } });
      }),
      '@*'(v) {
        if (v.attr.readOnly) ctx.report({ node: v.obj, key: `@${v.attr.key}`, messageId: 'attribute', severity: ECHO.has(v.attr.local) ? 'info' : undefined, data: { name: v.attr.local, element: v.element?.particle.local ?? ctx.kind } });
      },
    };
  },
});

/** R20 (and R36's expirations): read-only values in a request are ignored by the server. */
import { defineRule } from '../engine.js';

// Not marked modifiable=none in the XSD but not applied by these requests (tf comment "MAC ... does not get set with this call").
const EXTRA = new Set(['NetworkConnection/MACAddress']);

export default defineRule({
  id: 'readonly/ignored-value',
  severity: 'warning',
  docs: {
    description: 'The request sets a read-only value (MACAddress, ExternalIpAddress, IsDeployed, *LeaseExpiration, VirtualMachineId, Link, href/type of a section)',
    reason:
      'Values the schema marks modifiable=none appear in server responses; copied into a request they are ignored (or rejected by some versions), so the user believes something was set that was not (XSD modifiable=none; terraform-provider-vcd comment on MACAddress; semantic-rules.md R20, R36).',
    fix: 'Remove the value from the request; set the MAC address, for example, with a later reconfigure of the VM.',
  },
  messages: {
    element: '<{{name}}> is read-only in a request; Cloud Director ignores it',
    attribute: 'the {{name}} attribute on <{{element}}> is read-only in a request; Cloud Director ignores it',
  },
  check(ctx) {
    ctx.walk({
      element(v) {
        if (!v.particle.readOnly && ![...EXTRA].some((e) => v.trail.endsWith(e))) return;
        // VAppParent is "reserved, unimplemented" rather than a response value; version/ and reference/ rules cover it.
        if (v.particle.local === 'VAppParent') return;
        ctx.report({ node: v.parent, key: v.key, index: v.index, messageId: 'element', data: { name: v.particle.local } });
      },
      attr(v) {
        if (v.attr.readOnly) ctx.report({ node: v.obj, key: `@${v.attr.key}`, messageId: 'attribute', data: { name: v.attr.local, element: v.trail.split('/').pop() ?? '' } });
      },
    });
  },
});

/** R06: an element or attribute the target API version does not know yet. */
import { defineRule } from '../engine.js';
import { versionListeners } from './_listen.js';

export default defineRule({
  id: 'version/not-yet-available',
  severity: 'error',
  docs: {
    description: 'An element or attribute appeared after the target API version',
    reason:
      'Cloud Director validates a request against the schema of the negotiated API version; an element added later (VmGeneralParams 5.6, ComputePolicy 33.0, IpType 34.0, BootOptions firmware fields 37.1, ...) is rejected as unexpected (semantic-rules.md R06; pyvcloud#41, #207). Without --api-version the newest version is assumed.',
    fix: 'Raise the API version in the Accept header (and --api-version) to at least the version named, or drop the element.',
  },
  messages: {
    tooNew: '{{name}} needs API version {{since}} or later, but the target is {{target}}; remove it or target a newer API version',
  },
  check(ctx) {
    return versionListeners(ctx, 'not-yet-available', (f) => {
      ctx.report({ node: f.node, key: f.key, index: f.index, messageId: 'tooNew', data: { name: f.name, since: f.version, target: ctx.apiVersion } });
    });
  },
});

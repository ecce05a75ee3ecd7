/** R06: an element or attribute the target API version has removed (the XSD may still carry it). */
import { defineRule } from '../engine.js';
import { versionListeners } from './_listen.js';

export default defineRule({
  id: 'version/removed',
  severity: 'error',
  docs: {
    description: 'An element or attribute was removed at or before the target API version',
    reason:
      'Some elements stay in the published XSD after the API removed them (SourcedVmInstantiationParams after 9.1, AdvancedNetworkingEnabled in 31.0, VdcComputePolicy in 34.0), so schema validity does not mean the server accepts them (schema-facts.md §5). It is an error for an explicit --api-version and a warning when the newest version is only assumed.',
    fix: 'Use the replacement named in the message, or target an older API version if the server really is that old.',
  },
  messages: {
    removed: '{{name}} was removed in API version {{version}} (target {{target}}); {{advice}}',
  },
  check(ctx) {
    // Without --api-version the target is a guess (the newest), so a removal is only likely to matter.
    const severity = ctx.apiVersionGiven ? 'error' : 'warning';
    return versionListeners(ctx, 'removed', (f) => {
      const advice = f.replacement ? `use ${f.replacement} instead` : 'remove it';
      ctx.report({ node: f.node, key: f.key, index: f.index, severity, messageId: 'removed', data: { name: f.name, version: f.version, target: ctx.apiVersion, advice } });
    });
  },
});

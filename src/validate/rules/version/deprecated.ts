/** R06/R07: an element or attribute the target API version has deprecated. */
import { defineRule } from '../engine.js';
import { versionListeners } from './_listen.js';

export default defineRule({
  id: 'version/deprecated',
  severity: 'warning',
  docs: {
    description: 'An element or attribute is deprecated at the target API version',
    reason:
      'Deprecated elements (VdcComputePolicy since 33.0, SourcedVmInstantiationParams since 5.6, singular IpScope since 5.1) still work for a while but are ignored or removed in later versions (XSD meta:version annotations; semantic-rules.md R06/R07).',
    fix: 'Use the replacement named in the message.',
  },
  messages: {
    deprecated: '{{name}} is deprecated since API version {{version}} (target {{target}}); {{advice}}',
  },
  check(ctx) {
    return versionListeners(ctx, 'deprecated', (f) => {
      const advice = f.replacement ? `use ${f.replacement} instead` : 'it will be removed in a later version';
      ctx.report({ node: f.node, key: f.key, index: f.index, messageId: 'deprecated', data: { name: f.name, version: f.version, target: ctx.apiVersion, advice } });
    });
  },
});

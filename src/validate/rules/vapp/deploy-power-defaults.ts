/** R09: deploy and powerOn default to true when omitted; say so explicitly. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'vapp/deploy-power-defaults',
  severity: 'warning',
  docs: {
    description: 'deploy or powerOn is omitted, so the new vApp is deployed and powered on',
    reason:
      'The XSD documents deploy and powerOn as "Defaults to true" without a schema default, so a request that leaves them out starts the vApp, which surprises users who expected a stopped vApp (VAppCreationParamsType documentation; vcd-cli#516; semantic-rules.md R09).',
    fix: 'Write deploy="true|false" and powerOn="true|false" on the root element.',
  },
  messages: {
    omitted: '{{attrs}} omitted on <{{kind}}>: Cloud Director treats a missing value as true and will {{effect}}; write it explicitly',
  },
  check(ctx) {
    // RecomposeVAppParams changes an existing vApp; its power state is not decided by these attributes alone.
    if (ctx.kind === 'RecomposeVAppParams') return;
    const missing = (['deploy', 'powerOn'] as const).filter((a) => text(ctx.root[a]) === undefined);
    if (!missing.length) return;
    const effect = missing.length === 2 ? 'deploy and power on the vApp' : missing[0] === 'deploy' ? 'deploy the vApp' : 'power on the vApp';
    ctx.report({ node: ctx.root, messageId: 'omitted', data: { attrs: missing.join(' and '), kind: ctx.kind, effect } });
  },
});

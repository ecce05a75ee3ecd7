/** R09: deploy and powerOn default to true when omitted; say so explicitly. */
import { defineRule } from '../engine.js';
import { addAttributes } from '../fix.js';
import { text } from '../view.js';

export default defineRule({
  id: 'vapp/deploy-power-defaults',
  severity: 'warning',
  fixable: true,
  docs: {
    description: 'deploy or powerOn is omitted, so the new vApp is deployed and powered on',
    reason:
      'The XSD documents deploy and powerOn as "Defaults to true" without a schema default, so a request that leaves them out starts the vApp, which surprises users who expected a stopped vApp (VAppCreationParamsType documentation; vcd-cli#516; semantic-rules.md R09). It fires on requests the server takes (fog and vcloud-rest write the attributes only when the caller sets them): it is a warning because the server then does something the document does not say. The automatic fix writes the defaults explicitly, which keeps the behaviour.',
    fix: 'Write deploy="true|false" and powerOn="true|false" on the root element.',
  },
  messages: {
    omitted: '{{attrs}} omitted on <{{kind}}>: Cloud Director treats a missing value as true and will {{effect}}; write it explicitly',
  },
  check(ctx) {
    return {
      Document() {
        // RecomposeVAppParams changes an existing vApp; its power state is not decided by these attributes alone.
        if (ctx.kind === 'RecomposeVAppParams') return;
        const missing = (['deploy', 'powerOn'] as const).filter((a) => text(ctx.root[a]) === undefined);
        if (!missing.length) return;
        const effect = missing.length === 2 ? 'deploy and power on the vApp' : missing[0] === 'deploy' ? 'deploy the vApp' : 'power on the vApp';
        // Writing the defaults the server applies keeps the request's meaning: a certain fix (the author may then change them).
        const fix = addAttributes(ctx.root, missing.map((a) => [a, 'true'] as const), `Write ${missing.map((a) => `${a}="true"`).join(' ')} (what Cloud Director does without them)`);
        ctx.report({ node: ctx.root, messageId: 'omitted', data: { attrs: missing.join(' and '), kind: ctx.kind, effect }, fix });
      },
    };
  },
});

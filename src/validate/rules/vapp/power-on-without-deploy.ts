/** R10: powerOn="true" with deploy="false" contradicts itself. */
import { defineRule } from '../engine.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'vapp/power-on-without-deploy',
  severity: 'warning',
  docs: {
    description: 'powerOn="true" together with deploy="false"',
    reason: 'A vApp must be deployed to be powered on; the 1.5 reference describes the pair as "deploy and power on". The server either ignores powerOn or deploys anyway (semantic-rules.md R10).',
    fix: 'Set deploy="true" to start the vApp, or powerOn="false" to leave it stopped.',
  },
  messages: {
    contradiction: 'powerOn="true" with deploy="false": a vApp that is not deployed cannot be powered on; set deploy="true" or powerOn="false"',
  },
  check(ctx) {
    return {
      Document() {
        const deploy = bool(ctx.root.deploy);
        const powerOn = bool(ctx.root.powerOn) ?? (ctx.root.powerOn === undefined ? true : undefined);
        if (deploy === false && powerOn === true) ctx.report({ node: ctx.root, key: '@powerOn', messageId: 'contradiction' });
      },
    };
  },
});

/** R11: a ComposeVAppParams without VMs cannot be deployed or powered on. */
import { defineRule } from '../engine.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'vapp/empty-compose-powered',
  severity: 'warning',
  docs: {
    description: 'An empty ComposeVAppParams (no SourcedItem or CreateItem) asks to deploy or power on',
    reason:
      'A vApp without VMs cannot be deployed; the server creates it and leaves it RESOLVED, and with the default deploy/powerOn=true the task may report a failure (vcd-cli#559; go-vcloud-director CreateRawVApp sends both false; semantic-rules.md R11).',
    fix: 'Write deploy="false" powerOn="false" on an empty composition, and add VMs later with RecomposeVAppParams.',
  },
  messages: {
    empty: 'this ComposeVAppParams has no SourcedItem or CreateItem but {{attrs}}; an empty vApp stays RESOLVED, so set deploy="false" powerOn="false"',
  },
  check(ctx) {
    return {
      Document() {
        if (ctx.kind !== 'ComposeVAppParams' || ctx.vms.length) return;
        const on = (['deploy', 'powerOn'] as const).filter((a) => (ctx.root[a] === undefined ? true : bool(ctx.root[a]) === true));
        if (on.length) ctx.report({ node: ctx.root, messageId: 'empty', data: { attrs: on.map((a) => `${a} is ${ctx.root[a] === undefined ? 'true by default' : 'true'}`).join(' and ') } });
      },
    };
  },
});

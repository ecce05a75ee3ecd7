/** R12 (context): recomposing a running vApp (adding or deleting VMs) fails on older Cloud Director. */
import { defineRule } from '../engine.js';

const RUNNING = new Set(['POWERED_ON', 'PARTIALLY_POWERED_OFF', 'SUSPENDED', 'PARTIALLY_SUSPENDED']);

export default defineRule({
  id: 'lifecycle/recompose-running-vapp',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A RecomposeVAppParams adds or deletes VMs of a vApp that is running (needs --context)',
    reason: 'Older Cloud Director versions reject DeleteItem and new VMs while the vApp is powered on (pyvcloud#212; vcd-cli#498; semantic-rules.md R12). Set vapp.recomposeWhileRunning in the context when the server allows it.',
    fix: 'Power off the vApp first, or confirm the server accepts recompose of running vApps.',
  },
  messages: {
    running: 'the vApp{{name}} is {{state}}; {{change}} on a running vApp fails on older Cloud Director versions; power it off first',
  },
  check(ctx) {
    return {
      Document() {
        const vapp = ctx.context?.vapp;
        if (ctx.kind !== 'RecomposeVAppParams' || !vapp?.status || !RUNNING.has(vapp.status) || vapp.recomposeWhileRunning) return;
        const changes: string[] = [];
        if ((ctx.root.DeleteItem as unknown[] | undefined)?.length) changes.push('deleting VMs');
        if (ctx.vms.some((v) => v.kind === 'SourcedItem' || v.kind === 'CreateItem')) changes.push('adding VMs');
        if (changes.length) ctx.report({ node: ctx.root, messageId: 'running', data: { name: vapp.name ? ` "${vapp.name}"` : '', state: vapp.status, change: changes.join(' and ') } });
      },
    };
  },
});

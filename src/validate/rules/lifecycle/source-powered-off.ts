/** R12 (context): VMs copied or moved must be powered off and have no independent disk. */
import { defineRule } from '../engine.js';
import { findRef } from '../context-helpers.js';
import type { SourcedItemT } from '../model-types.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'lifecycle/source-powered-off',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A source VM or vApp that is copied or moved is not powered off, or has an independent disk (needs --context)',
    reason: 'The SourcedItem documentation requires a source VM to be powered off, a move (sourceDelete / IsSourceDelete=true) fails for a running source, and VMs with independent disks cannot be copied this way (XSD SourcedItem doc; pyvcloud#212; vcd-cli#498; tf vcd_cloned_vapp; semantic-rules.md R12).',
    fix: 'Power off the source (or undeploy it) before sending the request, and detach independent disks.',
  },
  messages: {
    running: '{{what}} "{{name}}" is {{state}}; it must be powered off to be {{action}}',
    independentDisk: '{{what}} "{{name}}" has an independent disk; detach it before copying or moving the VM',
  },
  check(ctx) {
    const vms = ctx.context?.vms;
    if (!vms) return;
    const judge = (source: { href?: string; name?: string } | undefined, move: boolean, what: string, node: object | undefined) => {
      const found = source && findRef(vms, source);
      if (!found) return;
      const name = found.name ?? source?.name ?? found.href;
      if (found.powerState !== 'POWERED_OFF' && (move || what === 'Source VM')) ctx.report({ node, messageId: 'running', data: { what, name, state: found.powerState, action: move ? 'moved' : 'copied' } });
      if (found.independentDisks) ctx.report({ node, messageId: 'independentDisk', data: { what, name } });
    };
    return {
      VmItem({ vm }) {
        if (vm.kind !== 'SourcedItem') return;
        const si = vm.node as SourcedItemT;
        judge(si.Source, bool(si.sourceDelete) === true, 'Source VM', si.Source);
      },
      'Document:exit'() {
        const root = ctx.root as { Source?: { href?: string; name?: string }; IsSourceDelete?: string };
        if (ctx.kind === 'CloneVAppParams' && root.Source) judge(root.Source, bool(root.IsSourceDelete) === true, 'Source vApp', root.Source);
      },
    };
  },
});
